package dev.hallmark.jwt;

import dev.hallmark.JoseException;
import dev.hallmark.Reason;
import dev.hallmark.jwk.EcJwk;
import dev.hallmark.jwk.Jwk;
import dev.hallmark.jwk.JwkSet;
import dev.hallmark.jwk.OkpJwk;
import dev.hallmark.jwk.Pem;
import dev.hallmark.jwk.RsaJwk;
import dev.hallmark.jws.AlgorithmPolicy;
import dev.hallmark.jws.JwsAlgorithm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.ECPublicKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.hallmark.Rejection.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The RS/ES "public key as HMAC secret" attack (RFC 8725 §2.1, §3.1): an attacker who knows the verifier's public
 * key MACs a token with it as the secret, in every form a careless verifier might feed to HMAC (PEM text, DER, JWK
 * JSON, raw key bytes), and sets {@code alg: HS256}. HMAC never runs with an asymmetric key, so each is
 * {@code ALG_NOT_ALLOWED}: HS256 does not fit an RSA, EC or OKP key, whatever the verifier's policy says.
 */
class KeyConfusionTest {

    /** The public-key encodings an attacker can obtain, by name. */
    static Map<String, byte[]> macSecrets(Jwk key) {
        Jwk pub = key.toPublicJwk();
        Map<String, byte[]> out = new LinkedHashMap<>();
        String pem = Pem.writePublicKey(pub);
        out.put("PEM text", pem.getBytes(StandardCharsets.US_ASCII));
        out.put("PEM text without final newline", pem.strip().getBytes(StandardCharsets.US_ASCII));
        out.put("PEM text with CRLF", pem.replace("\n", "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.put("DER SubjectPublicKeyInfo", pub.publicKey().getEncoded());
        out.put("JWK JSON", pub.toPublicJson().getBytes(StandardCharsets.UTF_8));
        out.put("JWK Set JSON", JwkSet.of(pub).toPublicJson().getBytes(StandardCharsets.UTF_8));
        if (pub instanceof RsaJwk rsa) {
            out.put("RSA modulus bytes", unsigned(rsa.publicKey().getModulus()));
        } else if (pub instanceof EcJwk ec) {
            ECPublicKey k = (ECPublicKey) ec.publicKey();
            out.put("EC x bytes", unsigned(k.getW().getAffineX()));
        } else if (pub instanceof OkpJwk okp) {
            out.put("OKP x bytes", okp.publicBytes());
        }
        return out;
    }

    private static byte[] unsigned(BigInteger v) {
        byte[] b = v.toByteArray();
        return b[0] == 0 ? java.util.Arrays.copyOfRange(b, 1, b.length) : b;
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (Jwk key : List.of(TestKeys.RS256, TestKeys.ES256, TestKeys.ES384, TestKeys.ES512, TestKeys.ED25519)) {
            for (Map.Entry<String, byte[]> secret : macSecrets(key).entrySet()) {
                for (String hs : List.of("HS256", "HS384", "HS512")) {
                    out.add(Arguments.of(key.algorithm().orElseThrow(), secret.getKey(), hs, key, secret.getValue()));
                }
            }
        }
        return out.stream();
    }

    private static String token(String hs, byte[] secret, String kid) {
        String header = "{\"alg\":\"" + hs + "\"" + (kid == null ? "" : ",\"kid\":\"" + kid + "\"") + ",\"typ\":\"JWT\"}";
        return TokenForge.signHmac(hs, secret, header, TestKeys.validClaims().subject("admin").build().toJson());
    }

    @ParameterizedTest(name = "{2} keyed with the {0} key as {1}")
    @MethodSource("cases")
    void publicKeyUsedAsHmacSecretIsNotAllowed(String family, String encoding, String hs, Jwk key, byte[] secret) {
        Jwk trusted = key.toPublicJwk();
        Jwk trustedWithoutAlg = trusted.withAlgorithm(null);
        String kid = trusted.keyId().orElseThrow();
        List<JwtVerifier> verifiers = List.of(
                TestKeys.verifier(trusted).build(),
                TestKeys.verifier(trustedWithoutAlg).build(),
                // even a policy that (wrongly) allows HMAC does not let HMAC run with an asymmetric key
                TestKeys.verifier(trustedWithoutAlg).algorithms(AlgorithmPolicy.of(JwsAlgorithm.HS256,
                        JwsAlgorithm.HS384, JwsAlgorithm.HS512, JwsAlgorithm.RS256, JwsAlgorithm.ES256,
                        JwsAlgorithm.ES384, JwsAlgorithm.ES512, JwsAlgorithm.EdDSA)).build());
        for (JwtVerifier verifier : verifiers) {
            assertRejected(() -> verifier.verify(token(hs, secret, kid)), Reason.ALG_NOT_ALLOWED);
            assertRejected(() -> verifier.verify(token(hs, secret, null)), Reason.ALG_NOT_ALLOWED);
        }
    }

    @Test
    void aPolicyWithoutHmacRejectsHmacBeforeLookingAtKeys() {
        JwtVerifier verifier = TestKeys.verifier(TestKeys.RS256).algorithms(AlgorithmPolicy.of(JwsAlgorithm.RS256)).build();
        byte[] pem = Pem.writePublicKey(TestKeys.RS256).getBytes(StandardCharsets.US_ASCII);
        JoseException e = assertRejected(() -> verifier.verify(token("HS256", pem, "rs256")), Reason.ALG_NOT_ALLOWED);
        assertThat(e.getMessage()).contains("HS256");
    }

    @Test
    void aKeySourceMixingSecretsAndPublicKeysIsRefused() {
        // a verifier trusting both kinds is one header away from key confusion (RFC 8725 §3.1)
        assertThatThrownBy(() -> dev.hallmark.jwk.KeySource.of(TestKeys.HS256, TestKeys.RS256.toPublicJwk()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> dev.hallmark.jwk.KeySource.of(JwkSet.of(TestKeys.ES256.toPublicJwk(), TestKeys.HS256)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anAsymmetricTokenIsNotVerifiedWithASecret() {
        // the reverse direction: an RS256 token given to an HMAC verifier never reaches RSA code with a secret
        String rs = TestKeys.signer(TestKeys.RS256).sign(TestKeys.validClaims().build());
        assertRejected(() -> TestKeys.verifier(TestKeys.HS256.withKeyId("rs256")).build().verify(rs),
                Reason.ALG_NOT_ALLOWED);
        assertRejected(() -> TestKeys.verifier(TestKeys.HS256.withKeyId(null).withAlgorithm(null)).build()
                .verify(TokenForge.withSegment(rs, 0, TokenForge.b64("{\"alg\":\"RS256\"}"))), Reason.ALG_NOT_ALLOWED);
    }

    @Test
    void aKeyBoundToOneAlgorithmRefusesItsSiblings() {
        // the key's alg is bound strictly: a PS256 key never verifies PS384 or RS256 headers
        Jwk ps256 = TestKeys.PS256;
        for (String alg : List.of("PS384", "PS512", "RS256")) {
            String token = TokenForge.sign(ps256, alg, "{\"alg\":\"" + alg + "\",\"kid\":\"ps256\"}",
                    TestKeys.validPayloadJson());
            assertRejected(() -> TestKeys.verifier(ps256).build().verify(token), Reason.ALG_NOT_ALLOWED);
        }
    }
}
