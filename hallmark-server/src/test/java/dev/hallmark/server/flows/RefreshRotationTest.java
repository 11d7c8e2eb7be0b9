package dev.hallmark.server.flows;

import dev.hallmark.jwt.Claims;
import dev.hallmark.server.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.hallmark.server.TestServer.FIRST_PARTY;
import static dev.hallmark.server.TestServer.THIRD_PARTY;
import static org.assertj.core.api.Assertions.assertThat;

/** Refresh-token rotation with reuse detection (RFC 9700 §4.14.2) over real HTTP. */
class RefreshRotationTest {

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

    static Claims json(HttpResponse<String> r) {
        return Claims.parse(r.body());
    }

    static Claims login(TestServer s, String scope) throws Exception {
        HttpResponse<String> r = s.form("/oauth2/token", FIRST_PARTY, s.firstPartySecret, "grant_type", "password",
                "username", TestServer.USERNAME, "password", TestServer.PASSWORD, "scope", scope);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r);
    }

    static HttpResponse<String> refresh(TestServer s, String token, String... extra) throws Exception {
        List<String> p = new ArrayList<>(List.of("grant_type", "refresh_token", "refresh_token", token));
        p.addAll(List.of(extra));
        return s.form("/oauth2/token", FIRST_PARTY, s.firstPartySecret, p.toArray(String[]::new));
    }

    static boolean active(TestServer s, String token) throws Exception {
        HttpResponse<String> r = s.form("/oauth2/introspect", FIRST_PARTY, s.firstPartySecret, "token", token);
        assertThat(r.statusCode()).isEqualTo(200);
        if (r.body().equals("{\"active\":false}")) {
            return false;
        }
        assertThat(json(r).getBoolean("active")).contains(true);
        return true;
    }

    static String field(Claims c, String name) {
        return c.getString(name).orElseThrow();
    }

    @Test
    void refreshRotatesAndReuseOfTheOldTokenRevokesTheFamily() throws Exception {
        Claims first = login(t, "read write");
        HttpResponse<String> r = refresh(t, field(first, "refresh_token"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Cache-Control")).contains("no-store");
        Claims second = json(r);
        assertThat(field(second, "refresh_token")).isNotEqualTo(field(first, "refresh_token"));
        assertThat(field(second, "access_token")).isNotEqualTo(field(first, "access_token"));
        assertThat(field(second, "scope")).isEqualTo("read write");
        assertThat(active(t, field(second, "access_token"))).isTrue();

        HttpResponse<String> reuse = refresh(t, field(first, "refresh_token"));
        assertThat(reuse.statusCode()).isEqualTo(400);
        assertThat(field(json(reuse), "error")).isEqualTo("invalid_grant");

        HttpResponse<String> newest = refresh(t, field(second, "refresh_token"));
        assertThat(newest.statusCode()).isEqualTo(400);
        assertThat(field(json(newest), "error")).isEqualTo("invalid_grant");
        assertThat(active(t, field(first, "access_token"))).isFalse();
        assertThat(active(t, field(second, "access_token"))).isFalse();
        assertThat(active(t, field(second, "refresh_token"))).isFalse();
    }

    @Test
    void concurrentUseOfOneRefreshTokenLetsExactlyOneSucceedAndRevokesTheFamily() throws Exception {
        Claims first = login(t, "read");
        String token = field(first, "refresh_token");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    return refresh(t, token);
                }));
            }
            go.countDown();
            List<HttpResponse<String>> ok = new ArrayList<>();
            for (Future<HttpResponse<String>> f : results) {
                HttpResponse<String> r = f.get();
                if (r.statusCode() == 200) {
                    ok.add(r);
                } else {
                    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
                    assertThat(field(json(r), "error")).isEqualTo("invalid_grant");
                }
            }
            assertThat(ok).hasSize(1);
            Claims winner = json(ok.get(0));
            assertThat(refresh(t, field(winner, "refresh_token")).statusCode()).isEqualTo(400);
            assertThat(active(t, field(winner, "access_token"))).isFalse();
            assertThat(active(t, field(first, "access_token"))).isFalse();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void rfc6749Section6RefreshMayNarrowTheScopeButNotWidenIt() throws Exception {
        Claims first = login(t, "read");
        HttpResponse<String> wider = refresh(t, field(first, "refresh_token"), "scope", "read write");
        assertThat(wider.statusCode()).isEqualTo(400);
        assertThat(field(json(wider), "error")).isEqualTo("invalid_scope");

        Claims both = login(t, "read write");
        HttpResponse<String> narrower = refresh(t, field(both, "refresh_token"), "scope", "read");
        assertThat(narrower.statusCode()).as(narrower.body()).isEqualTo(200);
        assertThat(field(json(narrower), "scope")).isEqualTo("read");
        HttpResponse<String> introspected = t.form("/oauth2/introspect", FIRST_PARTY, t.firstPartySecret, "token",
                field(json(narrower), "access_token"));
        assertThat(field(json(introspected), "scope")).isEqualTo("read");
    }

    @Test
    void aRefreshTokenOfAnotherClientIsInvalidGrant() throws Exception {
        Claims first = login(t, "read");
        HttpResponse<String> r = t.form("/oauth2/token", THIRD_PARTY, t.thirdPartySecret, "grant_type",
                "refresh_token", "refresh_token", field(first, "refresh_token"));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(field(json(r), "error")).isEqualTo("invalid_grant");
        // the rightful client can still use it: a stranger presenting it is not reuse
        assertThat(refresh(t, field(first, "refresh_token")).statusCode()).isEqualTo(200);
    }

    @Test
    void unknownRefreshTokenIsInvalidGrant() throws Exception {
        HttpResponse<String> r = refresh(t, "not-a-token");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(field(json(r), "error")).isEqualTo("invalid_grant");
    }

    @Test
    void aGraceWindowLetsTheImmediatelyPreviousTokenBeRetriedOnce(@TempDir Path other) throws Exception {
        try (TestServer g = new TestServer(other, b -> b.refreshGrace(Duration.ofSeconds(30)))) {
            Claims first = login(g, "read");
            HttpResponse<String> lost = refresh(g, field(first, "refresh_token"));
            assertThat(lost.statusCode()).isEqualTo(200);
            // the client never saw that response and retries with the same token
            HttpResponse<String> retry = refresh(g, field(first, "refresh_token"));
            assertThat(retry.statusCode()).as(retry.body()).isEqualTo(200);
            Claims current = json(retry);
            // a second retry of the same old token is reuse
            HttpResponse<String> again = refresh(g, field(first, "refresh_token"));
            assertThat(again.statusCode()).isEqualTo(400);
            assertThat(field(json(again), "error")).isEqualTo("invalid_grant");
            assertThat(refresh(g, field(current, "refresh_token")).statusCode()).isEqualTo(400);
            assertThat(active(g, field(current, "access_token"))).isFalse();
        }
    }
}
