package dev.hallmark.server.http;

import dev.hallmark.jwt.Claims;
import dev.hallmark.server.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.hallmark.server.TestServer.FIRST_PARTY;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /metrics} over real HTTP: the counters move with requests and every line is Prometheus text 0.0.4. */
class MetricsEndpointTest {

    private static final String LABEL = "[a-zA-Z_][a-zA-Z0-9_]*=\"(?:\\\\[\\\\\"n]|[^\"\\\\\\n])*\"";
    private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(" + LABEL + "(?:," + LABEL
            + ")*)?\\})? (-?[0-9]+(?:\\.[0-9]+)?(?:[eE][-+]?[0-9]+)?|NaN|[-+]Inf)");
    private static final Pattern HELP = Pattern.compile("# HELP ([a-zA-Z_:][a-zA-Z0-9_:]*) .+");
    private static final Pattern TYPE = Pattern.compile(
            "# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram|summary|untyped)");

    @TempDir
    static Path dir;
    static TestServer t;

    @BeforeAll
    static void start() throws Exception {
        // keys due for rotation at once, so a rotation can be driven by calling maintain()
        t = new TestServer(dir, b -> b.rotationInterval(Duration.ZERO).publishAhead(Duration.ZERO)
                .jwksMaxAge(Duration.ZERO));
    }

    @AfterAll
    static void stop() throws Exception {
        t.close();
    }

    /** Parses the exposition line by line (failing on any line that is not valid) into sample → value. */
    static Map<String, Double> scrape() throws Exception {
        HttpResponse<String> r = t.get("/metrics");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v ->
                assertThat(v).startsWith("text/plain; version=0.0.4"));
        assertThat(r.body()).endsWith("\n");
        Map<String, Double> samples = new LinkedHashMap<>();
        Set<String> typed = new HashSet<>();
        for (String line : r.body().split("\n")) {
            Matcher type = TYPE.matcher(line);
            if (type.matches()) {
                assertThat(typed.add(type.group(1))).as("one TYPE per family: " + line).isTrue();
                continue;
            }
            if (HELP.matcher(line).matches()) {
                continue;
            }
            Matcher m = SAMPLE.matcher(line);
            assertThat(m.matches()).as("a Prometheus sample line: " + line).isTrue();
            String family = m.group(1).replaceAll("_(bucket|sum|count)$", "");
            assertThat(typed).as("TYPE before samples: " + line).contains(family.startsWith("hallmark_http_request_dur")
                    ? family : m.group(1));
            assertThat(samples.put(m.group(1) + (m.group(2) == null ? "" : m.group(2)),
                    Double.parseDouble(m.group(4)))).as("no duplicate series: " + line).isNull();
        }
        return samples;
    }

    static double value(Map<String, Double> samples, String series) {
        return samples.getOrDefault(series, 0.0);
    }

    @Test
    void countersMoveAfterRequests() throws Exception {
        Map<String, Double> before = scrape();
        assertThat(t.form("/oauth2/token", FIRST_PARTY, t.firstPartySecret, "grant_type", "client_credentials")
                .statusCode()).isEqualTo(200);
        assertThat(t.form("/oauth2/token", FIRST_PARTY, t.firstPartySecret, "grant_type", "password", "username",
                TestServer.USERNAME, "password", "wrong").statusCode()).isEqualTo(400);
        HttpResponse<String> pw = t.form("/oauth2/token", FIRST_PARTY, t.firstPartySecret, "grant_type", "password",
                "username", TestServer.USERNAME, "password", TestServer.PASSWORD);
        String refresh = Claims.parse(pw.body()).getString("refresh_token").orElseThrow();
        assertThat(t.form("/oauth2/token", FIRST_PARTY, t.firstPartySecret, "grant_type", "refresh_token",
                "refresh_token", refresh).statusCode()).isEqualTo(200);
        assertThat(t.form("/oauth2/token", FIRST_PARTY, t.firstPartySecret, "grant_type", "refresh_token",
                "refresh_token", refresh).statusCode()).isEqualTo(400);
        assertThat(t.get("/nowhere/secret-user-name").statusCode()).isEqualTo(404);
        t.server.keys().maintain(); // publishes a successor
        t.server.keys().maintain(); // activates it
        Map<String, Double> after = scrape();

        assertThat(value(after, "hallmark_tokens_issued_total{grant=\"client_credentials\"}")
                - value(before, "hallmark_tokens_issued_total{grant=\"client_credentials\"}")).isEqualTo(1.0);
        assertThat(value(after, "hallmark_tokens_issued_total{grant=\"password\"}")
                - value(before, "hallmark_tokens_issued_total{grant=\"password\"}")).isEqualTo(1.0);
        assertThat(value(after, "hallmark_tokens_issued_total{grant=\"refresh_token\"}")
                - value(before, "hallmark_tokens_issued_total{grant=\"refresh_token\"}")).isEqualTo(1.0);
        assertThat(value(after, "hallmark_login_failures_total")
                - value(before, "hallmark_login_failures_total")).isEqualTo(1.0);
        assertThat(value(after, "hallmark_refresh_reuse_detected_total")
                - value(before, "hallmark_refresh_reuse_detected_total")).isEqualTo(1.0);
        assertThat(value(after, "hallmark_key_rotations_total")
                - value(before, "hallmark_key_rotations_total")).isGreaterThanOrEqualTo(1.0);
        String ok = "hallmark_http_requests_total{path=\"/oauth2/token\",status=\"200\"}";
        assertThat(value(after, ok) - value(before, ok)).isEqualTo(3.0);
        String bad = "hallmark_http_requests_total{path=\"/oauth2/token\",status=\"400\"}";
        assertThat(value(after, bad) - value(before, bad)).isEqualTo(2.0);
        // the previous scrape itself was counted
        assertThat(value(after, "hallmark_http_requests_total{path=\"/metrics\",status=\"200\"}")).isGreaterThan(0);
        // unknown paths are one label value, never the path that was asked for
        assertThat(value(after, "hallmark_http_requests_total{path=\"other\",status=\"404\"}")).isGreaterThan(0);
        assertThat(after.keySet()).noneMatch(k -> k.contains("secret-user-name") || k.contains(TestServer.USERNAME)
                || k.contains(t.firstPartySecret));
    }

    @Test
    void latencyHistogramIsCumulativeAndConsistentPerPath() throws Exception {
        t.get("/health");
        Map<String, Double> s = scrape();
        String h = "hallmark_http_request_duration_seconds";
        String[] bounds = {"0.001", "0.0025", "0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1.0", "2.5",
                "5.0", "+Inf"};
        double previous = 0;
        for (String le : bounds) {
            String series = h + "_bucket{path=\"/health\",le=\"" + le + "\"}";
            assertThat(s).containsKey(series);
            assertThat(s.get(series)).isGreaterThanOrEqualTo(previous);
            previous = s.get(series);
        }
        assertThat(s.get(h + "_count{path=\"/health\"}")).isEqualTo(previous).isGreaterThanOrEqualTo(1.0);
        assertThat(s.get(h + "_sum{path=\"/health\"}")).isGreaterThan(0.0);
    }
}
