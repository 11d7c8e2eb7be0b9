package dev.hallmark.jwt;

import dev.hallmark.jwk.Jwk;
import dev.hallmark.jwk.JwkSet;
import dev.hallmark.jwk.KeySource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static dev.hallmark.Rejection.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Safe by default, explicit to loosen (architecture.md): {@link JwtVerifier.Builder#build()} refuses with
 * {@link IllegalStateException} unless keys are given and the issuer and audience decisions were made, and when
 * settings contradict each other or the leeway is out of bounds. All problems are reported at once.
 */
class JwtVerifierBuilderTest {

    private static final Jwk KEY = TestKeys.ES256.toPublicJwk();

    private static JwtVerifier.Builder complete() {
        return JwtVerifier.builder().key(KEY).expectIssuer("iss").expectAudience("aud");
    }

    @Test
    void aCompleteBuilderBuilds() {
        assertThat(complete().build()).isNotNull();
        assertThat(JwtVerifier.builder().key(KEY).ignoreIssuer().ignoreAudience().build()).isNotNull();
    }

    @Test
    void withoutAnIssuerDecision() {
        assertThatThrownBy(() -> JwtVerifier.builder().key(KEY).expectAudience("aud").build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("issuer not decided");
        // expectIssuer() with no values decides nothing
        assertThatThrownBy(() -> JwtVerifier.builder().key(KEY).expectIssuer().expectAudience("aud").build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("issuer not decided");
    }

    @Test
    void withoutAnAudienceDecision() {
        assertThatThrownBy(() -> JwtVerifier.builder().key(KEY).expectIssuer("iss").build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("audience not decided");
        assertThatThrownBy(() -> JwtVerifier.builder().key(KEY).expectIssuer("iss").expectAudience().build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("audience not decided");
    }

    @Test
    void withoutKeys() {
        assertThatThrownBy(() -> JwtVerifier.builder().expectIssuer("iss").expectAudience("aud").build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no trusted keys");
    }

    @Test
    void withAnEmptyKeySetVerificationFindsNoKey() {
        // an empty source cannot be told from a source that is empty right now (a JWKS between rotations), so it
        // builds, and every token is KEY_NOT_FOUND
        JwtVerifier verifier = JwtVerifier.builder().keys(KeySource.of(JwkSet.of())).expectIssuer(TestKeys.ISSUER)
                .expectAudience(TestKeys.AUDIENCE).clock(TestKeys.CLOCK).build();
        String token = TestKeys.signer(TestKeys.ES256).sign(TestKeys.validClaims().build());
        assertRejected(() -> verifier.verify(token), dev.hallmark.Reason.KEY_NOT_FOUND);
    }

    @Test
    void contradictoryIssuerSettings() {
        assertThatThrownBy(() -> complete().ignoreIssuer().build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("contradict");
    }

    @Test
    void contradictoryAudienceSettings() {
        assertThatThrownBy(() -> complete().ignoreAudience().build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("contradict");
    }

    @Test
    void allowingAMissingExpWhileRequiringIt() {
        assertThatThrownBy(() -> complete().allowMissingExpiration().requireClaims("exp").build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("contradict");
    }

    @ParameterizedTest(name = "leeway {0}")
    @ValueSource(strings = {"PT10M0.000000001S", "PT11M", "PT1H", "P1D", "PT-0.000000001S", "PT-1S", "PT-10M"})
    void leewayOutOfBounds(String leeway) {
        assertThatThrownBy(() -> complete().leeway(Duration.parse(leeway)).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("leeway");
    }

    @ParameterizedTest(name = "leeway {0}")
    @ValueSource(strings = {"PT0S", "PT0.001S", "PT30S", "PT10M"})
    void leewayWithinBounds(String leeway) {
        assertThat(complete().leeway(Duration.parse(leeway)).build()).isNotNull();
        assertThat(JwtVerifier.MAX_LEEWAY).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void aBadLeewayFollowedByAGoodOneStillFails() {
        // the first problem is remembered: a builder passed around cannot be silently "repaired"
        assertThatThrownBy(() -> complete().leeway(Duration.ofHours(1)).leeway(Duration.ofSeconds(5)).build())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertThatThrownBy(() -> JwtVerifier.builder().leeway(Duration.ofHours(2)).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("leeway").hasMessageContaining("no trusted keys")
                .hasMessageContaining("issuer not decided").hasMessageContaining("audience not decided");
    }

    @Test
    void nullsAreRefusedImmediately() {
        assertThatThrownBy(() -> JwtVerifier.builder().keys(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> JwtVerifier.builder().expectIssuer((String) null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> JwtVerifier.builder().expectAudience((String) null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> JwtVerifier.builder().expectType(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> JwtVerifier.builder().clock(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> JwtVerifier.builder().limits(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> JwtVerifier.builder().revocationCheck(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> JwtVerifier.builder().requireClaims((String) null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void aBuiltVerifierIsNotChangedByLaterBuilderCalls() {
        JwtVerifier.Builder builder = complete().clock(TestKeys.CLOCK).expectIssuer(TestKeys.ISSUER)
                .expectAudience(TestKeys.AUDIENCE);
        JwtVerifier verifier = builder.build();
        builder.requireClaims("never-present").expectType("at+jwt");
        String token = TestKeys.signer(TestKeys.ES256).sign(TestKeys.validClaims().build());
        assertThat(verifier.verify(token)).isNotNull();
    }
}
