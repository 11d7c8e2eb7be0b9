package dev.hallmark.server.http;

import dev.hallmark.server.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A refusal sent before the endpoint read the request body must still leave the connection usable: Jetty closes a
 * connection whose request body is unread, and a client that reuses pooled connections (every HTTP client does)
 * then sees its next request fail. One raw TCP connection, two requests: the second must get its answer.
 */
class ConnectionReuseTest {

    @TempDir
    static Path dir;
    static TestServer t;

    @BeforeAll
    static void start() throws Exception {
        t = new TestServer(dir);
    }

    @AfterAll
    static void stop() throws Exception {
        t.close();
    }

    @ParameterizedTest(name = "{0} {1} refused with {3}, then the connection still answers")
    @CsvSource({
        "POST, /oauth2/token, application/json, 400, good",
        "POST, /oauth2/token, application/x-www-form-urlencoded, 401, bad",
        "POST, /oauth2/introspect, application/json, 400, bad",
        "POST, /oauth2/revoke, text/plain, 400, good",
        "POST, /nowhere, application/x-www-form-urlencoded, 404, none",
    })
    void aRefusalBeforeTheBodyIsReadKeepsTheConnection(String method, String path, String type, int status,
                                                         String credentials) throws Exception {
        URI base = URI.create(t.base());
        String body = "grant_type=client_credentials&pad=" + "x".repeat(20_000);
        String auth = switch (credentials) {
            case "good" -> basic(TestServer.FIRST_PARTY, t.firstPartySecret);
            case "bad" -> basic(TestServer.FIRST_PARTY, "wrong");
            default -> null;
        };
        try (Socket s = new Socket(base.getHost(), base.getPort())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            out.write((method + " " + path + " HTTP/1.1\r\nHost: " + base.getAuthority() + "\r\nContent-Type: " + type
                    + "\r\n" + (auth == null ? "" : "Authorization: " + auth + "\r\n") + "Content-Length: "
                    + body.length() + "\r\n\r\n" + body.substring(0, 100)).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // The rest of the body comes later, as from a slow client: a server that answers without reading it
            // cannot drain it when the exchange completes, and closes the connection.
            Thread.sleep(300);
            out.write(body.substring(100).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(readResponse(in)).startsWith("HTTP/1.1 " + status + " ").doesNotContainIgnoringCase(
                    "Connection: close");

            out.write(("GET /health HTTP/1.1\r\nHost: " + base.getAuthority() + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(readResponse(in)).startsWith("HTTP/1.1 200 ");
        }
    }

    private static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    /** One response: the head, then exactly Content-Length bytes of body (every response here has one). */
    private static String readResponse(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed after " + head.size() + " bytes: " + head);
            }
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String text = head.toString(StandardCharsets.US_ASCII);
        int length = 0;
        for (String line : text.split("\r\n")) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        in.readNBytes(length);
        return text;
    }
}
