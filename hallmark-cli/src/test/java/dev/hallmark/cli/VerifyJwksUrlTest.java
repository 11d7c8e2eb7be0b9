package dev.hallmark.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.hallmark.cli.CliAssertions.assertSuccess;
import static dev.hallmark.cli.CliAssertions.assertUsageError;
import static dev.hallmark.cli.CliAssertions.assertUsageErrorStartingWith;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code hallmark verify --jwks URL} against a real HTTP server on the loopback interface: the JWK Set is fetched
 * once, redirects are not followed, plain http is refused for other hosts before any connection, and responses are
 * capped at 1 MiB.
 */
class VerifyJwksUrlTest {

    private static final long NOW = Cli.NOW.getEpochSecond();

    private HttpServer server;
    private String base;
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final List<String> acceptHeaders = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        byte[] jwks = Fixtures.text("public.jwks.json").getBytes(StandardCharsets.UTF_8);
        route("/jwks.json", ex -> {
            acceptHeaders.add(ex.getRequestHeaders().getFirst("Accept"));
            ex.getResponseHeaders().add("Content-Type", "application/jwk-set+json");
            send(ex, 200, jwks);
        });
        route("/missing", ex -> send(ex, 404, "not here".getBytes(StandardCharsets.UTF_8)));
        route("/redirect", ex -> {
            ex.getResponseHeaders().add("Location", base + "/jwks.json");
            send(ex, 302, new byte[0]);
        });
        route("/huge", ex -> {
            // One byte over 1 MiB, streamed without a length so the client cannot refuse it up front.
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                byte[] chunk = new byte[64 * 1024];
                java.util.Arrays.fill(chunk, (byte) ' ');
                for (int i = 0; i < 16; i++) {
                    out.write(chunk);
                }
                out.write('x');
            }
        });
        route("/large-set", ex -> {
            // Under the 1 MiB transfer cap but over the 512 KiB JWK Set limit of hallmark-core.
            String padding = " ".repeat(600 * 1024);
            send(ex, 200, ("{\"keys\":[]" + padding + "}").getBytes(StandardCharsets.UTF_8));
        });
        route("/html", ex -> send(ex, 200, "<html>login</html>".getBytes(StandardCharsets.UTF_8)));
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    private void route(String path, Handler handler) {
        hits.put(path, new AtomicInteger());
        server.createContext(path, ex -> {
            hits.get(path).incrementAndGet();
            try (ex) {
                handler.handle(ex);
            }
        });
    }

    private static void send(HttpExchange ex, int status, byte[] body) throws IOException {
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static String tokenSignedBy(String kid) {
        return assertSuccess(Cli.run("sign", "--key", Fixtures.key("private.jwks.json"), "--kid", kid, "--sub", kid))
                .outLine();
    }

    @Test
    void verifiesAgainstTheFetchedJwkSet() {
        for (String kid : List.of("rsa-2048", "ec-p256", "ed25519")) {
            Cli.Result r = assertSuccess(Cli.run("verify", "--jwks", base + "/jwks.json", tokenSignedBy(kid)));
            assertThat(r.outLine()).isEqualTo("{\"iat\":" + NOW + ",\"sub\":\"" + kid + "\"}");
        }
        assertThat(hits.get("/jwks.json").get()).as("one fetch per run").isEqualTo(3);
        assertThat(acceptHeaders).allSatisfy(a -> assertThat(a).contains("application/jwk-set+json"));
    }

    @Test
    void batchModeFetchesOnce() {
        String stdin = tokenSignedBy("ec-p256") + "\n" + tokenSignedBy("ed25519") + "\ngarbage\n";
        Cli.Result r = Cli.withStdin(stdin).exec("verify", "--jwks", base + "/jwks.json", "-");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.outLines()).hasSize(3);
        assertThat(hits.get("/jwks.json").get()).isEqualTo(1);
    }

    @Test
    void aTokenNamingAnUnknownKidIsRejectedNotAUsageError() {
        String token = assertSuccess(Cli.run("sign", "--key", Fixtures.key("ec-p256.jwk.json"), "--kid", "gone"))
                .outLine();
        Cli.Result r = Cli.run("verify", "--jwks", base + "/jwks.json", token);
        CliAssertions.assertRejected(r, "KEY_NOT_FOUND");
    }

    @Test
    void http404IsAUsageError() {
        String url = base + "/missing";
        assertUsageError(Cli.run("verify", "--jwks", url, tokenSignedBy("ec-p256")), "error: --jwks " + url + ": HTTP 404");
    }

    @Test
    void redirectsAreNotFollowed() {
        String url = base + "/redirect";
        assertUsageError(Cli.run("verify", "--jwks", url, tokenSignedBy("ec-p256")), "error: --jwks " + url + ": HTTP 302");
        assertThat(hits.get("/redirect").get()).isEqualTo(1);
        assertThat(hits.get("/jwks.json").get()).as("the redirect target was never fetched").isZero();
    }

    @Test
    void aResponseOverOneMebibyteIsRefused() {
        String url = base + "/huge";
        assertUsageError(Cli.run("verify", "--jwks", url, tokenSignedBy("ec-p256")),
                "error: --jwks " + url + ": response larger than 1048576 bytes");
    }

    @Test
    void aJwkSetOverTheCoreLimitIsRefused() {
        String url = base + "/large-set";
        assertUsageErrorStartingWith(Cli.run("verify", "--jwks", url, tokenSignedBy("ec-p256")),
                "error: --jwks " + url + ": unusable key: TOO_LARGE: ");
    }

    @Test
    void aResponseThatIsNoKeyIsAUsageError() {
        String url = base + "/html";
        assertUsageError(Cli.run("verify", "--jwks", url, tokenSignedBy("ec-p256")),
                "error: --jwks " + url + ": not a JWK, a JWK Set or a PEM key");
    }

    @Test
    void aClosedPortIsAUsageError() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port + "/jwks.json";
        assertUsageErrorStartingWith(Cli.run("verify", "--jwks", url, tokenSignedBy("ec-p256")),
                "error: --jwks " + url + ": cannot fetch (ConnectException");
    }

    /**
     * Plain http to anything but a loopback address is refused before any connection or name lookup: the host is
     * checked as text (a literal IP, or "localhost"), so these run without network access.
     */
    @ParameterizedTest
    @ValueSource(strings = {"http://example.com/jwks.json", "http://10.1.2.3/jwks.json", "http://192.168.0.1:8080/k",
        "http://localhost.example.com/jwks.json", "http://127.0.0.1.nip.io/jwks.json", "http://[2001:db8::1]/jwks.json"})
    void plainHttpToANonLoopbackHostIsRefused(String url) {
        assertUsageError(Cli.run("verify", "--jwks", url, tokenSignedBy("ec-p256")),
                "error: --jwks " + url + ": plain http is allowed only for loopback addresses; use https");
    }

    @Test
    void urlsWithoutAHostOrThatDoNotParseAreUsageErrors() {
        assertUsageError(Cli.run("verify", "--jwks", "http:///jwks.json", tokenSignedBy("ec-p256")),
                "error: --jwks http:///jwks.json: the URL has no host");
        assertUsageError(Cli.run("verify", "--jwks", "https://exa mple.com/", tokenSignedBy("ec-p256")),
                "error: --jwks https://exa mple.com/: not a valid URL");
    }
}
