package dev.hallmark.server.keys;

import dev.hallmark.JoseException;
import dev.hallmark.Reason;
import dev.hallmark.jwk.Jwk;
import dev.hallmark.jwk.JwkSet;
import dev.hallmark.jwk.KeySource;
import dev.hallmark.jwt.Claims;
import dev.hallmark.jwt.Jwt;
import dev.hallmark.jwt.JwtVerifier;
import dev.hallmark.server.MutableClock;
import dev.hallmark.server.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Signing-key rotation over a simulated clock, observed over real HTTP: a new key is published a full
 * {@code publishAhead} before it signs, so verifiers holding an older JWKS keep working; a retired key stays
 * published until the tokens it signed have expired.
 */
class KeyRotationTest {

    @TempDir
    Path dir;

    MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));

    static String accessToken(TestServer s) throws Exception {
        HttpResponse<String> r = s.form("/oauth2/token", TestServer.FIRST_PARTY, s.firstPartySecret, "grant_type",
                "client_credentials");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Claims.parse(r.body()).getString("access_token").orElseThrow();
    }

    static String kid(String token) {
        return Jwt.decodeUnverified(token).header().keyId().orElseThrow();
    }

    static List<String> publishedKids(TestServer s) throws Exception {
        HttpResponse<String> r = s.get("/oauth2/jwks");
        assertThat(r.headers().firstValue("Cache-Control")).contains("public, max-age=600");
        return JwkSet.parse(r.body()).keys().stream().map(k -> k.keyId().orElseThrow()).toList();
    }

    JwtVerifier verifier(TestServer s, String jwksJson) {
        return JwtVerifier.builder().keys(KeySource.of(JwkSet.parse(jwksJson))).expectIssuer(s.base())
                .ignoreAudience().expectType("at+jwt").clock(clock).build();
    }

    @Test
    void rotationPublishesAheadSwitchesThenDeletesTheRetiredKey() throws Exception {
        try (TestServer s = new TestServer(dir, b -> b.clock(clock).rotationInterval(Duration.ofDays(1))
                .publishAhead(Duration.ofHours(1)).jwksMaxAge(Duration.ofMinutes(10)))) {
            String first = accessToken(s);
            String oldKid = kid(first);
            assertThat(publishedKids(s)).containsExactly(oldKid);

            // not yet due: nothing changes
            clock.advance(Duration.ofHours(23));
            assertThat(s.server.keys().maintain()).isFalse();
            assertThat(publishedKids(s)).containsExactly(oldKid);

            // due: a successor is published, but the old key still signs
            clock.advance(Duration.ofHours(1));
            assertThat(s.server.keys().maintain()).isFalse();
            List<String> kids = publishedKids(s);
            assertThat(kids).hasSize(2).contains(oldKid);
            String newKid = kids.stream().filter(k -> !k.equals(oldKid)).findFirst().orElseThrow();
            assertThat(kid(accessToken(s))).isEqualTo(oldKid);
            String cachedJwks = s.get("/oauth2/jwks").body();

            // still inside publishAhead: the old key signs
            clock.advance(Duration.ofMinutes(59));
            assertThat(s.server.keys().maintain()).isFalse();
            String lastOld = accessToken(s);
            assertThat(kid(lastOld)).isEqualTo(oldKid);

            // publishAhead has passed: the new key signs
            clock.advance(Duration.ofMinutes(1));
            assertThat(s.server.keys().maintain()).isTrue();
            String fresh = accessToken(s);
            assertThat(kid(fresh)).isEqualTo(newKid);
            assertThat(publishedKids(s)).containsExactlyInAnyOrder(oldKid, newKid);

            // a verifier that fetched the JWKS before the switch verifies new tokens
            assertThat(verifier(s, cachedJwks).verify(fresh).header().keyId()).contains(newKid);
            // tokens of the old key still verify with the current JWKS until they expire
            String current = s.get("/oauth2/jwks").body();
            assertThat(verifier(s, current).verify(lastOld).header().keyId()).contains(oldKid);
            clock.advance(Duration.ofMinutes(13));
            assertThat(s.server.keys().maintain()).isFalse();
            assertThat(publishedKids(s)).contains(oldKid);
            assertThat(verifier(s, s.get("/oauth2/jwks").body()).verify(lastOld).claims().jwtId()).isPresent();

            // every token of the old key has expired: the key leaves the JWKS
            clock.advance(Duration.ofMinutes(4));
            assertThatThrownBy(() -> verifier(s, current).verify(lastOld))
                    .isInstanceOfSatisfying(JoseException.class, e -> assertThat(e.reason()).isEqualTo(Reason.EXPIRED));
            s.server.keys().maintain();
            assertThat(publishedKids(s)).containsExactly(newKid);
            String later = accessToken(s);
            assertThat(kid(later)).isEqualTo(newKid);
            assertThat(verifier(s, s.get("/oauth2/jwks").body()).verify(later).header().keyId()).contains(newKid);
        }
    }

    @Test
    void theJwksNeverCarriesPrivateMembersAcrossARotation() throws Exception {
        try (TestServer s = new TestServer(dir, b -> b.clock(clock).rotationInterval(Duration.ofDays(1))
                .publishAhead(Duration.ofHours(1)).jwksMaxAge(Duration.ofMinutes(10)))) {
            clock.advance(Duration.ofDays(1));
            s.server.keys().maintain();
            String jwks = s.get("/oauth2/jwks").body();
            for (Jwk k : JwkSet.parse(jwks).keys()) {
                assertThat(k.isPrivate()).isFalse();
            }
            assertThat(jwks).doesNotContain("\"d\"");
        }
    }
}
