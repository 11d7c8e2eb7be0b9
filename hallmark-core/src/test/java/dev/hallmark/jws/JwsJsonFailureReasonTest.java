package dev.hallmark.jws;

import dev.hallmark.JoseException;
import dev.hallmark.Reason;
import dev.hallmark.jwk.Jwk;
import dev.hallmark.jwk.KeyGenerator;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** When every signature of a general JWS JSON fails, the reported reason is the one that got furthest. */
class JwsJsonFailureReasonTest {

    @Test
    void aBadSignatureFromTheTrustedKeyIsReportedOverAnUnknownKidBeforeIt() {
        Jwk stranger = KeyGenerator.forAlgorithm("ES256").keyId("stranger").generate();
        Jwk trusted = KeyGenerator.forAlgorithm("ES256").keyId("trusted").generate();
        byte[] payload = "hello".getBytes(StandardCharsets.UTF_8);
        String general = JwsSigner.signGeneralJson(payload, List.of(JwsSigner.builder(stranger).build(),
                JwsSigner.builder(trusted).build()));
        // tamper with the payload: the trusted key's signature no longer verifies
        String tampered = general.replace("\"payload\":\"aGVsbG8\"", "\"payload\":\"aGVsbG9v\"");
        JwsVerifier verifier = JwsVerifier.builder().key(trusted.toPublicJwk()).build();
        assertThatThrownBy(() -> verifier.verifyJson(tampered)).isInstanceOfSatisfying(JoseException.class,
                e -> org.assertj.core.api.Assertions.assertThat(e.reason()).isEqualTo(Reason.BAD_SIGNATURE));
    }

    @Test
    void theFirstFailureWinsAmongEquals() {
        Jwk a = KeyGenerator.forAlgorithm("ES256").keyId("a").generate();
        Jwk b = KeyGenerator.forAlgorithm("ES256").keyId("b").generate();
        String general = JwsSigner.signGeneralJson("x".getBytes(StandardCharsets.UTF_8),
                List.of(JwsSigner.builder(a).build(), JwsSigner.builder(b).build()));
        JwsVerifier verifier = JwsVerifier.builder().key(KeyGenerator.forAlgorithm("ES256").keyId("c").generate()
                .toPublicJwk()).build();
        assertThatThrownBy(() -> verifier.verifyJson(general)).isInstanceOfSatisfying(JoseException.class,
                e -> org.assertj.core.api.Assertions.assertThat(e.getMessage()).contains("kid \"a\""));
    }
}
