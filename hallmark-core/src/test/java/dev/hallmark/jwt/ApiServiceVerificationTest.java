package dev.hallmark.jwt;

import dev.hallmark.Reason;
import dev.hallmark.Rejection;
import dev.hallmark.jwk.Jwk;
import dev.hallmark.jwk.JwkSet;
import dev.hallmark.jwk.KeyGenerator;
import dev.hallmark.testing.LoopbackServer;
import dev.hallmark.testing.LoopbackServer.Reply;
import dev.hallmark.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The verifier side as an API service configures it (discovery, access-token profile, revocation feed, cache), against
 * a loopback issuer that serves what hallmark-server serves: RFC 8414 metadata, a JWKS with Cache-Control and the
 * revocation feed. The real issuer and a real API are exercised end to end in examples/orders-api.
 */
class ApiServiceVerificationTest {

    static final Jwk OLD_KEY = KeyGenerator.forAlgorithm("ES256").keyId("2026-11").generate();
    static final Jwk NEW_KEY = KeyGenerator.forAlgorithm("ES256").keyId("2026-12").generate();

    final MutableClock clock = new MutableClock(TestKeys.NOW);
    final List<String> revoked = new CopyOnWriteArrayList<>();
    LoopbackServer issuer;
    String issuerUrl;
    RevocationFeed feed;
    JwtVerifier verifier;

    @BeforeEach
    void start() {
        issuer = LoopbackServer.start();
        issuerUrl = issuer.base();
        issuer.reply("/.well-known/oauth-authorization-server", Reply.json("{\"issuer\":\"" + issuerUrl
                + "\",\"jwks_uri\":\"" + issuerUrl + "/oauth2/jwks\",\"revocations_feed_endpoint\":\"" + issuerUrl
                + "/oauth2/revocations\",\"response_types_supported\":[]}"));
        publish(OLD_KEY);
        issuer.route("/oauth2/revocations", r -> {
            StringBuilder items = new StringBuilder();
            for (String jti : revoked) {
                items.append(items.length() == 0 ? "" : ",").append("{\"jti\":\"").append(jti).append("\",\"exp\":")
                        .append(TestKeys.NOW.plusSeconds(900).getEpochSecond()).append('}');
            }
            return Reply.json("{\"revocations\":[" + items + "],\"next\":" + revoked.size() + ",\"more\":false}");
        });
        feed = RevocationFeed.builder(URI.create(issuerUrl + "/oauth2/revocations"))
                .clientCredentials("orders-api", "secret").clock(clock).pollInterval(Duration.ofHours(1)).build();
        verifier = JwtVerifier.builder()
                .issuerDiscovery(issuerUrl)
                .expectAudience("orders-api")
                .accessTokenProfile()
                .leeway(Duration.ofSeconds(30))
                .revocationCheck(feed)
                .verifiedTokenCache(1000)
                .clock(clock)
                .build();
    }

    @AfterEach
    void stop() {
        verifier.close();
        feed.close();
        issuer.close();
    }

    void publish(Jwk... keys) {
        issuer.reply("/oauth2/jwks", Reply.json(JwkSet.of(List.of(keys)).toPublicJson())
                .header("Cache-Control", "public, max-age=600"));
    }

    String accessToken(Jwk key, String jti, String audience) {
        Claims claims = Claims.builder().issuer(issuerUrl).subject("alice").audience(audience).claim("client_id", "web")
                .jwtId(jti).expiresAt(clock.instant().plus(Duration.ofMinutes(15))).build();
        return JwtSigner.builder(key).type("at+jwt").clock(Clock.fixed(clock.instant(), ZoneOffset.UTC)).build()
                .sign(claims);
    }

    @Test
    void theWholeVerifierSide() {
        String token = accessToken(OLD_KEY, "t1", "orders-api");
        for (int i = 0; i < 100; i++) {
            assertThat(verifier.verify(token).claims().subject()).contains("alice");
        }
        assertThat(issuer.count("/oauth2/jwks")).isEqualTo(1);

        Rejection.assertRejected(() -> verifier.verify(accessToken(OLD_KEY, "t2", "billing-api")),
                Reason.AUDIENCE_MISMATCH);
        String idToken = JwtSigner.builder(OLD_KEY).clock(Clock.fixed(clock.instant(), ZoneOffset.UTC)).build()
                .sign(Claims.builder().issuer(issuerUrl).subject("alice").audience("orders-api")
                        .claim("client_id", "web").jwtId("t3").expiresAt(clock.instant().plusSeconds(60)).build());
        Rejection.assertRejected(() -> verifier.verify(idToken), Reason.TYPE_MISMATCH);

        // revocation: refused once the feed has been polled
        revoked.add("t1");
        assertThat(verifier.verify(token)).isNotNull();
        feed.pollNow();
        Rejection.assertRejected(() -> verifier.verify(token), Reason.REVOKED);

        // rotation: a token with the new kid verifies after one refetch (the cooldown since the last fetch passed)
        publish(OLD_KEY, NEW_KEY);
        clock.advance(Duration.ofSeconds(30));
        String rotated = accessToken(NEW_KEY, "t4", "orders-api");
        assertThat(verifier.verify(rotated)).isNotNull();
        assertThat(issuer.count("/oauth2/jwks")).isEqualTo(2);

        // the issuer goes away: cached keys keep working well past their max-age, within stale-if-error
        issuer.close();
        clock.advance(Duration.ofMinutes(12));
        String later = accessToken(NEW_KEY, "t5", "orders-api");
        assertThat(verifier.verify(later)).isNotNull();
        assertThat(verifier.verify(rotated)).isNotNull();
        assertThat(feed.pollNow()).isFalse();
        Rejection.assertRejected(() -> verifier.verify(token), Reason.REVOKED);
    }
}
