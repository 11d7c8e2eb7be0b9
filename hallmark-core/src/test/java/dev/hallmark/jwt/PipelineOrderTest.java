package dev.hallmark.jwt;

import dev.hallmark.Reason;
import dev.hallmark.jwk.Jwk;
import dev.hallmark.jwk.OctJwk;
import dev.hallmark.jws.AlgorithmPolicy;
import dev.hallmark.jws.JwsAlgorithm;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static dev.hallmark.Rejection.assertRejected;
import static dev.hallmark.jwt.TestKeys.NOW;
import static dev.hallmark.jwt.TestKeys.validClaims;
import static dev.hallmark.jwt.TokenForge.b64;
import static dev.hallmark.jwt.TokenForge.withSegment;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A token with several faults is reported by the first failing step of the pipeline (architecture.md): size,
 * structure, header, crit, algorithm, key, signature, then claims (exp, nbf, iss, aud, typ, required), then
 * revocation. So a forged token is {@code BAD_SIGNATURE} whatever its claims say (its claims are never read), and
 * the revocation hook only ever sees tokens that passed everything else.
 */
class PipelineOrderTest {

    private static final Jwk KEY = TestKeys.ES256;
    private static final JwtSigner SIGNER = TestKeys.signer(KEY);

    private static String forged(String signedToken) {
        String other = SIGNER.sign(validClaims().subject("someone-else").build());
        return withSegment(signedToken, 2, TokenForge.segment(other, 2));
    }

    @Test
    void badSignatureIsReportedEvenWhenTheTokenIsAlsoExpired() {
        String expired = SIGNER.sign(validClaims().expiresAt(NOW.minusSeconds(3600)).build());
        assertRejected(() -> TestKeys.verifier(KEY).build().verify(expired), Reason.EXPIRED);
        assertRejected(() -> TestKeys.verifier(KEY).build().verify(forged(expired)), Reason.BAD_SIGNATURE);
    }

    @Test
    void badSignatureBeatsEveryClaimsFault() {
        String everythingWrong = SIGNER.sign(Claims.builder().issuer("evil").audience("elsewhere")
                .expiresAt(NOW.minusSeconds(1)).notBefore(NOW.plusSeconds(3600)).build());
        JwtVerifier strict = TestKeys.verifier(KEY).expectType("at+jwt").requireClaims("jti").build();
        assertRejected(() -> strict.verify(forged(everythingWrong)), Reason.BAD_SIGNATURE);
    }

    @Test
    void aPayloadIsNotParsedBeforeItsSignatureHolds() {
        // payloads that would be MALFORMED are BAD_SIGNATURE when the signature is wrong: they were never parsed
        String header = "{\"alg\":\"ES256\",\"kid\":\"es256\"}";
        for (String payload : new String[] {"not json", "{\"exp\":1,\"exp\":2}", "[".repeat(5000), "{\"exp\":\"soon\"}"}) {
            String token = TokenForge.sign(KEY, "ES256", header, payload);
            assertRejected(() -> TestKeys.verifier(KEY).build().verify(token), Reason.MALFORMED);
            assertRejected(() -> TestKeys.verifier(KEY).build().verify(forged(token)), Reason.BAD_SIGNATURE);
        }
    }

    @Test
    void claimsAreCheckedInPipelineOrder() {
        JwtVerifier verifier = TestKeys.verifier(KEY).expectType("at+jwt").requireClaims("jti").build();
        Claims.Builder wrong = validClaims().expiresAt(NOW.minusSeconds(1)).notBefore(NOW.plusSeconds(60))
                .issuer("evil").audience("elsewhere");
        JwtSigner jwtTyped = JwtSigner.builder(KEY).clock(TestKeys.CLOCK).type("JWT").build();
        JwtSigner atTyped = JwtSigner.builder(KEY).clock(TestKeys.CLOCK).type("at+jwt").build();

        assertRejected(() -> verifier.verify(jwtTyped.sign(wrong.build())), Reason.EXPIRED);
        wrong.expiresAt(NOW.plusSeconds(300));
        assertRejected(() -> verifier.verify(jwtTyped.sign(wrong.build())), Reason.NOT_YET_VALID);
        wrong.remove("nbf");
        assertRejected(() -> verifier.verify(jwtTyped.sign(wrong.build())), Reason.ISSUER_MISMATCH);
        wrong.issuer(TestKeys.ISSUER);
        assertRejected(() -> verifier.verify(jwtTyped.sign(wrong.build())), Reason.AUDIENCE_MISMATCH);
        wrong.audience(TestKeys.AUDIENCE);
        assertRejected(() -> verifier.verify(jwtTyped.sign(wrong.build())), Reason.TYPE_MISMATCH);
        assertRejected(() -> verifier.verify(atTyped.sign(wrong.build())), Reason.MISSING_CLAIM);
        assertThat(verifier.verify(atTyped.sign(wrong.jwtId("j-1").build()))).isNotNull();
    }

    @Test
    void headerStepsComeBeforeKeyAndSignatureSteps() {
        String payload = TestKeys.validPayloadJson();
        JwtVerifier verifier = TestKeys.verifier(KEY).algorithms(AlgorithmPolicy.of(JwsAlgorithm.ES256)).build();
        // crit (step 4) before the algorithm (step 5): even "none" is reported as the unknown critical parameter
        String critAndNone = b64("{\"alg\":\"none\",\"crit\":[\"x\"],\"x\":1}") + "." + b64(payload) + ".";
        assertRejected(() -> verifier.verify(critAndNone), Reason.UNSUPPORTED_CRITICAL);
        // algorithm policy (step 5) before key selection (step 6)
        String hsUnknownKid = TokenForge.signHmac("HS256", new byte[32], "{\"alg\":\"HS256\",\"kid\":\"nope\"}", payload);
        assertRejected(() -> verifier.verify(hsUnknownKid), Reason.ALG_NOT_ALLOWED);
        // key selection (step 6) before the signature (step 7)
        String unknownKid = TokenForge.withSegment(SIGNER.sign(validClaims().build()), 0,
                b64("{\"alg\":\"ES256\",\"kid\":\"nope\"}"));
        assertRejected(() -> verifier.verify(unknownKid), Reason.KEY_NOT_FOUND);
        // structure (step 2) before everything in the header
        assertRejected(() -> verifier.verify(critAndNone + "."), Reason.MALFORMED);
        // size (step 1) before structure
        JwtVerifier small = TestKeys.verifier(KEY).limits(dev.hallmark.Limits.builder().maxTokenBytes(10).build()).build();
        assertRejected(() -> small.verify("not.a.token!"), Reason.TOO_LARGE);
    }

    @Test
    void aWeakTrustedKeyIsReportedBeforeTheSignatureIsChecked() {
        byte[] secret31 = new byte[31];
        java.util.Arrays.fill(secret31, (byte) 7);
        JwtVerifier verifier = TestKeys.verifier(OctJwk.of(secret31)).build();
        String token = TokenForge.signHmac("HS256", secret31, "{\"alg\":\"HS256\"}", TestKeys.validPayloadJson());
        assertRejected(() -> verifier.verify(token), Reason.WEAK_KEY);
        assertRejected(() -> verifier.verify(withSegment(token, 2, b64(new byte[32]))), Reason.WEAK_KEY);
    }

    @Test
    void revocationIsConsultedOnlyAfterEverythingElsePassed() {
        List<String> consulted = new ArrayList<>();
        Set<String> denylist = Set.of("revoked-jti");
        JwtVerifier verifier = TestKeys.verifier(KEY).requireClaims("jti").revocationCheck(claims -> {
            consulted.add(claims.jwtId().orElse("?"));
            return denylist.contains(claims.jwtId().orElse(""));
        }).build();

        String revoked = SIGNER.sign(validClaims().jwtId("revoked-jti").build());
        assertRejected(() -> verifier.verify(forged(revoked)), Reason.BAD_SIGNATURE);
        assertRejected(() -> verifier.verify(SIGNER.sign(validClaims().jwtId("revoked-jti").expiresAt(NOW).build())),
                Reason.EXPIRED);
        assertRejected(() -> verifier.verify(SIGNER.sign(validClaims().jwtId("revoked-jti").issuer("evil").build())),
                Reason.ISSUER_MISMATCH);
        assertRejected(() -> verifier.verify(SIGNER.sign(validClaims().jwtId("revoked-jti").audience("x").build())),
                Reason.AUDIENCE_MISMATCH);
        assertRejected(() -> verifier.verify(SIGNER.sign(validClaims().build())), Reason.MISSING_CLAIM);
        assertThat(consulted).as("the hook never saw a token that failed an earlier step").isEmpty();

        assertRejected(() -> verifier.verify(revoked), Reason.REVOKED);
        assertThat(verifier.verify(SIGNER.sign(validClaims().jwtId("fine-jti").build())).claims().jwtId())
                .contains("fine-jti");
        assertThat(consulted).containsExactly("revoked-jti", "fine-jti");
    }

    @Test
    void aRevocationHookThatThrowsIsNotSwallowed() {
        // a failing denylist must not turn into an accepted token
        JwtVerifier verifier = TestKeys.verifier(KEY).revocationCheck(claims -> {
            throw new IllegalStateException("denylist unavailable");
        }).build();
        String token = SIGNER.sign(validClaims().jwtId("j").build());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> verifier.verify(token))
                .isInstanceOf(IllegalStateException.class);
    }
}
