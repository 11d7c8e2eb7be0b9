package dev.hallmark.jwt;

import dev.hallmark.Reason;
import dev.hallmark.Rejection;
import dev.hallmark.jwk.Jwk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.hallmark.jwt.TestKeys.AUDIENCE;
import static dev.hallmark.jwt.TestKeys.CLOCK;
import static dev.hallmark.jwt.TestKeys.ISSUER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** RFC 9068 §4: the access-token profile preset. */
class AccessTokenProfileTest {

    static final Jwk KEY = TestKeys.ES256;

    static JwtVerifier profile() {
        return TestKeys.verifier(KEY).accessTokenProfile().build();
    }

    static Claims.Builder accessTokenClaims() {
        return TestKeys.validClaims().claim("client_id", "web").jwtId("jti-1");
    }

    static String sign(String typ, Claims claims) {
        JwtSigner.Builder b = JwtSigner.builder(KEY).clock(CLOCK);
        if (typ != null) {
            b.type(typ);
        }
        return b.build().sign(claims);
    }

    @Test
    void aCompleteAccessTokenVerifies() {
        VerifiedJwt jwt = profile().verify(sign("at+jwt", accessTokenClaims().build()));
        assertThat(jwt.claims().getString("client_id")).contains("web");
    }

    @Test
    void rfc9068Section4AcceptsTheFullMediaTypeToo() {
        // "at+jwt" and "application/at+jwt" name the same media type (RFC 7515 §4.1.9 lets the prefix be omitted)
        assertThat(profile().verify(sign("application/at+jwt", accessTokenClaims().build()))).isNotNull();
        assertThat(profile().verify(sign("AT+JWT", accessTokenClaims().build()))).isNotNull();
    }

    @ParameterizedTest(name = "typ {0}")
    @CsvSource({"JWT", "jwt", "at+jwt+x", "application/jwt"})
    void rfc9068Section4RefusesOtherTypes(String typ) {
        Rejection.assertRejected(() -> profile().verify(sign(typ, accessTokenClaims().build())), Reason.TYPE_MISMATCH);
    }

    @Test
    void rfc9068Section4RefusesAMissingType() {
        Rejection.assertRejected(() -> profile().verify(sign(null, accessTokenClaims().build())), Reason.TYPE_MISMATCH);
    }

    /** The issuer and audience checks run before the required-claims check, so their absence has their reason. */
    @ParameterizedTest(name = "without {0}")
    @CsvSource({"iss, ISSUER_MISMATCH", "aud, AUDIENCE_MISMATCH", "exp, MISSING_CLAIM", "sub, MISSING_CLAIM",
            "client_id, MISSING_CLAIM", "iat, MISSING_CLAIM", "jti, MISSING_CLAIM"})
    void rfc9068Section22RequiredClaims(String claim, Reason reason) {
        // forged rather than signed with JwtSigner, which would add iat by itself
        String token = TokenForge.sign(KEY, "ES256", "{\"alg\":\"ES256\",\"typ\":\"at+jwt\",\"kid\":\"es256\"}",
                accessTokenClaims().remove(claim).build().toJson());
        Rejection.assertRejected(() -> profile().verify(token), reason);
    }

    @Test
    void theProfileCannotBeLoosened() {
        assertThatThrownBy(() -> JwtVerifier.builder().key(KEY.toPublicJwk()).expectIssuer(ISSUER).ignoreAudience()
                .accessTokenProfile().build()).isInstanceOf(IllegalStateException.class).hasMessageContaining("RFC 9068");
        assertThatThrownBy(() -> JwtVerifier.builder().key(KEY.toPublicJwk()).ignoreIssuer().expectAudience(AUDIENCE)
                .accessTokenProfile().build()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> TestKeys.verifier(KEY).allowMissingExpiration().accessTokenProfile().build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("exp");
        assertThatThrownBy(() -> TestKeys.verifier(KEY).expectType("JWT").accessTokenProfile().build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("at+jwt");
        assertThat(TestKeys.verifier(KEY).expectType("application/at+jwt").accessTokenProfile().build()).isNotNull();
    }
}
