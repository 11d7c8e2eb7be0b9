package dev.hallmark.spi;

import dev.hallmark.jwk.Jwk;
import dev.hallmark.jwk.KeyGenerator;
import dev.hallmark.jwt.Claims;
import dev.hallmark.jwt.JwtSigner;
import dev.hallmark.jwt.JwtVerifier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Core alone: the test class path registers three engines through {@code META-INF/services} (see
 * {@link TestEngines}): one that fails to construct, one that throws when described, one of low priority. Discovery
 * skips the broken ones, the JDK engine outranks the other, and verification works.
 */
class EngineDiscoveryTest {

    @ParameterizedTest
    @EnumSource(SignatureCurve.class)
    void theJdkEngineIsSelectedWhenNothingOutranksIt(SignatureCurve curve) {
        assertThat(VerificationEngines.selected(curve)).isSameAs(VerificationEngines.jdk());
        assertThat(VerificationEngines.jdk().name()).isEqualTo("jca");
        assertThat(VerificationEngines.jdk().supports(curve)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ES256", "ES384", "ES512", "EdDSA"})
    void brokenProvidersNeverBreakVerification(String alg) {
        Jwk key = KeyGenerator.forAlgorithm(alg).keyId("k").generate();
        String token = JwtSigner.builder(key).build().sign(Claims.builder().issuer("https://issuer.example")
                .expiresAt(Instant.now().plusSeconds(60)).build());
        JwtVerifier verifier = JwtVerifier.builder().key(key.toPublicJwk()).expectIssuer("https://issuer.example")
                .ignoreAudience().build();
        assertThat(verifier.verify(token).claims().issuer()).contains("https://issuer.example");
    }
}
