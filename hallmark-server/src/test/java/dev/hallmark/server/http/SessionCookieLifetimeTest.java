package dev.hallmark.server.http;

import dev.hallmark.jwt.Claims;
import dev.hallmark.server.MutableClock;
import dev.hallmark.server.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static dev.hallmark.server.TestServer.FIRST_PARTY;
import static dev.hallmark.server.TestServer.PASSWORD;
import static dev.hallmark.server.TestServer.USERNAME;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A refresh family ends at a fixed instant however often it rotates, so each refresh cookie (and its CSRF companion)
 * must say the family's remaining time, not the full configured lifetime: a browser would otherwise keep sending a
 * cookie the server can only refuse.
 */
class SessionCookieLifetimeTest {

    @Test
    void refreshCookiesCarryTheFamilysRemainingTime(@TempDir Path dir) throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-29T10:00:00.250Z"));
        try (TestServer t = new TestServer(dir, b -> b.clock(clock).refreshLifetime(Duration.ofDays(7)))) {
            HttpResponse<String> login = t.post("/session/login", SessionEndpointTest.FORM,
                    TestServer.encode("username", USERNAME, "password", PASSWORD, "client_id", FIRST_PARTY),
                    "Origin", t.base());
            assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
            assertMaxAge(login, Duration.ofDays(7).getSeconds());

            clock.advance(Duration.ofDays(2).plusMillis(500));
            Map<String, String> cookies = SessionEndpointTest.setCookies(login);
            String cookieHeader = "__Host-hallmark-at=" + cookies.get("__Host-hallmark-at")
                    + "; __Secure-hallmark-rt=" + cookies.get("__Secure-hallmark-rt")
                    + "; __Host-hallmark-csrf=" + cookies.get("__Host-hallmark-csrf");
            String csrf = Claims.parse(login.body()).getString("csrf_token").orElseThrow();
            HttpResponse<String> refresh = t.post("/session/refresh", SessionEndpointTest.FORM, "",
                    "Origin", t.base(), "X-CSRF-Token", csrf, "Cookie", cookieHeader);
            assertThat(refresh.statusCode()).as(refresh.body()).isEqualTo(200);
            // 5 days less half a second left, rounded up to whole seconds
            assertMaxAge(refresh, Duration.ofDays(5).getSeconds());
            // the access token keeps its own, fixed lifetime
            assertThat(SessionEndpointTest.setCookieLines(refresh).get("__Host-hallmark-at")).contains("; Max-Age=900;");
        }
    }

    private static void assertMaxAge(HttpResponse<String> r, long seconds) {
        Map<String, String> lines = SessionEndpointTest.setCookieLines(r);
        assertThat(lines.get("__Secure-hallmark-rt")).contains("; Max-Age=" + seconds + ";");
        assertThat(lines.get("__Host-hallmark-csrf")).contains("; Max-Age=" + seconds + ";");
    }
}
