package dev.hallmark.jwt;

import dev.hallmark.Reason;
import dev.hallmark.jwk.Jwk;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dev.hallmark.Rejection.assertRejected;
import static dev.hallmark.jwt.TestKeys.NOW;
import static dev.hallmark.jwt.TestKeys.validClaims;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The claims checks of a verified token (RFC 7519 §4.1, RFC 8725 §3.8, §3.9, §3.11): time with bounded leeway,
 * issuer, audience in its string and array forms, explicit type, required claims.
 */
class ClaimsValidationTest {

    private static final Jwk KEY = TestKeys.ES256;
    private static final JwtSigner SIGNER = TestKeys.signer(KEY);

    private static String sign(Claims claims) {
        return SIGNER.sign(claims);
    }

    @Nested
    class Expiry {

        @Test
        void expiredOneSecondAgo() {
            String token = sign(validClaims().expiresAt(NOW.minusSeconds(1)).build());
            assertRejected(() -> TestKeys.verifier(KEY).build().verify(token), Reason.EXPIRED);
        }

        @Test
        void expEqualToNowIsExpired() {
            // RFC 7519 §4.1.4: the current time MUST be before exp
            String token = sign(validClaims().expiresAt(NOW).build());
            assertRejected(() -> TestKeys.verifier(KEY).build().verify(token), Reason.EXPIRED);
        }

        @Test
        void expOneNanosecondAheadIsValid() {
            String token = sign(validClaims().expiresAt(NOW.plusNanos(1)).build());
            assertThat(TestKeys.verifier(KEY).build().verify(token).claims().expiresAt()).contains(NOW.plusNanos(1));
        }

        @Test
        void fractionalExpOnEitherSideOfNow() {
            assertThat(TestKeys.verifier(KEY).build().verify(sign(validClaims().expiresAt(NOW.plusMillis(500)).build())))
                    .isNotNull();
            assertRejected(() -> TestKeys.verifier(KEY).build().verify(sign(validClaims().expiresAt(NOW.minusMillis(500))
                    .build())), Reason.EXPIRED);
        }

        @ParameterizedTest(name = "exp now-{0}s, leeway 60s: {1}")
        @CsvSource({"1,valid", "59,valid", "60,EXPIRED", "61,EXPIRED", "3600,EXPIRED"})
        void leewayExtendsExpiryButTheBoundaryIsStillExpired(long secondsAgo, String outcome) {
            String token = sign(validClaims().issuedAt(NOW.minusSeconds(7200)).expiresAt(NOW.minusSeconds(secondsAgo)).build());
            JwtVerifier verifier = TestKeys.verifier(KEY).leeway(Duration.ofSeconds(60)).build();
            if (outcome.equals("valid")) {
                assertThat(verifier.verify(token)).isNotNull();
            } else {
                assertRejected(() -> verifier.verify(token), Reason.EXPIRED);
            }
        }

        @Test
        void missingExpIsAMissingClaimByDefault() {
            String token = sign(validClaims().remove("exp").build());
            assertRejected(() -> TestKeys.verifier(KEY).build().verify(token), Reason.MISSING_CLAIM);
            assertThat(TestKeys.verifier(KEY).allowMissingExpiration().build().verify(token)).isNotNull();
        }

        @Test
        void expAsJsonNullIsMalformed() {
            String json = TestKeys.validPayloadJson();
            String token = TokenForge.sign(KEY, "ES256", "{\"alg\":\"ES256\",\"kid\":\"es256\"}",
                    json.replaceFirst("\"exp\":\\d+", "\"exp\":null"));
            assertThat(TokenForge.unb64(TokenForge.segment(token, 1))).asString().contains("\"exp\":null");
            assertRejected(() -> TestKeys.verifier(KEY).build().verify(token), Reason.MALFORMED);
        }
    }

    @Nested
    class NotBefore {

        @Test
        void notYetValid() {
            String token = sign(validClaims().notBefore(NOW.plusSeconds(1)).build());
            assertRejected(() -> TestKeys.verifier(KEY).build().verify(token), Reason.NOT_YET_VALID);
        }

        @Test
        void nbfEqualToNowIsValid() {
            // RFC 7519 §4.1.5: the current time must be after or equal to nbf
            assertThat(TestKeys.verifier(KEY).build().verify(sign(validClaims().notBefore(NOW).build()))).isNotNull();
        }

        @ParameterizedTest(name = "nbf now+{0}s, leeway 60s: {1}")
        @CsvSource({"1,valid", "60,valid", "61,NOT_YET_VALID", "3600,NOT_YET_VALID"})
        void leewayAllowsSmallClockSkew(long secondsAhead, String outcome) {
            String token = sign(validClaims().notBefore(NOW.plusSeconds(secondsAhead)).build());
            JwtVerifier verifier = TestKeys.verifier(KEY).leeway(Duration.ofSeconds(60)).build();
            if (outcome.equals("valid")) {
                assertThat(verifier.verify(token)).isNotNull();
            } else {
                assertRejected(() -> verifier.verify(token), Reason.NOT_YET_VALID);
            }
        }

        @Test
        void fractionalNbf() {
            assertRejected(() -> TestKeys.verifier(KEY).build().verify(sign(validClaims().notBefore(NOW.plusMillis(1))
                    .build())), Reason.NOT_YET_VALID);
        }
    }

    @Nested
    class Issuer {

        @ParameterizedTest(name = "iss \"{0}\"")
        @ValueSource(strings = {"https://evil.example.com", "https://auth.example.com/", "https://Auth.example.com",
            "HTTPS://auth.example.com", "https://auth.example.com.evil.com", " https://auth.example.com", "",
            "https://auth.example.com\u0000"})
        void wrongIssuer(String iss) {
            String token = sign(validClaims().issuer(iss).build());
            assertRejected(() -> TestKeys.verifier(KEY).build().verify(token), Reason.ISSUER_MISMATCH);
        }

        @Test
        void missingIssuer() {
            String token = sign(validClaims().remove("iss").build());
            assertRejected(() -> TestKeys.verifier(KEY).build().verify(token), Reason.ISSUER_MISMATCH);
        }

        @Test
        void anyOfSeveralExpectedIssuers() {
            JwtVerifier verifier = JwtVerifier.builder().key(KEY.toPublicJwk()).clock(TestKeys.CLOCK)
                    .expectIssuer("https://a.example.com", TestKeys.ISSUER).expectAudience(TestKeys.AUDIENCE).build();
            assertThat(verifier.verify(sign(validClaims().build()))).isNotNull();
            assertThat(verifier.verify(sign(validClaims().issuer("https://a.example.com").build()))).isNotNull();
        }

        @Test
        void ignoredIssuerAcceptsAnyOrNone() {
            JwtVerifier verifier = JwtVerifier.builder().key(KEY.toPublicJwk()).clock(TestKeys.CLOCK).ignoreIssuer()
                    .expectAudience(TestKeys.AUDIENCE).build();
            assertThat(verifier.verify(sign(validClaims().remove("iss").build()))).isNotNull();
            assertThat(verifier.verify(sign(validClaims().issuer("anyone").build()))).isNotNull();
        }
    }

    @Nested
    class Audience {

        @Test
        void wrongAudienceAsAString() {
            String token = sign(validClaims().audience("billing-api").build());
            assertRejected(() -> TestKeys.verifier(KEY).build().verify(token), Reason.AUDIENCE_MISMATCH);
        }

        @Test
        void wrongAudienceAsAnArray() {
            String token = sign(validClaims().audience(List.of("billing-api", "ORDERS-API", "orders-api ")).build());
            assertRejected(() -> TestKeys.verifier(KEY).build().verify(token), Reason.AUDIENCE_MISMATCH);
        }

        @Test
        void missingOrEmptyAudience() {
            assertRejected(() -> TestKeys.verifier(KEY).build().verify(sign(validClaims().remove("aud").build())),
                    Reason.AUDIENCE_MISMATCH);
            assertRejected(() -> TestKeys.verifier(KEY).build().verify(sign(validClaims().audience(List.of()).build())),
                    Reason.AUDIENCE_MISMATCH);
            assertRejected(() -> TestKeys.verifier(KEY).build().verify(sign(validClaims().audience("").build())),
                    Reason.AUDIENCE_MISMATCH);
        }

        @Test
        void rightAudienceInEitherForm() {
            JwtVerifier verifier = TestKeys.verifier(KEY).build();
            assertThat(verifier.verify(sign(validClaims().audience(TestKeys.AUDIENCE).build()))).isNotNull();
            assertThat(verifier.verify(sign(validClaims().audience(List.of("billing-api", TestKeys.AUDIENCE)).build())))
                    .isNotNull();
        }

        @Test
        void anyOfSeveralExpectedAudiences() {
            JwtVerifier verifier = JwtVerifier.builder().key(KEY.toPublicJwk()).clock(TestKeys.CLOCK)
                    .expectIssuer(TestKeys.ISSUER).expectAudience("billing-api", "orders-api").build();
            assertThat(verifier.verify(sign(validClaims().audience("billing-api").build()))).isNotNull();
            assertRejected(() -> verifier.verify(sign(validClaims().audience("shipping-api").build())),
                    Reason.AUDIENCE_MISMATCH);
        }

        @Test
        void audienceOfTheWrongTypeIsMalformed() {
            String json = TestKeys.validPayloadJson();
            for (String aud : new String[] {"42", "true", "null", "{}", "[1]", "[\"orders-api\",[]]", "[\"orders-api\",null]"}) {
                String payload = json.replace("\"aud\":\"orders-api\"", "\"aud\":" + aud);
                assertThat(payload).isNotEqualTo(json);
                String token = TokenForge.sign(KEY, "ES256", "{\"alg\":\"ES256\",\"kid\":\"es256\"}", payload);
                assertRejected(() -> TestKeys.verifier(KEY).build().verify(token), Reason.MALFORMED);
            }
        }
    }

    @Nested
    class Type {

        private JwtVerifier expecting(String type) {
            return TestKeys.verifier(KEY).expectType(type).build();
        }

        private String typed(String typ) {
            return JwtSigner.builder(KEY).clock(TestKeys.CLOCK).type(typ).build().sign(validClaims().build());
        }

        @ParameterizedTest(name = "typ \"{0}\" for at+jwt")
        @ValueSource(strings = {"JWT", "jwt", "application/jwt", "at+JWT ", "at-jwt", "text/at+jwt", "application/at+jwt/x",
            "application/at+jwt; charset=utf-8", "", "secevent+jwt", "dpop+jwt"})
        void wrongType(String typ) {
            assertRejected(() -> expecting("at+jwt").verify(typed(typ)), Reason.TYPE_MISMATCH);
        }

        @Test
        void missingType() {
            assertRejected(() -> expecting("at+jwt").verify(typed(null)), Reason.TYPE_MISMATCH);
        }

        @ParameterizedTest(name = "typ \"{0}\" for at+jwt")
        @ValueSource(strings = {"at+jwt", "AT+JWT", "At+Jwt", "application/at+jwt", "APPLICATION/AT+JWT", "Application/at+JWT"})
        void typeIsComparedCaseInsensitivelyWithTheApplicationPrefixOptional(String typ) {
            // RFC 7515 §4.1.9: media types are case-insensitive, and "application/" may be omitted
            assertThat(expecting("at+jwt").verify(typed(typ))).isNotNull();
            assertThat(expecting("application/at+jwt").verify(typed(typ))).isNotNull();
            assertThat(expecting("AT+JWT").verify(typed(typ))).isNotNull();
        }

        @Test
        void typOfTheWrongJsonTypeIsMalformed() {
            String token = TokenForge.sign(KEY, "ES256", "{\"alg\":\"ES256\",\"kid\":\"es256\",\"typ\":[\"at+jwt\"]}",
                    TestKeys.validPayloadJson());
            assertRejected(() -> expecting("at+jwt").verify(token), Reason.MALFORMED);
        }

        @Test
        void withoutAnExpectedTypeAnyTypeIsAccepted() {
            assertThat(TestKeys.verifier(KEY).build().verify(typed("something+jwt"))).isNotNull();
            assertThat(TestKeys.verifier(KEY).build().verify(typed(null))).isNotNull();
        }
    }

    @Nested
    class RequiredClaims {

        @Test
        void missingRequiredClaims() {
            JwtVerifier verifier = TestKeys.verifier(KEY).requireClaims("sub", "jti", "client_id").build();
            assertRejected(() -> verifier.verify(sign(validClaims().jwtId("j").build())), Reason.MISSING_CLAIM);
            assertRejected(() -> verifier.verify(sign(validClaims().claim("client_id", "c").build())),
                    Reason.MISSING_CLAIM);
            assertRejected(() -> verifier.verify(sign(validClaims().remove("sub").jwtId("j").claim("client_id", "c")
                    .build())), Reason.MISSING_CLAIM);
            assertThat(verifier.verify(sign(validClaims().jwtId("j").claim("client_id", "c").build()))).isNotNull();
        }

        @Test
        void aJsonNullDoesNotSatisfyARequiredClaim() {
            JwtVerifier verifier = TestKeys.verifier(KEY).requireClaims("client_id").build();
            assertRejected(() -> verifier.verify(sign(validClaims().claim("client_id", null).build())),
                    Reason.MISSING_CLAIM);
        }

        @Test
        void anEmptyStringOrFalseIsPresent() {
            JwtVerifier verifier = TestKeys.verifier(KEY).requireClaims("scope", "admin").build();
            assertThat(verifier.verify(sign(validClaims().claim("scope", "").claim("admin", false).build()))).isNotNull();
        }
    }

    @Test
    void anIssuedAtInTheFutureIsNotItselfARejection() {
        // RFC 7519 §4.1.6 gives iat no validation rule; exp and nbf bound validity
        assertThat(TestKeys.verifier(KEY).build().verify(sign(validClaims().issuedAt(Instant.parse("2030-01-01T00:00:00Z"))
                .expiresAt(NOW.plusSeconds(60)).build()))).isNotNull();
    }
}
