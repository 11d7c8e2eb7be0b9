package dev.hallmark.jws;

import dev.hallmark.Reason;
import dev.hallmark.internal.codec.Base64Url;
import dev.hallmark.jwk.Jwk;
import dev.hallmark.jwk.OkpJwk;
import dev.hallmark.vectors.VectorFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static dev.hallmark.jws.Rfc7520CookbookTest.map;
import static dev.hallmark.jws.Rfc7520CookbookTest.string;
import static dev.hallmark.vectors.JoseAssertions.assertRejected;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * RFC 8037 Appendix A.4 (EdDSA with Ed25519) from {@code rfc7520-cookbook/curve25519/jws.json}: every serialization
 * verifies, and since Ed25519 is deterministic our signer reproduces the compact form byte for byte.
 */
class Rfc8037Ed25519Test {

    private static final Map<String, Object> EXAMPLE = VectorFiles.jsonObject("rfc7520-cookbook/curve25519/jws.json");
    private static final Map<String, Object> INPUT = map(EXAMPLE.get("input"));
    private static final Map<String, Object> OUTPUT = map(EXAMPLE.get("output"));
    private static final Jwk KEY = Rfc7520CookbookTest.jwk(INPUT.get("key"));
    private static final byte[] PAYLOAD = string(INPUT.get("payload")).getBytes(UTF_8);

    @ParameterizedTest(name = "curve25519/jws.json {0}")
    @ValueSource(strings = {"compact", "json", "json_flat"})
    void everySerializationVerifiesWithThePublicKey(String form) {
        Jwk publicKey = KEY.toPublicJwk();
        JwsVerifier verifier = JwsVerifier.builder().key(publicKey).build();

        VerifiedJws verified = Rfc7520CookbookTest.verify(verifier, OUTPUT.get(form), PAYLOAD);

        assertThat(verified.algorithm()).isEqualTo(JwsAlgorithm.EdDSA);
        assertThat(verified.payload()).isEqualTo(PAYLOAD);
        assertThat(verified.key()).isEqualTo(publicKey);
        assertRejected(() -> Rfc7520CookbookTest.verify(verifier,
                Rfc7520CookbookTest.withFlippedSignatures(OUTPUT.get(form)), PAYLOAD), Reason.BAD_SIGNATURE);
    }

    @Test
    void signerReproducesTheCompactFormByteForByte() {
        assertThat(EXAMPLE.get("reproducible")).isEqualTo(true);
        JwsSigner signer = JwsSigner.builder(KEY).build();
        assertThat(signer.algorithm()).isEqualTo(JwsAlgorithm.EdDSA);

        assertThat(signer.sign(PAYLOAD)).isEqualTo(OUTPUT.get("compact"));
        assertThat(VectorFiles.parse(signer.signFlattenedJson(PAYLOAD))).isEqualTo(OUTPUT.get("json_flat"));
        assertThat(VectorFiles.parse(JwsSigner.signGeneralJson(PAYLOAD, List.of(signer)))).isEqualTo(OUTPUT.get("json"));
    }

    @Test
    void signatureSchemeReproducesTheSignatureFromTheSigningInput() {
        Map<String, Object> signing = map(EXAMPLE.get("signing"));
        byte[] input = string(signing.get("sig-input")).getBytes(US_ASCII);

        byte[] signature = JwsAlgorithm.EdDSA.scheme().sign(KEY.privateKey().orElseThrow(), input);

        assertThat(Base64Url.encode(signature)).isEqualTo(signing.get("sig"));
        assertThat(signature).hasSize(64);
    }

    /** RFC 8037 A.1/A.2: {@code x} is derived from {@code d}; a key whose halves disagree is refused. */
    @Test
    void keyOfAppendixA1IsConsistent() {
        OkpJwk key = (OkpJwk) KEY;
        assertThat(key.curveName()).isEqualTo("Ed25519");
        assertThat(key.isPrivate()).isTrue();
        assertThat(Base64Url.encode(key.publicBytes())).isEqualTo("11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo");

        Map<String, Object> mismatched = new java.util.LinkedHashMap<>(map(INPUT.get("key")));
        byte[] d = Base64Url.decode(string(mismatched.get("d")), "d");
        d[0] ^= 1;
        mismatched.put("d", Base64Url.encode(d));
        assertRejected(() -> Jwk.parse(VectorFiles.write(mismatched)), Reason.MALFORMED);
    }

    /** An EdDSA signature checked under another algorithm policy, or with an X25519 key, is not accepted. */
    @Test
    void onlyEdDsaAcceptsIt() {
        String compact = string(OUTPUT.get("compact"));
        assertRejected(() -> JwsVerifier.builder().key(KEY.toPublicJwk()).algorithms(AlgorithmPolicy.of(JwsAlgorithm.ES256))
                .build().verify(compact), Reason.ALG_NOT_ALLOWED);
        // the key's own alg binds it: a key that says ES256 never verifies an EdDSA header
        assertRejected(() -> JwsVerifier.builder().key(KEY.toPublicJwk().withAlgorithm("ES256")).build().verify(compact),
                Reason.ALG_NOT_ALLOWED);
    }
}
