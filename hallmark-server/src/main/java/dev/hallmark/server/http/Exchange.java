package dev.hallmark.server.http;

import dev.hallmark.server.issue.OAuthException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** One request and its response, with the reading and writing every handler needs. */
public final class Exchange {

    private final Request request;
    private final Response response;
    private final Callback callback;
    private final int maxBodyBytes;

    Exchange(Request request, Response response, Callback callback, int maxBodyBytes) {
        this.request = request;
        this.response = response;
        this.callback = callback;
        this.maxBodyBytes = maxBodyBytes;
    }

    public String method() {
        return request.getMethod();
    }

    public String path() {
        return Request.getPathInContext(request);
    }

    public String header(String name) {
        return request.getHeaders().get(name);
    }

    /** The query parameter, or null; a repeated one is {@code invalid_request}. */
    public String query(String name) {
        String q = request.getHttpURI().getQuery();
        return q == null ? null : parseForm(q).get(name);
    }

    public String remoteAddress() {
        return Request.getRemoteAddr(request);
    }

    /**
     * The {@code application/x-www-form-urlencoded} body as parameters. Refused: another content type (400), a body
     * over the limit (413), a repeated parameter (RFC 6749 §3.1: parameters must not be included more than once).
     */
    public Map<String, String> form() {
        String type = header("Content-Type");
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).split(";")[0].trim()
                .equals("application/x-www-form-urlencoded")) {
            throw new HttpStatusException(400, "invalid_request",
                    "the body must be application/x-www-form-urlencoded (RFC 6749 §3.2)");
        }
        return parseForm(new String(body(), StandardCharsets.UTF_8));
    }

    /**
     * Reads and drops the body, for endpoints that take none or refuse before reading it: a response sent while the
     * body is still unread makes Jetty close the connection, which a client reusing it sees as a failed request.
     */
    public void discardBody() {
        body();
    }

    private byte[] body() {
        String length = header("Content-Length");
        long declared = -1;
        if (length != null) {
            try {
                declared = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                throw new HttpStatusException(400, "invalid_request", "bad Content-Length");
            }
        }
        try (InputStream in = Content.Source.asInputStream(request)) {
            if (declared > maxBodyBytes) {
                drain(in);
                throw tooLarge();
            }
            byte[] data = in.readNBytes(maxBodyBytes + 1);
            if (data.length > maxBodyBytes) {
                drain(in);
                throw tooLarge();
            }
            return data;
        } catch (IOException e) {
            throw new HttpStatusException(400, "invalid_request", "the request body could not be read");
        }
    }

    /**
     * Reads and discards what is left of an oversized body, up to a bound, so the client (still sending) receives the
     * 413 instead of a reset connection; beyond the bound the connection is simply closed.
     */
    private static void drain(InputStream in) throws IOException {
        long left = 1024 * 1024;
        while (left > 0) {
            long n = in.skip(left);
            if (n <= 0) {
                if (in.read() < 0) {
                    return;
                }
                n = 1;
            }
            left -= n;
        }
    }

    private HttpStatusException tooLarge() {
        return new HttpStatusException(413, "invalid_request", "the request body is larger than " + maxBodyBytes + " bytes");
    }

    static Map<String, String> parseForm(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        if (body.isEmpty()) {
            return out;
        }
        for (String pair : body.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name;
            String value;
            try {
                name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw OAuthException.invalidRequest("malformed form encoding");
            }
            if (out.put(name, value) != null) {
                throw OAuthException.invalidRequest("parameter \"" + safe(name) + "\" is repeated (RFC 6749 §3.1)");
            }
        }
        return out;
    }

    static String safe(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length() && i < 40; i++) {
            char c = s.charAt(i);
            b.append(c < 0x20 || c == '"' || c == '\\' ? '?' : c);
        }
        return b.toString();
    }

    public void setHeader(String name, String value) {
        response.getHeaders().put(name, value);
    }

    public void addHeader(String name, String value) {
        response.getHeaders().add(name, value);
    }

    /** Sends a JSON body; token-bearing responses carry {@code Cache-Control: no-store} (RFC 6749 §5.1). */
    public void json(int status, Object body) {
        send(status, "application/json", JsonOut.write(body));
    }

    public void send(int status, String contentType, String body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType + (contentType.startsWith("text/")
                || contentType.endsWith("json") ? ";charset=utf-8" : ""));
        if (response.getHeaders().get(HttpHeader.CACHE_CONTROL) == null) {
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        }
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    }

    public void empty(int status) {
        response.setStatus(status);
        response.write(true, null, callback);
    }

    int status() {
        return response.getStatus();
    }

    boolean committed() {
        return response.isCommitted();
    }
}
