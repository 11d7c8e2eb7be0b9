package dev.hallmark.interop;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.JWKGenerator;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import com.nimbusds.jose.jwk.gen.OctetSequenceKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.hallmark.jwk.Jwk;
import dev.hallmark.jwk.KeyGenerator;
import dev.hallmark.jwk.OctJwk;
import dev.hallmark.jwk.Pem;
import dev.hallmark.jwk.Thumbprint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.security.cert.X509Certificate;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * JWKs cross between Hallmark and Nimbus as JSON in both directions, and both compute the same RFC 7638
 * thumbprints (SHA-256, -384, -512) and RFC 9278 thumbprint URIs, for RSA, EC on the three NIST curves, OKP on all
 * four CFRG curves and oct; certificate chains travel as {@code x5c}.
 */
class NimbusJwkInteropTest {

    /** Hallmark generator settings covering every key type and curve: algorithm and curve (blank for none). */
    static Stream<Arguments> hallmarkKeys() {
        return Stream.of(
                Arguments.of("RS256", ""), Arguments.of("PS512", ""), Arguments.of("RSA-OAEP-256", ""),
                Arguments.of("ES256", ""), Arguments.of("ES384", ""), Arguments.of("ES512", ""),
                Arguments.of("EdDSA", "Ed25519"), Arguments.of("EdDSA", "Ed448"),
                Arguments.of("ECDH-ES", "X25519"), Arguments.of("ECDH-ES+A256KW", "X448"),
                Arguments.of("ECDH-ES", "P-521"),
                Arguments.of("HS256", ""), Arguments.of("HS512", ""), Arguments.of("A128KW", ""), Arguments.of("dir", ""));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("hallmarkKeys")
    void hallmarkPrivateJwkReadByNimbusWithTheSameThumbprints(String alg, String curve) throws Exception {
        Jwk key = generate(alg, curve);
        JWK nimbus = NimbusPeer.parse(key.toPrivateJson());

        assertThat(nimbus.isPrivate()).isTrue();
        assertThat(nimbus.getKeyType().getValue()).isEqualTo(key.keyType());
        assertThat(nimbus.getKeyID()).isEqualTo(key.keyId().orElseThrow());
        assertThat(nimbus.getAlgorithm().getName()).isEqualTo(alg);
        assertThat(nimbus.getKeyUse().identifier()).isEqualTo(key.use().orElseThrow());
        assertSameThumbprints(key, nimbus);

        // Nimbus writes it back; Hallmark reads the same key, private members and metadata included
        assertThat(Jwk.parse(nimbus.toJSONString())).isEqualTo(key);
    }

    /** The asymmetric ones: a symmetric key has no public JSON (JwkTest asserts toPublicJson() refuses it). */
    static Stream<Arguments> hallmarkAsymmetricKeys() {
        Set<String> symmetric = Set.of("HS256", "HS512", "A128KW", "dir");
        return hallmarkKeys().filter(a -> !symmetric.contains((String) a.get()[0]));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("hallmarkAsymmetricKeys")
    void hallmarkPublicJwkReadByNimbus(String alg, String curve) throws Exception {
        Jwk key = generate(alg, curve);
        JWK nimbus = NimbusPeer.parse(key.toPublicJson());
        assertThat(nimbus.isPrivate()).isFalse();
        assertSameThumbprints(key, nimbus);
        assertThat(Jwk.parse(nimbus.toJSONString())).isEqualTo(key.toPublicJwk());
        // what Nimbus considers the public form of the private key is the same JSON
        assertThat(Jwk.parse(NimbusPeer.parse(key.toPrivateJson()).toPublicJWK().toJSONString()))
                .isEqualTo(key.toPublicJwk());
    }

    /** Nimbus-generated keys; Nimbus cannot generate Ed448 or X448, so those are covered by Hallmark's keys above. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"RSA-2048", "RSA-3072", "P-256", "P-384", "P-521", "Ed25519", "X25519", "oct-256", "oct-512", "oct-128"})
    void nimbusJwkReadByHallmarkWithTheSameThumbprints(String kind) throws Exception {
        // 16 rounds: a coordinate or scalar with leading zero octets turns up often enough on P-521 (1 in 512 per
        // value) that fixed-width encoding mistakes on either side would show across the suite's runs
        for (int i = 0; i < 16; i++) {
            JWK nimbus = nimbusGenerator(kind).keyIDFromThumbprint(true).generate();
            Jwk key = Jwk.parse(nimbus.toJSONString());
            assertThat(key.isPrivate()).isTrue();
            assertThat(key.keyId()).contains(nimbus.getKeyID());
            assertSameThumbprints(key, nimbus);
            if (!(key instanceof OctJwk)) {
                Jwk publicKey = Jwk.parse(nimbus.toPublicJWK().toJSONString());
                assertThat(publicKey.isPrivate()).isFalse();
                assertThat(publicKey).isEqualTo(key.toPublicJwk());
                // Hallmark's public JSON is what Nimbus makes of its own key
                assertThat(NimbusPeer.parse(key.toPublicJson())).isEqualTo(nimbus.toPublicJWK());
            }
            assertThat(NimbusPeer.parse(key.toPrivateJson())).isEqualTo(nimbus);
            if (kind.startsWith("RSA")) {
                break; // RSA generation is slow and has no fixed-width members
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"sign;verify", "encrypt;decrypt", "wrapKey;unwrapKey", "deriveKey;deriveBits", "verify"})
    void keyOperationsSurviveTheCrossing(String ops) throws Exception {
        Jwk key = KeyGenerator.forAlgorithm("ES256").generate().withUse(null)
                .withKeyOperations(Set.of(ops.split(";")));
        JWK nimbus = NimbusPeer.parse(key.toPublicJson());
        assertThat(nimbus.getKeyOperations()).extracting(o -> o.identifier())
                .containsExactlyInAnyOrder(ops.split(";"));
        assertThat(Jwk.parse(nimbus.toJSONString()).keyOperations()).containsExactlyInAnyOrder(ops.split(";"));
    }

    /** A certificate chain read from PEM travels as {@code x5c}; Nimbus sees the same certificates in order. */
    @Test
    void x5cFromPemReadByNimbus() throws Exception {
        Jwk key = Pem.readJwk(resource("/pem/chain.pem"));
        JWK nimbus = NimbusPeer.parse(key.toPublicJson());
        assertThat(nimbus.getParsedX509CertChain()).containsExactlyElementsOf(key.certificateChain());
        assertSameThumbprints(key, nimbus);
    }

    /** Nimbus's JWK of a certificate (with x5c and x5t#S256) is read by Hallmark, which checks both against the key. */
    @Test
    void nimbusCertificateJwkReadByHallmark() throws Exception {
        Jwk fromPem = Pem.readJwk(resource("/pem/rsa2048.cert.pem"));
        X509Certificate cert = fromPem.certificateChain().get(0);
        JWK nimbus = JWK.parse(cert);
        assertThat(nimbus.getX509CertSHA256Thumbprint()).isNotNull();

        Jwk key = Jwk.parse(nimbus.toJSONString());
        assertThat(key.certificateChain()).containsExactly(cert);
        assertThat(key.certificateSha256Thumbprint()).contains(nimbus.getX509CertSHA256Thumbprint().toString());
        assertSameThumbprints(key, nimbus);
        assertThat(Thumbprint.of(key)).isEqualTo(Thumbprint.of(fromPem));
    }

    private static String resource(String name) throws Exception {
        try (var in = NimbusJwkInteropTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
        }
    }

    private static void assertSameThumbprints(Jwk key, JWK nimbus) throws Exception {
        assertThat(Thumbprint.of(key)).isEqualTo(nimbus.computeThumbprint().toString());
        assertThat(Thumbprint.of(key, "SHA-256")).isEqualTo(nimbus.computeThumbprint("SHA-256").toString());
        assertThat(Thumbprint.of(key, "SHA-384")).isEqualTo(nimbus.computeThumbprint("SHA-384").toString());
        assertThat(Thumbprint.of(key, "SHA-512")).isEqualTo(nimbus.computeThumbprint("SHA-512").toString());
        assertThat(Thumbprint.uriOf(key)).isEqualTo(nimbus.computeThumbprintURI().toString());
    }

    private static Jwk generate(String alg, String curve) {
        KeyGenerator g = KeyGenerator.forAlgorithm(alg);
        if (!curve.isEmpty()) {
            g.curve(curve);
        }
        return g.generate();
    }

    private static JWKGenerator<? extends JWK> nimbusGenerator(String kind) {
        return switch (kind) {
            case "RSA-2048" -> new RSAKeyGenerator(2048);
            case "RSA-3072" -> new RSAKeyGenerator(3072);
            case "P-256" -> new ECKeyGenerator(Curve.P_256);
            case "P-384" -> new ECKeyGenerator(Curve.P_384);
            case "P-521" -> new ECKeyGenerator(Curve.P_521);
            case "Ed25519" -> new OctetKeyPairGenerator(Curve.Ed25519);
            case "X25519" -> new OctetKeyPairGenerator(Curve.X25519);
            case "oct-128" -> new OctetSequenceKeyGenerator(128);
            case "oct-256" -> new OctetSequenceKeyGenerator(256);
            case "oct-512" -> new OctetSequenceKeyGenerator(512);
            default -> throw new IllegalArgumentException(kind);
        };
    }
}
