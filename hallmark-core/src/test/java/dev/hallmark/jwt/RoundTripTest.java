package dev.hallmark.jwt;

import dev.hallmark.JoseException;
import dev.hallmark.Reason;
import dev.hallmark.jwk.Jwk;
import dev.hallmark.jwk.JwkSet;
import dev.hallmark.jwk.KeyGenerator;
import dev.hallmark.jwk.KeySource;
import dev.hallmark.jwk.Pem;
import dev.hallmark.jwk.Thumbprint;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every algorithm signs and verifies at every key size it supports; generated keys survive JWK and PEM round trips. */
class RoundTripTest {

    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "HS256,", "HS384,", "HS512,",
        "RS256,2048", "RS384,3072", "RS512,4096", "PS256,2048", "PS384,3072", "PS512,4096",
        "ES256,", "ES384,", "ES512,",
        "EdDSA,Ed25519", "EdDSA,Ed448",
    })
    void signsAndVerifies(String alg, String option) {
        KeyGenerator gen = KeyGenerator.forAlgorithm(alg);
        if (option != null && option.startsWith("Ed")) {
            gen.curve(option);
        } else if (option != null) {
            gen.rsaBits(Integer.parseInt(option));
        }
        Jwk key = gen.generate();
        assertThat(key.keyId()).contains(Thumbprint.of(key));

        String token = JwtSigner.builder(key).clock(CLOCK).expiresAfter(Duration.ofMinutes(5)).build()
                .sign(Claims.builder().issuer("iss").audience("aud").subject("alice").build());

        Jwk verificationKey = key.keyType().equals("oct") ? key : key.toPublicJwk();
        JwtVerifier verifier = JwtVerifier.builder().keys(KeySource.of(JwkSet.parse(
                        key.keyType().equals("oct") ? JwkSet.of(key).toPrivateJson() : JwkSet.of(key).toPublicJson())))
                .expectIssuer("iss").expectAudience("aud").clock(CLOCK).build();
        VerifiedJwt jwt = verifier.verify(token);
        assertThat(jwt.claims().subject()).contains("alice");
        assertThat(jwt.claims().issuedAt()).contains(NOW);
        assertThat(jwt.key()).isEqualTo(verificationKey);

        // the JWK survives its own JSON and, for asymmetric keys, PEM
        Jwk reparsed = Jwk.parse(key.toPrivateJson());
        assertThat(reparsed).isEqualTo(key);
        assertThat(Thumbprint.of(reparsed)).isEqualTo(Thumbprint.of(key));
        if (!key.keyType().equals("oct")) {
            Jwk fromPrivatePem = Pem.readJwk(Pem.writePrivateKey(key));
            assertThat(Thumbprint.of(fromPrivatePem)).isEqualTo(Thumbprint.of(key));
            assertThat(fromPrivatePem.isPrivate()).isTrue();
            Jwk fromPublicPem = Pem.readJwk(Pem.writePublicKey(key));
            assertThat(fromPublicPem.toPublicJson()).isEqualTo(key.toPublicJwk().withKeyId(null).withAlgorithm(null)
                    .withUse(null).toPublicJson());
        }

        // Change the first signature character: it always carries six signature bits. (The second-to-last one
        // often does not change at all: for Ed25519 it encodes the top bits of S, which are usually already zero.)
        int sigStart = token.lastIndexOf('.') + 1;
        String tampered = token.substring(0, sigStart) + (token.charAt(sigStart) == 'A' ? 'B' : 'A')
                + token.substring(sigStart + 1);
        assertThatThrownBy(() -> verifier.verify(tampered)).isInstanceOf(JoseException.class)
                .satisfies(e -> assertThat(((JoseException) e).reason()).isIn(Reason.BAD_SIGNATURE, Reason.MALFORMED));
    }

    @ParameterizedTest
    @CsvSource({"Ed25519", "Ed448", "X25519", "X448", "P-256", "P-384", "P-521"})
    void privateKeysFromPemDeriveTheirPublicHalf(String crv) {
        String alg = crv.startsWith("Ed") ? "EdDSA" : "ECDH-ES";
        Jwk key = KeyGenerator.forAlgorithm(alg).curve(crv).generate();
        Jwk fromPem = Pem.readJwk(Pem.writePrivateKey(key));
        assertThat(Thumbprint.of(fromPem)).isEqualTo(Thumbprint.of(key));
        assertThat(List.of(fromPem.isPrivate())).containsExactly(true);
    }
}
