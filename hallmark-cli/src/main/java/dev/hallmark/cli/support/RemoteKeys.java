package dev.hallmark.cli.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Fetches a JWK Set once for {@code verify --jwks URL}: HTTPS required except for loopback, no redirects, a
 * 10-second timeout and a 1 MiB cap, so a mistyped URL cannot hang or flood the tool.
 */
public final class RemoteKeys {

    private static final int MAX_BYTES = 1024 * 1024;

    private RemoteKeys() {
    }

    public static boolean isUrl(String value) {
        return value.startsWith("https://") || value.startsWith("http://");
    }

    public static KeyFile fetch(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--jwks " + url + ": not a valid URL");
        }
        if (uri.getHost() == null) {
            throw new UsageException("--jwks " + url + ": the URL has no host");
        }
        if (uri.getScheme().equals("http") && !isLoopback(uri.getHost())) {
            throw new UsageException("--jwks " + url + ": plain http is allowed only for loopback addresses; use https");
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Accept", "application/jwk-set+json, application/json").GET().build();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new UsageException("--jwks " + url + ": HTTP " + response.statusCode());
                }
                byte[] data = body.readNBytes(MAX_BYTES + 1);
                if (data.length > MAX_BYTES) {
                    throw new UsageException("--jwks " + url + ": response larger than " + MAX_BYTES + " bytes");
                }
                return KeyFile.parse(new String(data, StandardCharsets.UTF_8), "--jwks " + url);
            }
        } catch (IOException e) {
            throw new UsageException("--jwks " + url + ": cannot fetch (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UsageException("--jwks " + url + ": interrupted");
        }
    }

    private static boolean isLoopback(String host) {
        if (host.equals("localhost")) {
            return true;
        }
        try {
            String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
            return h.matches("[0-9.]+|[0-9a-fA-F:]+") && InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
