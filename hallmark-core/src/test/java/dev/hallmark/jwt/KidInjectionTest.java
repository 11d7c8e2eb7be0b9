package dev.hallmark.jwt;

import dev.hallmark.JoseException;
import dev.hallmark.Reason;
import dev.hallmark.jwk.Jwk;
import dev.hallmark.jwk.JwkSet;
import dev.hallmark.jwk.KeySource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.hallmark.Rejection.assertRejected;
import static dev.hallmark.jwt.TestKeys.validClaims;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * RFC 8725 §3.10: {@code kid} only selects among keys the verifier already trusts, by exact comparison. Path
 * traversal, SQL, wildcards and control characters select nothing ({@code KEY_NOT_FOUND}), never crash, and are not
 * echoed raw into the error message.
 */
class KidInjectionTest {

    private static final Jwk TRUSTED = TestKeys.ES256;

    private static JwtVerifier verifier() {
        return JwtVerifier.builder()
                .keys(KeySource.of(JwkSet.of(TRUSTED.toPublicJwk(), TestKeys.ES384.toPublicJwk(),
                        TestKeys.ES256.toPublicJwk().withKeyId(null).withAlgorithm("ES256"))))
                .expectIssuer(TestKeys.ISSUER).expectAudience(TestKeys.AUDIENCE).clock(TestKeys.CLOCK).build();
    }

    @ParameterizedTest(name = "kid \"{0}\"")
    @ValueSource(strings = {
        "../../dev/null", "../../../../../../etc/passwd", "/dev/null", "..\\..\\windows\\win.ini", "%2e%2e%2fdev%2fnull",
        "' OR 1=1 --", "es256' OR '1'='1", "\"; DROP TABLE keys; --", "es256 --", "*", "%", "es%", ".*", "es256|es384",
        "", " es256", "es256 ", "ES256", "es256\u0000", "es256\n", "\u0000", "${jndi:ldap://127.0.0.1/a}",
        "file:///dev/null", "http://127.0.0.1/jwks.json",
    })
    void kidThatNamesNoTrustedKeyFindsNone(String kid) {
        String token = JwtSigner.builder(TRUSTED.withKeyId(kid)).clock(TestKeys.CLOCK).build().sign(validClaims().build());
        JoseException e = assertRejected(() -> verifier().verify(token), Reason.KEY_NOT_FOUND);
        // the header value may be named, but never with control characters or unbounded length (log injection)
        assertThat(e.getMessage()).doesNotContainPattern("[\\x00-\\x1f\\x7f]").hasSizeLessThan(200);
    }

    @Test
    void aVeryLongKidIsTruncatedInTheMessage() {
        String kid = "../".repeat(5_000);
        String token = JwtSigner.builder(TRUSTED.withKeyId(kid)).clock(TestKeys.CLOCK).build().sign(validClaims().build());
        JoseException e = assertRejected(() -> verifier().verify(token), Reason.KEY_NOT_FOUND);
        assertThat(e.getMessage()).hasSizeLessThan(200);
    }

    @Test
    void kidOfAnotherTypeIsNotAString() {
        for (String kid : new String[] {"1", "null", "[\"es256\"]", "{\"$ne\":null}", "true"}) {
            String token = TokenForge.sign(TRUSTED, "ES256", "{\"alg\":\"ES256\",\"kid\":" + kid + "}",
                    TestKeys.validPayloadJson());
            assertRejected(() -> verifier().verify(token), Reason.MALFORMED);
        }
    }

    @Test
    void theExactKidStillWorks() {
        String token = TestKeys.signer(TRUSTED).sign(validClaims().build());
        assertThat(verifier().verify(token).key().keyId()).contains("es256");
    }

    @Test
    void twoTrustedKeysWithTheSameKidAreAmbiguous() {
        Jwk twin = dev.hallmark.jwk.KeyGenerator.forAlgorithm("ES256").keyId("es256").generate();
        JwtVerifier verifier = JwtVerifier.builder().keys(KeySource.of(TRUSTED.toPublicJwk(), twin.toPublicJwk()))
                .expectIssuer(TestKeys.ISSUER).expectAudience(TestKeys.AUDIENCE).clock(TestKeys.CLOCK).build();
        String token = TestKeys.signer(TRUSTED).sign(validClaims().build());
        assertRejected(() -> verifier.verify(token), Reason.KEY_NOT_FOUND);
    }
}
