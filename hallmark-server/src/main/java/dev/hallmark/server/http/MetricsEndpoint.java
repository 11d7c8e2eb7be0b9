package dev.hallmark.server.http;

import dev.hallmark.server.issue.PasswordLogin;
import dev.hallmark.server.issue.RefreshTokens;
import dev.hallmark.server.keys.KeyManager;

import java.util.Map;

/**
 * {@code GET /metrics}: Prometheus text exposition format 0.0.4. Labels carry only fixed values (registered paths,
 * status codes, grant types the token endpoint accepted); never user names, client ids or tokens.
 */
public final class MetricsEndpoint implements Endpoint {

    private final Router router;
    private final TokenEndpoint tokens;
    private final PasswordLogin login;
    private final RefreshTokens refreshTokens;
    private final KeyManager keys;

    public MetricsEndpoint(Router router, TokenEndpoint tokens, PasswordLogin login, RefreshTokens refreshTokens,
                           KeyManager keys) {
        this.router = router;
        this.tokens = tokens;
        this.login = login;
        this.refreshTokens = refreshTokens;
        this.keys = keys;
    }

    @Override
    public void handle(Exchange x) {
        StringBuilder b = new StringBuilder(4096);
        header(b, "hallmark_http_requests_total", "HTTP requests by path and status.", "counter");
        for (Map.Entry<String, Long> e : router.requestCounts().entrySet()) {
            int space = e.getKey().lastIndexOf(' ');
            b.append("hallmark_http_requests_total{path=\"").append(label(e.getKey().substring(0, space)))
                    .append("\",status=\"").append(label(e.getKey().substring(space + 1))).append("\"} ")
                    .append(e.getValue()).append('\n');
        }
        header(b, "hallmark_tokens_issued_total", "Token responses by grant type.", "counter");
        for (Map.Entry<String, Long> e : tokens.issuedByGrant().entrySet()) {
            b.append("hallmark_tokens_issued_total{grant=\"").append(label(e.getKey())).append("\"} ")
                    .append(e.getValue()).append('\n');
        }
        header(b, "hallmark_login_failures_total", "Failed password logins (wrong, unknown or throttled).", "counter");
        b.append("hallmark_login_failures_total ").append(login.failures()).append('\n');
        header(b, "hallmark_refresh_reuse_detected_total", "Refresh-token reuses that revoked a family.", "counter");
        b.append("hallmark_refresh_reuse_detected_total ").append(refreshTokens.reuseDetections()).append('\n');
        header(b, "hallmark_key_rotations_total", "Signing-key switches to a successor by this instance.", "counter");
        b.append("hallmark_key_rotations_total ").append(keys.rotations()).append('\n');
        String h = "hallmark_http_request_duration_seconds";
        header(b, h, "HTTP request latency by path.", "histogram");
        for (Map.Entry<String, LatencyHistogram.Snapshot> e : router.latencies().entrySet()) {
            String path = label(e.getKey());
            long[] c = e.getValue().cumulative();
            for (int i = 0; i < LatencyHistogram.BUCKETS.length; i++) {
                b.append(h).append("_bucket{path=\"").append(path).append("\",le=\"")
                        .append(LatencyHistogram.BUCKETS[i]).append("\"} ").append(c[i]).append('\n');
            }
            b.append(h).append("_bucket{path=\"").append(path).append("\",le=\"+Inf\"} ")
                    .append(e.getValue().count()).append('\n');
            b.append(h).append("_sum{path=\"").append(path).append("\"} ").append(e.getValue().sumSeconds())
                    .append('\n');
            b.append(h).append("_count{path=\"").append(path).append("\"} ").append(e.getValue().count())
                    .append('\n');
        }
        x.send(200, "text/plain; version=0.0.4", b.toString());
    }

    private static void header(StringBuilder b, String name, String help, String type) {
        b.append("# HELP ").append(name).append(' ').append(help).append('\n');
        b.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    /** Label values are escaped as the format requires (backslash, quote, newline). */
    private static String label(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
