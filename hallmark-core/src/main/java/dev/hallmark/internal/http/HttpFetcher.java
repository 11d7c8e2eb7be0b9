package dev.hallmark.internal.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One GET at a time with the rules every verifier-side fetch shares: the URL must be HTTPS unless its host is a
 * loopback name, redirects are a failure (a JWKS or feed that moves is a configuration change, not something to
 * follow silently), the body is capped while it is read, and the whole response must arrive within the read timeout.
 * Immutable and thread-safe.
 */
public final class HttpFetcher {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(10);

    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "::1", "[::1]", "localhost");

    private final HttpClient client;
    private final Duration readTimeout;
    private final int maxBytes;

    /**
     * @param client      a client that never follows redirects, or null for one made here
     * @param connectTimeout used only when the client is made here
     */
    public HttpFetcher(HttpClient client, Duration connectTimeout, Duration readTimeout, int maxBytes) {
        requirePositive("readTimeout", readTimeout);
        requirePositive("connectTimeout", connectTimeout);
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive, got " + maxBytes);
        }
        if (client == null) {
            client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(connectTimeout).build();
        } else if (client.followRedirects() != HttpClient.Redirect.NEVER) {
            throw new IllegalArgumentException("the HttpClient must not follow redirects (HttpClient.Redirect.NEVER)");
        }
        this.client = client;
        this.readTimeout = readTimeout;
        this.maxBytes = maxBytes;
    }

    /** The URL if it is HTTPS, or HTTP to a loopback host; {@link IllegalArgumentException} otherwise. */
    public static URI requireSecure(URI uri, String what) {
        Objects.requireNonNull(uri, what);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (!uri.isAbsolute() || host == null || host.isEmpty()) {
            throw new IllegalArgumentException(what + " must be an absolute http(s) URL with a host: " + uri);
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException(what + " must not carry credentials in the URL");
        }
        if (uri.getRawFragment() != null) {
            throw new IllegalArgumentException(what + " must not have a fragment: " + uri);
        }
        boolean loopback = LOOPBACK.contains(host.toLowerCase(Locale.ROOT));
        if (scheme.equals("https") || (scheme.equals("http") && loopback)) {
            return uri;
        }
        throw new IllegalArgumentException(what + " must use https (plain http is allowed only for 127.0.0.1, ::1 "
                + "and localhost): " + uri);
    }

    public int maxBytes() {
        return maxBytes;
    }

    /** GETs the URL; a 200 with a body within the cap, or {@link FetchException}. */
    public Response get(URI uri, Map<String, String> headers) throws FetchException {
        HttpRequest.Builder rb = HttpRequest.newBuilder(uri).GET().timeout(readTimeout);
        headers.forEach(rb::header);
        CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(rb.build(), info -> {
            if (info.statusCode() != 200) {
                return HttpResponse.BodySubscribers.replacing(new byte[0]);
            }
            long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
            return new CappedBody(maxBytes, declared);
        });
        HttpResponse<byte[]> response;
        try {
            // the request timeout covers only the headers; this deadline covers the body too
            response = future.get(readTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new FetchException("GET " + uri + ": no complete response within " + readTimeout);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new FetchException("GET " + uri + ": interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            String why = cause instanceof HttpTimeoutException ? "timed out" : describe(cause);
            throw new FetchException("GET " + uri + ": " + why);
        }
        int status = response.statusCode();
        if (status >= 300 && status < 400) {
            throw new FetchException("GET " + uri + ": HTTP " + status + " redirect not followed");
        }
        if (status != 200) {
            throw new FetchException("GET " + uri + ": HTTP " + status);
        }
        return new Response(response.body(), response.headers());
    }

    private static String describe(Throwable t) {
        String m = t.getMessage();
        return t.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m);
    }

    private static void requirePositive(String name, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + d);
        }
    }

    /** A 200 response: its body (within the cap) and headers. */
    public record Response(byte[] body, HttpHeaders headers) {

        public List<String> header(String name) {
            return headers.allValues(name);
        }
    }
}
