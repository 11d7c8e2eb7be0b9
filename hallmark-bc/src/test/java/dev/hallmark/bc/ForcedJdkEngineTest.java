package dev.hallmark.bc;

import dev.hallmark.jwk.Jwk;
import dev.hallmark.jwk.KeyGenerator;
import dev.hallmark.jwt.Claims;
import dev.hallmark.jwt.JwtSigner;
import dev.hallmark.jwt.JwtVerifier;
import dev.hallmark.spi.SignatureCurve;
import dev.hallmark.spi.VerificationEngines;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Run only in the {@code forced-jdk-engine} surefire execution, a JVM started with {@code -Dhallmark.ec.engine=jca}:
 * although hallmark-bc is on the class path, Hallmark verifies with the JDK engine.
 */
class ForcedJdkEngineTest {

    @ParameterizedTest
    @EnumSource(SignatureCurve.class)
    void theSystemPropertyForcesTheJdkEngine(SignatureCurve curve) {
        assertThat(System.getProperty(VerificationEngines.ENGINE_PROPERTY)).isEqualTo("jca");
        assertThat(VerificationEngines.selected(curve)).isSameAs(VerificationEngines.jdk());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ES256", "ES384", "ES512", "EdDSA"})
    void tokensStillVerify(String alg) {
        Jwk key = KeyGenerator.forAlgorithm(alg).keyId("k1").generate();
        String token = JwtSigner.builder(key).build().sign(Claims.builder().issuer("https://issuer.example")
                .subject("alice").expiresAt(Instant.now().plusSeconds(300)).build());
        JwtVerifier verifier = JwtVerifier.builder().key(key.toPublicJwk()).expectIssuer("https://issuer.example")
                .ignoreAudience().build();
        assertThat(verifier.verify(token).claims().subject()).contains("alice");
    }
}
