package dev.hallmark.jwt;

import dev.hallmark.Reason;
import dev.hallmark.jwk.Jwk;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static dev.hallmark.Rejection.assertRejected;
import static dev.hallmark.jwt.TestKeys.validClaims;
import static dev.hallmark.jwt.TokenForge.b64;
import static dev.hallmark.jwt.TokenForge.segment;
import static dev.hallmark.jwt.TokenForge.withSegment;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tokens changed after signing, re-assembled from parts of other tokens, or stripped of their signature: every one
 * is {@code BAD_SIGNATURE}, for every algorithm family (RFC 7515 §5.2, RFC 8725 §3.3).
 */
class TamperingTest {

    static List<Jwk> keys() {
        return List.of(TestKeys.HS256, TestKeys.RS256, TestKeys.PS256, TestKeys.ES256, TestKeys.ES384, TestKeys.ES512,
                TestKeys.ED25519);
    }

    private static String name(Jwk key) {
        return key.algorithm().orElseThrow();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keys")
    void theGenuineTokenVerifies(Jwk key) {
        String token = TestKeys.signer(key).sign(validClaims().build());
        assertThat(TestKeys.verifier(key).build().verify(token).claims().subject()).contains("alice");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keys")
    void payloadChangedWithTheOldSignatureKept(Jwk key) {
        String token = TestKeys.signer(key).sign(validClaims().build());
        String elevated = withSegment(token, 1, b64(validClaims().subject("admin").build().toJson()));
        assertRejected(() -> TestKeys.verifier(key).build().verify(elevated), Reason.BAD_SIGNATURE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keys")
    void headerChangedWithTheOldSignatureKept(Jwk key) {
        String token = TestKeys.signer(key).sign(validClaims().build());
        String header = "{\"alg\":\"" + name(key) + "\",\"kid\":\"" + key.keyId().orElseThrow() + "\",\"typ\":\"at+jwt\"}";
        String retyped = withSegment(token, 0, b64(header));
        assertRejected(() -> TestKeys.verifier(key).build().verify(retyped), Reason.BAD_SIGNATURE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keys")
    void signatureTakenFromAnotherTokenOfTheSameKey(Jwk key) {
        JwtSigner signer = TestKeys.signer(key);
        String mine = signer.sign(validClaims().subject("mallory").build());
        String victims = signer.sign(validClaims().subject("admin").build());
        String spliced = withSegment(victims, 2, segment(mine, 2));
        assertRejected(() -> TestKeys.verifier(key).build().verify(spliced), Reason.BAD_SIGNATURE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keys")
    void emptySignature(Jwk key) {
        String token = TestKeys.signer(key).sign(validClaims().build());
        assertRejected(() -> TestKeys.verifier(key).build().verify(withSegment(token, 2, "")), Reason.BAD_SIGNATURE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keys")
    void unsignedTokenWithTheGenuineHeader(Jwk key) {
        // the "signature" is made of zero bytes of the right length: nothing but the key can produce a valid one
        String token = TestKeys.signer(key).sign(validClaims().build());
        int length = TokenForge.unb64(segment(token, 2)).length;
        String zeros = withSegment(token, 2, b64(new byte[length]));
        assertRejected(() -> TestKeys.verifier(key).build().verify(zeros), Reason.BAD_SIGNATURE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keys")
    void truncatedAndExtendedSignatures(Jwk key) {
        String token = TestKeys.signer(key).sign(validClaims().build());
        byte[] sig = TokenForge.unb64(segment(token, 2));
        byte[] half = java.util.Arrays.copyOf(sig, sig.length / 2);
        byte[] longer = java.util.Arrays.copyOf(sig, sig.length + 1);
        JwtVerifier verifier = TestKeys.verifier(key).build();
        assertRejected(() -> verifier.verify(withSegment(token, 2, b64(half))), Reason.BAD_SIGNATURE);
        assertRejected(() -> verifier.verify(withSegment(token, 2, b64(longer))), Reason.BAD_SIGNATURE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keys")
    void reSignedByAnotherKeyOfTheSameTypeAndKid(Jwk key) {
        // an attacker who knows the kid signs with a key of their own: the kid selects the trusted key, which fails
        Jwk attacker = dev.hallmark.jwk.KeyGenerator.forAlgorithm(name(key))
                .keyId(key.keyId().orElseThrow()).generate();
        String forged = TestKeys.signer(attacker).sign(validClaims().subject("admin").build());
        assertRejected(() -> TestKeys.verifier(key).build().verify(forged), Reason.BAD_SIGNATURE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keys")
    void everySingleBitOfTheSignatureMatters(Jwk key) {
        String token = TestKeys.signer(key).sign(validClaims().build());
        byte[] sig = TokenForge.unb64(segment(token, 2));
        JwtVerifier verifier = TestKeys.verifier(key).build();
        for (int bit = 0; bit < sig.length * 8; bit += 7) {
            byte[] flipped = sig.clone();
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));
            String bad = withSegment(token, 2, b64(flipped));
            assertRejected(() -> verifier.verify(bad), Reason.BAD_SIGNATURE);
        }
    }
}
