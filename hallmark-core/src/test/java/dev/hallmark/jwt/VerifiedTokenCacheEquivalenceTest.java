package dev.hallmark.jwt;

import dev.hallmark.JoseException;
import dev.hallmark.jwk.Jwk;
import dev.hallmark.jwk.JwkMatcher;
import dev.hallmark.jwk.JwkSet;
import dev.hallmark.jwk.KeyGenerator;
import dev.hallmark.jwk.KeySource;
import dev.hallmark.jwk.RemoteJwkSet;
import dev.hallmark.testing.LoopbackServer;
import dev.hallmark.testing.LoopbackServer.Reply;
import dev.hallmark.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The verified-token cache must never change an answer: the same token matrix goes through a cached and an uncached
 * verifier sharing one key source, clock and revocation feed, across clock moves, revocation, key rotation and an
 * unavailable issuer, and every outcome (the reason, or the verified claims) must be equal. Each token is verified
 * twice by the cached verifier so the second answer comes from a hit.
 */
class VerifiedTokenCacheEquivalenceTest {

    static final Instant T0 = TestKeys.NOW;
    static final String ISSUER = TestKeys.ISSUER;
    static final String AUDIENCE = TestKeys.AUDIENCE;
    static final Jwk K1 = KeyGenerator.forAlgorithm("ES256").keyId("k1").generate();
    static final Jwk K2 = KeyGenerator.forAlgorithm("ES256").keyId("k2").generate();

    final MutableClock clock = new MutableClock(T0);
    final List<String> revokedJtis = new ArrayList<>();
    LoopbackServer server;
    RemoteJwkSet keys;
    RevocationFeed feed;
    JwtVerifier cached;
    JwtVerifier uncached;
    Map<String, String> matrix;

    @BeforeEach
    void start() {
        server = LoopbackServer.start();
        publish(K1);
        server.route("/revocations", r -> {
            StringBuilder items = new StringBuilder();
            for (String jti : revokedJtis) {
                items.append(items.length() == 0 ? "" : ",").append("{\"jti\":\"").append(jti).append("\",\"exp\":")
                        .append(T0.plusSeconds(3600).getEpochSecond()).append('}');
            }
            return Reply.json("{\"revocations\":[" + items + "],\"next\":0,\"more\":false}");
        });
        keys = RemoteJwkSet.builder(server.uri("/jwks")).clock(clock).build();
        feed = RevocationFeed.builder(server.uri("/revocations")).clientCredentials("api", "secret")
                .pollInterval(Duration.ofHours(1)).clock(clock).build();
        cached = verifier().verifiedTokenCache(64).build();
        uncached = verifier().build();
        matrix = tokens();
    }

    @AfterEach
    void stop() {
        feed.close();
        keys.close();
        server.close();
    }

    JwtVerifier.Builder verifier() {
        return JwtVerifier.builder().keys(keys).expectIssuer(ISSUER).expectAudience(AUDIENCE).expectType("at+jwt")
                .requireClaims("jti").leeway(Duration.ofSeconds(30)).clock(clock).revocationCheck(feed);
    }

    void publish(Jwk... ks) {
        List<Jwk> pub = new ArrayList<>();
        for (Jwk k : ks) {
            pub.add(k.toPublicJwk());
        }
        server.reply("/jwks", Reply.json(JwkSet.of(pub).toPublicJson()));
    }

    static String sign(Jwk key, Claims claims) {
        return JwtSigner.builder(key).type("at+jwt").clock(java.time.Clock.fixed(T0, java.time.ZoneOffset.UTC))
                .build().sign(claims);
    }

    static Claims.Builder claims(String jti) {
        return Claims.builder().issuer(ISSUER).audience(AUDIENCE).subject("alice").jwtId(jti).issuedAt(T0)
                .expiresAt(T0.plusSeconds(600));
    }

    /** Tokens that pass, fail, or change their answer as the clock, keys and revocations change. */
    static Map<String, String> tokens() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("valid k1", sign(K1, claims("v1").build()));
        m.put("valid k1 second", sign(K1, claims("v1b").claim("scope", "read").build()));
        m.put("valid k2", sign(K2, claims("v2").build()));
        m.put("expires in 60s", sign(K1, claims("e60").expiresAt(T0.plusSeconds(60)).build()));
        m.put("expires in 200s", sign(K1, claims("e200").expiresAt(T0.plusSeconds(200)).build()));
        m.put("nbf in 90s", sign(K1, claims("n90").notBefore(T0.plusSeconds(90)).build()));
        m.put("to be revoked", sign(K1, claims("r1").build()));
        m.put("to be revoked k2", sign(K2, claims("r2").build()));
        m.put("wrong audience", sign(K1, claims("wa").audience("other").build()));
        m.put("wrong issuer", sign(K1, claims("wi").issuer("https://evil.example").build()));
        m.put("no jti", sign(K1, claims("x").remove("jti").build()));
        m.put("no exp", sign(K1, claims("ne").remove("exp").build()));
        m.put("wrong typ", JwtSigner.builder(K1).type("JWT").build().sign(claims("wt").build()));
        m.put("no kid", TokenForge.sign(K1, "ES256", "{\"alg\":\"ES256\",\"typ\":\"at+jwt\"}",
                claims("nk").build().toJson()));
        String valid = m.get("valid k1");
        // the next-to-last character: the last one carries the spare bits, and changing those would make the
        // encoding non-canonical (MALFORMED) rather than the signature wrong; "AA" -> "AB" did so 1 run in 256
        char c = valid.charAt(valid.length() - 2);
        m.put("tampered signature", valid.substring(0, valid.length() - 2) + (c == 'A' ? 'B' : 'A')
                + valid.charAt(valid.length() - 1));
        m.put("tampered payload", valid.substring(0, valid.indexOf('.') + 2) + "x"
                + valid.substring(valid.indexOf('.') + 3));
        m.put("unknown kid", sign(KeyGenerator.forAlgorithm("ES256").keyId("k9").generate(), claims("u").build()));
        m.put("malformed", "not.a.token");
        m.put("non-ascii", valid + "é");
        m.put("too large", "a".repeat(70_000));
        return m;
    }

    static String outcome(JwtVerifier v, String token) {
        try {
            VerifiedJwt jwt = v.verify(token);
            return "OK " + jwt.claims().toJson() + " " + jwt.key().keyId().orElse("-");
        } catch (JoseException e) {
            return e.reason().name();
        }
    }

    /** Lets a due fetch happen now (an unknown kid asks for one), so the round itself sees a frozen key set. */
    void settle() {
        try {
            keys.select(JwkMatcher.builder().keyId("settle").build());
        } catch (JoseException e) {
            // the set is unavailable; the round shows it
        }
        feed.pollNow();
    }

    Map<String, String> round(String name) {
        settle();
        Map<String, String> answers = new LinkedHashMap<>();
        for (Map.Entry<String, String> t : matrix.entrySet()) {
            String expected = outcome(uncached, t.getValue());
            String first = outcome(cached, t.getValue());
            String second = outcome(cached, t.getValue());
            assertThat(first).as("%s: %s (first, cached)", name, t.getKey()).isEqualTo(expected);
            assertThat(second).as("%s: %s (again, cached)", name, t.getKey()).isEqualTo(expected);
            answers.put(t.getKey(), expected.startsWith("OK") ? "OK" : expected);
        }
        return answers;
    }

    @Test
    void cachedAndUncachedAnswerAlikeThroughEveryChange() {
        Map<String, String> r = round("start");
        assertThat(r).containsEntry("valid k1", "OK").containsEntry("valid k2", "KEY_NOT_FOUND")
                .containsEntry("nbf in 90s", "NOT_YET_VALID").containsEntry("no exp", "MISSING_CLAIM")
                .containsEntry("wrong typ", "TYPE_MISMATCH").containsEntry("tampered signature", "BAD_SIGNATURE")
                .containsEntry("too large", "TOO_LARGE").containsEntry("no kid", "OK");
        assertThat(cached.cache().hits()).isPositive();

        clock.advance(Duration.ofSeconds(100)); // past exp 60 + leeway 30; nbf 90 - leeway 30 reached
        r = round("100 s later");
        assertThat(r).containsEntry("expires in 60s", "EXPIRED").containsEntry("nbf in 90s", "OK");

        revokedJtis.add("r1");
        r = round("r1 revoked");
        assertThat(r).containsEntry("to be revoked", "REVOKED").containsEntry("valid k1", "OK");

        clock.advance(Duration.ofSeconds(30));
        publish(K2); // rotation: k1 withdrawn, k2 published
        r = round("rotated to k2");
        assertThat(r).containsEntry("valid k1", "KEY_NOT_FOUND").containsEntry("valid k2", "OK")
                .containsEntry("no kid", "BAD_SIGNATURE");

        clock.advance(Duration.ofSeconds(30));
        publish(K1, K2);
        revokedJtis.add("r2");
        r = round("k1 and k2, r2 revoked");
        assertThat(r).containsEntry("valid k1", "OK").containsEntry("to be revoked k2", "REVOKED");

        clock.set(T0.minusSeconds(60)); // the clock moves back
        r = round("clock moved back");
        assertThat(r).containsEntry("valid k1", "OK").containsEntry("nbf in 90s", "NOT_YET_VALID");

        clock.set(T0.plusSeconds(190)); // within exp 200 + leeway 30
        r = round("near expiry");
        assertThat(r).containsEntry("expires in 200s", "OK");
        clock.set(T0.plusSeconds(231));
        r = round("past expiry with leeway");
        assertThat(r).containsEntry("expires in 200s", "EXPIRED");

        server.reply("/jwks", Reply.status(500));
        clock.set(T0.plusSeconds(590)); // the issuer is down; the last good set is still served
        r = round("issuer down, stale keys");
        assertThat(r).containsEntry("valid k1", "OK");
        clock.set(T0.plus(Duration.ofHours(2))); // past the stale-if-error window
        r = round("keys unavailable");
        assertThat(r).containsEntry("valid k1", "KEY_NOT_FOUND");
    }

    @Test
    void concurrentCallersGetTheSameAnswers() throws Exception {
        settle();
        Map<String, String> expected = new LinkedHashMap<>();
        matrix.forEach((name, token) -> expected.put(name, outcome(uncached, token)));
        List<String> names = new ArrayList<>(matrix.keySet());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 300; i++) {
                        String name = names.get(java.util.concurrent.ThreadLocalRandom.current().nextInt(names.size()));
                        assertThat(outcome(cached, matrix.get(name))).as(name).isEqualTo(expected.get(name));
                    }
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(cached.cache().hits()).isPositive();
    }

    @Test
    void theCacheIsBoundedAndOnlyHoldsSuccesses() {
        JwtVerifier small = JwtVerifier.builder().keys(KeySource.of(K1.toPublicJwk())).expectIssuer(ISSUER)
                .expectAudience(AUDIENCE).clock(clock).verifiedTokenCache(10).build();
        for (int i = 0; i < 100; i++) {
            small.verify(sign(K1, claims("t" + i).build()));
        }
        assertThat(small.cache().size()).isLessThanOrEqualTo(10);
        for (Map.Entry<String, String> t : matrix.entrySet()) {
            outcome(small, t.getValue());
        }
        String token = sign(K1, claims("hot").build());
        small.verify(token);
        long hits = small.cache().hits();
        small.verify(token);
        assertThat(small.cache().hits()).isEqualTo(hits + 1);
        clock.advance(Duration.ofHours(1));
        assertThat(outcome(small, token)).isEqualTo("EXPIRED");
        assertThat(outcome(small, token)).isEqualTo("EXPIRED");
    }

    @Test
    void aNonPositiveSizeIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> verifier().verifiedTokenCache(0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
