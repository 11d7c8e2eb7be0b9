package dev.hallmark;

import dev.hallmark.jwk.Jwk;
import dev.hallmark.jwk.OctJwk;
import dev.hallmark.jws.JwsAlgorithm;
import dev.hallmark.jws.JwsSigner;
import dev.hallmark.jwt.Claims;
import dev.hallmark.jwt.JwtSigner;
import dev.hallmark.jwt.JwtVerifier;
import dev.hallmark.jwt.TestKeys;
import dev.hallmark.jwt.TokenForge;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Set;

import static dev.hallmark.Rejection.assertRejected;
import static dev.hallmark.jwt.TestKeys.NOW;
import static dev.hallmark.jwt.TestKeys.validClaims;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@link Reason} the core can produce, each reached through the public API.
 */
class ReasonCodesTest {

    private static final Jwk KEY = TestKeys.ES256;
    private static final JwtSigner SIGNER = TestKeys.signer(KEY);

    /** The reasons this class has a test for, one method each below. */
    private static final Set<Reason> COVERED = EnumSet.of(Reason.MALFORMED, Reason.ALG_NOT_ALLOWED,
            Reason.KEY_NOT_FOUND, Reason.BAD_SIGNATURE, Reason.EXPIRED, Reason.NOT_YET_VALID, Reason.ISSUER_MISMATCH,
            Reason.AUDIENCE_MISMATCH, Reason.TYPE_MISMATCH, Reason.MISSING_CLAIM, Reason.UNSUPPORTED_CRITICAL,
            Reason.TOO_LARGE, Reason.WEAK_KEY, Reason.DECRYPTION_FAILED, Reason.REVOKED);

    private static JwtVerifier verifier() {
        return TestKeys.verifier(KEY).build();
    }

    @Test
    void everyReasonHasATest() {
        // A new Reason fails this until it gets a test here.
        assertThat(EnumSet.complementOf(EnumSet.copyOf(COVERED))).isEmpty();
    }

    @Test
    void decryptionFailed() {
        OctJwk key = OctJwk.of(new byte[32]);
        String token = dev.hallmark.jwe.JweEncrypter.builder(key).build().encrypt("secret");
        OctJwk other = OctJwk.of(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21,
            22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32});
        assertRejected(() -> dev.hallmark.jwe.JweDecrypter.builder().key(other).build().decrypt(token),
                Reason.DECRYPTION_FAILED);
    }

    @Test
    void malformed() {
        assertRejected(() -> verifier().verify("not-a-token"), Reason.MALFORMED);
    }

    @Test
    void algNotAllowed() {
        String hs256 = TokenForge.signHmac("HS256", new byte[32], "{\"alg\":\"HS256\"}", TestKeys.validPayloadJson());
        assertRejected(() -> verifier().verify(hs256), Reason.ALG_NOT_ALLOWED);
    }

    @Test
    void keyNotFound() {
        String token = SIGNER.sign(validClaims().build());
        JwtVerifier otherKid = TestKeys.verifier(KEY.withKeyId("another-kid")).build();
        assertRejected(() -> otherKid.verify(token), Reason.KEY_NOT_FOUND);
    }

    @Test
    void badSignature() {
        String token = TestKeys.signer(TestKeys.ES256.withKeyId(null)).sign(validClaims().build());
        String forged = TokenForge.withSegment(token, 1, TokenForge.b64(validClaims().subject("mallory").build().toJson()));
        assertRejected(() -> TestKeys.verifier(KEY.withKeyId(null)).build().verify(forged), Reason.BAD_SIGNATURE);
    }

    @Test
    void expired() {
        String token = SIGNER.sign(validClaims().expiresAt(NOW.minusSeconds(1)).build());
        assertRejected(() -> verifier().verify(token), Reason.EXPIRED);
    }

    @Test
    void notYetValid() {
        String token = SIGNER.sign(validClaims().notBefore(NOW.plusSeconds(60)).build());
        assertRejected(() -> verifier().verify(token), Reason.NOT_YET_VALID);
    }

    @Test
    void issuerMismatch() {
        String token = SIGNER.sign(validClaims().issuer("https://evil.example.com").build());
        assertRejected(() -> verifier().verify(token), Reason.ISSUER_MISMATCH);
    }

    @Test
    void audienceMismatch() {
        String token = SIGNER.sign(validClaims().audience("billing-api").build());
        assertRejected(() -> verifier().verify(token), Reason.AUDIENCE_MISMATCH);
    }

    @Test
    void typeMismatch() {
        String token = SIGNER.sign(validClaims().build()); // typ JWT
        JwtVerifier accessTokens = TestKeys.verifier(KEY).expectType("at+jwt").build();
        assertRejected(() -> accessTokens.verify(token), Reason.TYPE_MISMATCH);
    }

    @Test
    void missingClaim() {
        String token = SIGNER.sign(validClaims().build());
        JwtVerifier needsJti = TestKeys.verifier(KEY).requireClaims("jti").build();
        assertRejected(() -> needsJti.verify(token), Reason.MISSING_CLAIM);
    }

    @Test
    void unsupportedCritical() {
        String token = TokenForge.sign(KEY, "ES256",
                "{\"alg\":\"ES256\",\"kid\":\"es256\",\"crit\":[\"exp-v2\"],\"exp-v2\":1}", TestKeys.validPayloadJson());
        assertRejected(() -> verifier().verify(token), Reason.UNSUPPORTED_CRITICAL);
    }

    @Test
    void tooLarge() {
        String token = SIGNER.sign(validClaims().claim("padding", "x".repeat(70_000)).build());
        assertRejected(() -> verifier().verify(token), Reason.TOO_LARGE);
    }

    @Test
    void weakKey() {
        OctJwk short31 = OctJwk.of(new byte[31]);
        assertRejected(() -> JwsSigner.builder(short31).algorithm(JwsAlgorithm.HS256).build(), Reason.WEAK_KEY);
    }

    @Test
    void revoked() {
        String token = SIGNER.sign(validClaims().jwtId("j-1").build());
        JwtVerifier denyAll = TestKeys.verifier(KEY).revocationCheck(c -> true).build();
        assertRejected(() -> denyAll.verify(token), Reason.REVOKED);
    }

    @Test
    void everyReasonIsStableByName() {
        // Reasons are logged and switched on by name: renaming one is a breaking change.
        assertThat(EnumSet.allOf(Reason.class)).extracting(Reason::name).containsExactly(
                "MALFORMED", "ALG_NOT_ALLOWED", "KEY_NOT_FOUND", "BAD_SIGNATURE", "EXPIRED", "NOT_YET_VALID",
                "ISSUER_MISMATCH", "AUDIENCE_MISMATCH", "TYPE_MISMATCH", "MISSING_CLAIM", "UNSUPPORTED_CRITICAL",
                "TOO_LARGE", "WEAK_KEY", "DECRYPTION_FAILED", "REVOKED");
    }

    @Test
    void claimsParsedOutsideAVerifierUseTheSameCodes() {
        assertRejected(() -> Claims.parse("{\"exp\":\"tomorrow\"}"), Reason.MALFORMED);
    }
}
