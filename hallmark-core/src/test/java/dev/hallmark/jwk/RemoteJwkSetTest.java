package dev.hallmark.jwk;

import dev.hallmark.JoseException;
import dev.hallmark.Limits;
import dev.hallmark.Reason;
import dev.hallmark.jwt.JwtVerifier;
import dev.hallmark.testing.LoopbackServer;
import dev.hallmark.testing.LoopbackServer.Reply;
import dev.hallmark.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import static dev.hallmark.testing.LoopbackServer.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** RemoteJwkSet against a real HTTP server on loopback, with a clock the test moves. */
class RemoteJwkSetTest {

    static final Jwk KEY_1 = KeyGenerator.forAlgorithm("ES256").keyId("k1").generate().toPublicJwk();
    static final Jwk KEY_2 = KeyGenerator.forAlgorithm("ES256").keyId("k2").generate().toPublicJwk();
    static final String JWKS = "/jwks";

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T10:00:00Z"));
    LoopbackServer server;
    final List<RemoteJwkSet> opened = new ArrayList<>();

    @BeforeEach
    void start() {
        server = LoopbackServer.start();
        serve(KEY_1);
    }

    @AfterEach
    void stop() {
        opened.forEach(RemoteJwkSet::close);
        server.close();
    }

    void serve(Jwk... keys) {
        server.reply(JWKS, Reply.json(JwkSet.of(keys).toPublicJson()));
    }

    RemoteJwkSet.Builder builder() {
        return RemoteJwkSet.builder(server.uri(JWKS)).clock(clock);
    }

    RemoteJwkSet open(RemoteJwkSet.Builder b) {
        RemoteJwkSet set = b.build();
        opened.add(set);
        return set;
    }

    /** The verifier's matcher, which each fetched snapshot answers from its table. */
    static JwkMatcher kid(String kid) {
        return JwkMatcher.forVerification(kid);
    }

    @Test
    void fetchesOnFirstUseAndServesFromTheCacheAfterwards() {
        RemoteJwkSet set = open(builder());
        assertThat(set.fetchCount()).isZero();
        for (int i = 0; i < 100; i++) {
            assertThat(set.select(kid("k1"))).containsExactly(KEY_1);
        }
        assertThat(server.count(JWKS)).isEqualTo(1);
        assertThat(set.fetchCount()).isEqualTo(1);
        assertThat(set.lastSuccessfulFetch()).contains(clock.instant());
    }

    @Test
    void cacheControlMaxAgeDecidesWhenABackgroundRefreshStarts() {
        server.reply(JWKS, Reply.json(JwkSet.of(KEY_1).toPublicJson()).header("Cache-Control", "public, max-age=120"));
        RemoteJwkSet set = open(builder());
        set.select(kid("k1"));
        clock.advance(Duration.ofSeconds(89)); // refresh starts at 3/4 of 120 s
        set.select(kid("k1"));
        assertThat(server.count(JWKS)).isEqualTo(1);
        serve(KEY_2);
        clock.advance(Duration.ofSeconds(2));
        // the caller is answered from the current set while the refresh runs in the background
        assertThat(set.select(kid("k1"))).containsExactly(KEY_1);
        assertThat(eventually(() -> set.select(kid("k2")).size() == 1)).isTrue();
        assertThat(server.count(JWKS)).isEqualTo(2);
    }

    @Test
    void maxAgeIsClampedToTheConfiguredBounds() {
        server.reply(JWKS, Reply.json(JwkSet.of(KEY_1).toPublicJson()).header("Cache-Control", "max-age=5"));
        RemoteJwkSet set = open(builder().minimumCacheTime(Duration.ofMinutes(2)));
        set.select(kid("k1"));
        clock.advance(Duration.ofSeconds(89)); // below 3/4 of the 2-minute minimum
        set.select(kid("k1"));
        assertThat(server.count(JWKS)).isEqualTo(1);

        server.reply(JWKS, Reply.json(JwkSet.of(KEY_1).toPublicJson()).header("Cache-Control", "max-age=999999999"));
        RemoteJwkSet capped = open(builder().maximumCacheTime(Duration.ofHours(1)));
        capped.select(kid("k1"));
        clock.advance(Duration.ofMinutes(46)); // past 3/4 of the 1-hour maximum
        capped.select(kid("k1"));
        assertThat(eventually(() -> capped.fetchCount() == 2)).isTrue();
    }

    @Test
    void noStoreCountsAsTheMinimumCacheTime() {
        server.reply(JWKS, Reply.json(JwkSet.of(KEY_1).toPublicJson()).header("Cache-Control", "no-store"));
        RemoteJwkSet set = open(builder().minimumCacheTime(Duration.ofMinutes(1)));
        set.select(kid("k1"));
        clock.advance(Duration.ofSeconds(44));
        set.select(kid("k1"));
        assertThat(set.fetchCount()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(2));
        set.select(kid("k1"));
        assertThat(eventually(() -> set.fetchCount() == 2)).isTrue();
    }

    @Test
    void withoutCacheControlTheDefaultCacheTimeApplies() {
        RemoteJwkSet set = open(builder().defaultCacheTime(Duration.ofMinutes(10)));
        set.select(kid("k1"));
        clock.advance(Duration.ofMinutes(7)); // below 7.5 minutes
        set.select(kid("k1"));
        assertThat(set.fetchCount()).isEqualTo(1);
        clock.advance(Duration.ofMinutes(1));
        set.select(kid("k1"));
        assertThat(eventually(() -> set.fetchCount() == 2)).isTrue();
    }

    @Test
    void anUnknownKidRefetchesOncePerCooldownAndFindsARotatedKey() {
        RemoteJwkSet set = open(builder());
        set.select(kid("k1"));
        serve(KEY_1, KEY_2);
        // within the cooldown of the first fetch: the current set answers, nothing is fetched
        assertThat(set.select(kid("k2"))).isEmpty();
        assertThat(server.count(JWKS)).isEqualTo(1);
        clock.advance(Duration.ofSeconds(30));
        assertThat(set.select(kid("k2"))).containsExactly(KEY_2);
        assertThat(server.count(JWKS)).isEqualTo(2);
        assertThat(set.select(kid("nope"))).isEmpty();
        assertThat(server.count(JWKS)).isEqualTo(2);
    }

    @Test
    void aBurstOfRandomKidsFromManyThreadsCostsAtMostOneFetchPerCooldown() throws Exception {
        RemoteJwkSet set = open(builder());
        set.select(kid("k1"));
        for (int round = 1; round <= 3; round++) {
            clock.advance(Duration.ofSeconds(31));
            burst(set, 1000, 8);
            assertThat(server.count(JWKS)).as("fetches after round %d", round).isEqualTo(1 + round);
        }
        // the known key is served throughout
        assertThat(set.select(kid("k1"))).containsExactly(KEY_1);
    }

    @Test
    void aBurstOfVerificationsWithRandomKidsCostsAtMostOneFetchPerCooldown() throws Exception {
        RemoteJwkSet set = open(builder());
        JwtVerifier verifier = JwtVerifier.builder().keys(set).expectIssuer("https://auth.example.com")
                .expectAudience("orders-api").clock(clock).build();
        set.select(kid("k1"));
        for (int round = 1; round <= 2; round++) {
            clock.advance(Duration.ofSeconds(30));
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<Reason>> reasons = new ArrayList<>();
                for (int i = 0; i < 1000; i++) {
                    reasons.add(pool.submit(() -> {
                        try {
                            verifier.verify(randomKidToken());
                            return null;
                        } catch (JoseException e) {
                            return e.reason();
                        }
                    }));
                }
                for (Future<Reason> r : reasons) {
                    assertThat(r.get()).isEqualTo(Reason.KEY_NOT_FOUND);
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(server.count(JWKS)).as("fetches after round %d", round).isEqualTo(1 + round);
        }
    }

    /** A well-formed ES256 token naming a random kid; the kid is looked up before any signature work. */
    static String randomKidToken() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String kid = Long.toHexString(ThreadLocalRandom.current().nextLong());
        byte[] signature = new byte[64];
        ThreadLocalRandom.current().nextBytes(signature);
        return b64.encodeToString(("{\"alg\":\"ES256\",\"kid\":\"" + kid + "\"}").getBytes(StandardCharsets.UTF_8))
                + "." + b64.encodeToString("{\"sub\":\"x\"}".getBytes(StandardCharsets.UTF_8))
                + "." + b64.encodeToString(signature);
    }

    static void burst(RemoteJwkSet set, int requests, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < requests / threads; i++) {
                        String random = Long.toHexString(ThreadLocalRandom.current().nextLong());
                        assertThat(set.select(kid(random))).isEmpty();
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentColdStartCallersShareOneFetch() throws Exception {
        server.reply(JWKS, Reply.json(JwkSet.of(KEY_1).toPublicJson()).delayed(Duration.ofMillis(300)));
        RemoteJwkSet set = open(builder());
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<List<Jwk>>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    return set.select(kid("k1"));
                }));
            }
            go.countDown();
            for (Future<List<Jwk>> f : results) {
                assertThat(f.get()).containsExactly(KEY_1);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(server.count(JWKS)).isEqualTo(1);
    }

    @Test
    void theLastGoodSetIsServedWhileTheIssuerFailsThenItBecomesUnavailable() {
        server.reply(JWKS, Reply.json(JwkSet.of(KEY_1).toPublicJson()).header("Cache-Control", "max-age=600"));
        RemoteJwkSet set = open(builder().staleIfError(Duration.ofMinutes(30)));
        set.select(kid("k1"));
        server.reply(JWKS, Reply.status(500));
        clock.advance(Duration.ofMinutes(11)); // expired: a refresh is attempted and fails
        assertThat(set.select(kid("k1"))).containsExactly(KEY_1);
        assertThat(eventually(() -> set.failedFetchCount() == 1)).isTrue();
        assertThat(set.lastFailure()).hasValueSatisfying(m -> assertThat(m).contains("HTTP 500"));
        clock.advance(Duration.ofMinutes(28)); // 39 minutes: still within 10 + 30
        assertThat(set.select(kid("k1"))).containsExactly(KEY_1);
        clock.advance(Duration.ofMinutes(2)); // 41 minutes: past the stale-if-error window
        assertThatThrownBy(() -> set.select(kid("k1")))
                .isInstanceOfSatisfying(JoseException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.KEY_NOT_FOUND);
                    assertThat(e.getMessage()).contains("unavailable").contains("HTTP 500");
                });
        // once the issuer is back, the next attempt after the cooldown recovers
        serve(KEY_1);
        clock.advance(Duration.ofSeconds(30));
        assertThat(set.select(kid("k1"))).containsExactly(KEY_1);
    }

    @Test
    void garbageKeepsTheLastGoodSet() {
        RemoteJwkSet set = open(builder());
        set.select(kid("k1"));
        for (String garbage : List.of("not json", "{\"keys\":1}", "{\"keys\":[]}", "{\"keys\":[{\"kty\":\"XX\"}]}",
                "{\"keys\":[],\"keys\":[]}", "[]")) {
            server.reply(JWKS, Reply.json(garbage));
            clock.advance(Duration.ofSeconds(30));
            long failed = set.failedFetchCount();
            assertThat(set.select(kid("unknown"))).isEmpty(); // forces a fetch
            assertThat(set.failedFetchCount()).as(garbage).isEqualTo(failed + 1);
            assertThat(set.select(kid("k1"))).as(garbage).containsExactly(KEY_1);
        }
    }

    @Test
    void symmetricKeysInAFetchedSetAreNeverTrusted() {
        Jwk secret = KeyGenerator.forAlgorithm("HS256").keyId("hs").generate();
        String mixed = JwkSet.of(KEY_1, secret).toPrivateJson(); // toPublicJson would leave the secret out
        server.reply(JWKS, Reply.json(mixed));
        RemoteJwkSet set = open(builder());
        assertThat(set.select(kid("hs"))).isEmpty();
        assertThat(set.select(kid("k1"))).containsExactly(KEY_1);
        // a token MACed with the published secret is refused, not verified
        String forged = dev.hallmark.jwt.JwtSigner.builder(secret).clock(clock).build()
                .sign(dev.hallmark.jwt.Claims.builder().issuer("https://auth.example.com").audience("orders-api")
                        .expiresAt(clock.instant().plusSeconds(60)).build());
        JwtVerifier verifier = JwtVerifier.builder().keys(set).expectIssuer("https://auth.example.com")
                .expectAudience("orders-api").clock(clock).build();
        assertThatThrownBy(() -> verifier.verify(forged)).isInstanceOfSatisfying(JoseException.class, e ->
                assertThat(e.reason()).isEqualTo(Reason.KEY_NOT_FOUND));
        // a set of nothing but secrets is a failed fetch
        server.reply(JWKS, Reply.json(JwkSet.of(secret).toPrivateJson()));
        clock.advance(Duration.ofSeconds(30));
        set.select(kid("other"));
        assertThat(set.lastFailure()).hasValueSatisfying(m -> assertThat(m).contains("symmetric"));
        assertThat(set.select(kid("k1"))).containsExactly(KEY_1);
    }

    @Test
    void anOversizedResponseIsRefusedWithoutReadingItAll() {
        Limits small = Limits.builder().maxJwkSetBytes(4096).build();
        StringBuilder big = new StringBuilder("{\"keys\":[],\"pad\":\"");
        big.append("x".repeat(64 * 1024)).append("\"}");
        server.reply(JWKS, Reply.json(big.toString()));
        RemoteJwkSet set = open(builder().limits(small));
        assertThatThrownBy(() -> set.select(kid("k1"))).isInstanceOfSatisfying(JoseException.class, e ->
                assertThat(e.getMessage()).contains("unavailable").contains("over the cap"));
        // chunked, with no Content-Length to refuse it up front
        server.reply(JWKS, Reply.json(big.toString()).header("Transfer-Encoding", "chunked"));
        clock.advance(Duration.ofSeconds(30));
        assertThatThrownBy(() -> set.select(kid("k1"))).isInstanceOf(JoseException.class);
        assertThat(set.failedFetchCount()).isEqualTo(2);
    }

    @Test
    void redirectsAreNotFollowed() {
        server.reply("/moved", Reply.json(JwkSet.of(KEY_1).toPublicJson()));
        server.reply(JWKS, Reply.status(302).header("Location", server.uri("/moved").toString()));
        RemoteJwkSet set = open(builder());
        assertThatThrownBy(() -> set.select(kid("k1"))).isInstanceOfSatisfying(JoseException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.KEY_NOT_FOUND);
            assertThat(e.getMessage()).contains("302").contains("redirect");
        });
        assertThat(server.count("/moved")).isZero();
    }

    @Test
    void aSlowIssuerTimesOutAndFailsTheFetch() {
        server.reply(JWKS, Reply.json(JwkSet.of(KEY_1).toPublicJson()).delayed(Duration.ofSeconds(3)));
        RemoteJwkSet set = open(builder().readTimeout(Duration.ofMillis(200)));
        assertThatThrownBy(() -> set.select(kid("k1"))).isInstanceOfSatisfying(JoseException.class, e ->
                assertThat(e.getMessage()).contains("unavailable"));
        assertThat(set.failedFetchCount()).isEqualTo(1);
    }

    @Test
    void aFailedFirstFetchIsRetriedOnlyAfterTheCooldown() {
        server.reply(JWKS, Reply.status(503));
        RemoteJwkSet set = open(builder());
        for (int i = 0; i < 50; i++) {
            assertThatThrownBy(() -> set.select(kid("k1"))).isInstanceOf(JoseException.class);
        }
        assertThat(server.count(JWKS)).isEqualTo(1);
        serve(KEY_1);
        clock.advance(Duration.ofSeconds(30));
        assertThat(set.select(kid("k1"))).containsExactly(KEY_1);
        assertThat(server.count(JWKS)).isEqualTo(2);
    }

    @Test
    void anUnchangedSetKeepsItsKeyObjects() {
        RemoteJwkSet set = open(builder());
        Jwk before = set.select(kid("k1")).get(0);
        clock.advance(Duration.ofSeconds(30));
        set.select(kid("other"));
        assertThat(set.fetchCount()).isEqualTo(2);
        assertThat(set.select(kid("k1")).get(0)).isSameAs(before);
        // any other matcher is answered by a pass over the same key objects
        assertThat(set.select(JwkMatcher.builder().keyId("k1").use("sig").keyOperation("verify").build()))
                .singleElement().isSameAs(before);
    }

    @Test
    void httpsIsRequiredExceptForLoopback() {
        assertThatThrownBy(() -> RemoteJwkSet.builder(URI.create("http://auth.example.com/jwks")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https");
        assertThatThrownBy(() -> RemoteJwkSet.builder(URI.create("ftp://127.0.0.1/jwks")).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RemoteJwkSet.builder(URI.create("https://user:pw@auth.example.com/jwks")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("pw");
        assertThatThrownBy(() -> RemoteJwkSet.builder(URI.create("/jwks")).build())
                .isInstanceOf(IllegalArgumentException.class);
        for (String ok : List.of("https://auth.example.com/jwks", "http://127.0.0.1:8080/jwks",
                "http://localhost/jwks", "http://[::1]:9/jwks")) {
            open(RemoteJwkSet.builder(URI.create(ok)));
        }
    }

    @Test
    void aClientThatFollowsRedirectsIsRefused() {
        HttpClient follows = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
        assertThatThrownBy(() -> builder().httpClient(follows).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("redirect");
        HttpClient never = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        assertThat(open(builder().httpClient(never)).select(kid("k1"))).containsExactly(KEY_1);
    }

    @Test
    void contradictoryBoundsAreRefused() {
        assertThatThrownBy(() -> builder().minimumCacheTime(Duration.ofHours(2)).maximumCacheTime(Duration.ofHours(1))
                .build()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> builder().unknownKidCooldown(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder().staleIfError(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theBackgroundTimerRefreshesWithoutTraffic() {
        // real time here: the timer wakes on wall-clock delays and asks the clock whether a refresh is due
        server.reply(JWKS, Reply.json(JwkSet.of(KEY_1).toPublicJson()).header("Cache-Control", "max-age=1"));
        RemoteJwkSet set = open(RemoteJwkSet.builder(server.uri(JWKS)).minimumCacheTime(Duration.ofSeconds(1))
                .unknownKidCooldown(Duration.ofSeconds(1)));
        set.select(kid("k1"));
        serve(KEY_2);
        assertThat(eventually(() -> server.count(JWKS) >= 2)).isTrue();
        assertThat(eventually(() -> set.select(kid("k2")).size() == 1)).isTrue();
    }

    @Test
    void closeStopsTheSet() {
        RemoteJwkSet set = open(builder());
        set.select(kid("k1"));
        set.close();
        set.close();
        assertThatThrownBy(() -> set.select(kid("k1"))).isInstanceOf(IllegalStateException.class);
    }
}
