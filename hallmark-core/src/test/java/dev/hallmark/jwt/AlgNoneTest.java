package dev.hallmark.jwt;

import dev.hallmark.JoseException;
import dev.hallmark.Reason;
import dev.hallmark.jwk.Jwk;
import dev.hallmark.jws.AlgorithmPolicy;
import dev.hallmark.jws.JwsAlgorithm;
import dev.hallmark.jws.JwsVerifier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static dev.hallmark.Rejection.assertRejected;
import static dev.hallmark.jwt.TokenForge.b64;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * RFC 8725 §3.2: an unsecured JWS ({@code alg: none}) is never accepted, in any casing or spelling, with or without
 * a signature, whatever keys and policy the verifier has. There is no {@code none} algorithm to allow.
 */
class AlgNoneTest {

    private static final String[] SPELLINGS = {"none", "None", "NONE", "nOnE", " none", "none ", "none\u0000", ""};

    /** Every spelling against verifiers trusting each kind of key, with and without a policy. */
    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (Jwk key : List.of(TestKeys.HS256, TestKeys.RS256, TestKeys.ES256, TestKeys.ED25519)) {
            for (String alg : SPELLINGS) {
                for (String signature : List.of("", b64(new byte[32]), "AAAA")) {
                    out.add(Arguments.of(key.keyId().orElseThrow(), alg, signature));
                }
            }
        }
        return out.stream();
    }

    private static Jwk key(String kid) {
        return Stream.of(TestKeys.HS256, TestKeys.RS256, TestKeys.ES256, TestKeys.ED25519)
                .filter(k -> k.keyId().orElseThrow().equals(kid)).findFirst().orElseThrow();
    }

    private static String unsecured(String alg, String kid, String signature) {
        String header = "{\"alg\":\"" + alg.replace("\u0000", "\\u0000") + "\""
                + (kid == null ? "" : ",\"kid\":\"" + kid + "\"") + "}";
        return b64(header) + "." + b64(TestKeys.validPayloadJson()) + "." + signature;
    }

    @ParameterizedTest(name = "alg \"{1}\" with signature \"{2}\" against a {0} verifier")
    @MethodSource("cases")
    void unsecuredJwtIsNeverAccepted(String kid, String alg, String signature) {
        JwtVerifier verifier = TestKeys.verifier(key(kid)).build();
        // with and without a kid naming the trusted key: the key must not lend its trust to an unsecured token
        assertRejected(() -> verifier.verify(unsecured(alg, kid, signature)), Reason.ALG_NOT_ALLOWED);
        assertRejected(() -> verifier.verify(unsecured(alg, null, signature)), Reason.ALG_NOT_ALLOWED);
    }

    @ParameterizedTest(name = "alg \"{0}\" through JwsVerifier")
    @ValueSource(strings = {"none", "None", "NONE", "nOnE", " none"})
    void unsecuredJwsIsNeverAcceptedEvenWithTheWidestPolicy(String alg) {
        JwsVerifier verifier = JwsVerifier.builder().key(TestKeys.HS256)
                .algorithms(AlgorithmPolicy.of(java.util.EnumSet.allOf(JwsAlgorithm.class))).build();
        JoseException e = assertRejected(() -> verifier.verify(unsecured(alg, "hs256", "")), Reason.ALG_NOT_ALLOWED);
        assertThat(e.getMessage()).contains("RFC 8725 §3.2");
    }

    @ParameterizedTest(name = "JwsAlgorithm.fromName(\"{0}\")")
    @ValueSource(strings = {"none", "None", "NONE", "nOnE", " none", "hs256", "Hs256", "HS256 ", "es256", "EDDSA", "Ed25519"})
    void noAlgorithmHasTheseNames(String name) {
        // alg names are case-sensitive (RFC 7515 §4.1.1) and there is no "none" at all
        assertThat(JwsAlgorithm.fromName(name)).isEmpty();
    }

    @ParameterizedTest(name = "header alg \"{0}\"")
    @ValueSource(strings = {"hs256", "Hs256", "HS256 ", " HS256"})
    void aMisspelledAlgorithmIsNotNormalised(String alg) {
        String token = TokenForge.sign(TestKeys.HS256, "HS256", "{\"alg\":\"" + alg + "\"}", TestKeys.validPayloadJson());
        assertRejected(() -> TestKeys.verifier(TestKeys.HS256).build().verify(token), Reason.ALG_NOT_ALLOWED);
    }
}
