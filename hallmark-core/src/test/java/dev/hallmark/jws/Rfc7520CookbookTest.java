package dev.hallmark.jws;

import dev.hallmark.Reason;
import dev.hallmark.internal.codec.Base64Url;
import dev.hallmark.jwk.Jwk;
import dev.hallmark.jwk.JwkSet;
import dev.hallmark.jwk.KeySource;
import dev.hallmark.jwk.OctJwk;
import dev.hallmark.vectors.VectorFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static dev.hallmark.vectors.JoseAssertions.assertRejected;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * RFC 7520 §4 (the JOSE Cookbook) JWS examples from {@code rfc7520-cookbook/jws/4_*.json}: every serialization in
 * each {@code output} verifies with {@code input.key}; deterministic examples (RS256, HS256) are reproduced byte for
 * byte; randomised ones (PS384, ES512) are re-signed and our own signature verifies.
 */
class Rfc7520CookbookTest {

    private static final String DIR = "rfc7520-cookbook/jws/";

    /** The examples signed with one key; §4.8 (three keys) has its own tests below. */
    private static final List<String> SINGLE_KEY = List.of(
            "4_1.rsa_v15_signature.json",
            "4_2.rsa-pss_signature.json",
            "4_3.ecdsa_signature.json",
            "4_4.hmac-sha2_integrity_protection.json",
            "4_5.signature_with_detached_content.json",
            "4_6.protecting_specific_header_fields.json",
            "4_7.protecting_content_only.json");
    private static final String MULTIPLE = "4_8.multiple_signatures.json";

    // ---- every output form of §4.1 to §4.7 ----

    static Stream<Arguments> singleKeyOutputs() {
        List<Arguments> out = new ArrayList<>();
        for (String file : SINGLE_KEY) {
            for (String form : map(example(file).get("output")).keySet()) {
                out.add(Arguments.of(file, form));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("singleKeyOutputs")
    void everyOutputFormVerifiesWithTheExampleKey(String file, String form) {
        Map<String, Object> example = example(file);
        Map<String, Object> input = map(example.get("input"));
        Jwk key = jwk(input.get("key"));
        Jwk trusted = trustedForm(key);
        byte[] payload = string(input.get("payload")).getBytes(UTF_8);

        VerifiedJws verified = verify(JwsVerifier.builder().key(trusted).build(), map(example.get("output")).get(form),
                payload);

        assertThat(verified.payload()).isEqualTo(payload);
        assertThat(verified.algorithm().name()).isEqualTo(input.get("alg"));
        assertThat(verified.key()).isEqualTo(trusted);
        // the header seen is the protected one merged with the unprotected one (§4.6 kid, §4.7 alg and kid)
        Map<String, Object> signing = map(example.get("signing"));
        Map<String, Object> expectedHeader = new LinkedHashMap<>();
        if (signing.containsKey("protected")) {
            expectedHeader.putAll(map(signing.get("protected")));
        }
        if (signing.containsKey("unprotected")) {
            expectedHeader.putAll(map(signing.get("unprotected")));
        }
        assertThat(verified.header().asMap()).isEqualTo(expectedHeader);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("singleKeyOutputs")
    void everyOutputFormWithAFlippedSignatureBitIsRejected(String file, String form) {
        Map<String, Object> example = example(file);
        Map<String, Object> input = map(example.get("input"));
        byte[] payload = string(input.get("payload")).getBytes(UTF_8);
        JwsVerifier verifier = JwsVerifier.builder().key(trustedForm(jwk(input.get("key")))).build();
        Object tampered = withFlippedSignatures(map(example.get("output")).get(form));

        assertRejected(() -> verify(verifier, tampered, payload), Reason.BAD_SIGNATURE);
    }

    @Test
    void everyCookbookJwsFileIsCovered() throws IOException, URISyntaxException {
        Path dir = Path.of(Rfc7520CookbookTest.class.getResource("/vectors/" + DIR).toURI());
        try (Stream<Path> files = Files.list(dir)) {
            List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
            List<String> covered = new ArrayList<>(SINGLE_KEY);
            covered.add(MULTIPLE);
            assertThat(names).containsExactlyInAnyOrderElementsOf(covered);
        }
        // 20 serializations in all: 3 each for §4.1-4.5, 2 each for §4.6-4.7, 1 for §4.8
        assertThat(singleKeyOutputs().count()).isEqualTo(19);
    }

    // ---- reproduction ----

    static Stream<String> reproducibleExamples() {
        return SINGLE_KEY.stream().filter(f -> Boolean.TRUE.equals(example(f).get("reproducible")));
    }

    /**
     * Signs the example's exact signing input with the algorithm's signature scheme: this reproduces even §4.7,
     * whose signature has no protected header at all (our {@link JwsSigner} always protects {@code alg}).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("reproducibleExamples")
    void deterministicSignatureIsReproducedFromTheSigningInput(String file) {
        Map<String, Object> example = example(file);
        Map<String, Object> input = map(example.get("input"));
        Map<String, Object> signing = map(example.get("signing"));
        Jwk key = jwk(input.get("key"));
        JwsAlgorithm alg = JwsAlgorithm.fromName(string(input.get("alg"))).orElseThrow();
        assertThat(alg).isIn(JwsAlgorithm.RS256, JwsAlgorithm.HS256);

        String protectedB64 = signing.containsKey("protected_b64u") ? string(signing.get("protected_b64u")) : "";
        String signingInput = protectedB64 + "." + Base64Url.encode(string(input.get("payload")).getBytes(UTF_8));
        assertThat(signingInput).isEqualTo(signing.get("sig-input"));

        byte[] signature = alg.scheme().sign(signingKey(key), signingInput.getBytes(US_ASCII));
        assertThat(Base64Url.encode(signature)).isEqualTo(signing.get("sig"));
        for (Object form : map(example.get("output")).values()) {
            assertThat(signaturesOf(form)).containsExactly(string(signing.get("sig")));
        }
    }

    /** RS256 and HS256 with the key's kid: our signer writes the same protected header, so every byte matches. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"4_1.rsa_v15_signature.json", "4_4.hmac-sha2_integrity_protection.json"})
    void jwsSignerReproducesAllThreeSerializations(String file) {
        Map<String, Object> example = example(file);
        Map<String, Object> input = map(example.get("input"));
        Map<String, Object> output = map(example.get("output"));
        byte[] payload = string(input.get("payload")).getBytes(UTF_8);
        JwsSigner signer = JwsSigner.builder(jwk(input.get("key"))).build();

        assertThat(signer.sign(payload)).isEqualTo(output.get("compact"));
        assertThat(VectorFiles.parse(signer.signFlattenedJson(payload))).isEqualTo(output.get("json_flat"));
        assertThat(VectorFiles.parse(JwsSigner.signGeneralJson(payload, List.of(signer))))
                .isEqualTo(output.get("json"));
    }

    @Test
    void jwsSignerReproducesDetachedContent_4_5() {
        Map<String, Object> example = example("4_5.signature_with_detached_content.json");
        Map<String, Object> input = map(example.get("input"));
        Map<String, Object> output = map(example.get("output"));
        byte[] payload = string(input.get("payload")).getBytes(UTF_8);
        JwsSigner signer = JwsSigner.builder(jwk(input.get("key"))).build();

        assertThat(signer.signDetached(payload)).isEqualTo(output.get("compact"));
        // the JSON forms of §4.5 simply leave out "payload"
        Map<String, Object> flattened = map(VectorFiles.parse(signer.signFlattenedJson(payload)));
        assertThat(flattened.remove("payload")).isEqualTo(Base64Url.encode(payload));
        assertThat(flattened).isEqualTo(output.get("json_flat"));
    }

    /** §4.6: {@code kid} unprotected. Our signer takes the kid from the key, so the key goes in without one. */
    @Test
    void jwsSignerReproducesAnUnprotectedKid_4_6() {
        Map<String, Object> example = example("4_6.protecting_specific_header_fields.json");
        Map<String, Object> input = map(example.get("input"));
        Map<String, Object> output = map(example.get("output"));
        byte[] payload = string(input.get("payload")).getBytes(UTF_8);
        Jwk key = jwk(input.get("key"));
        JwsSigner signer = JwsSigner.builder(key.withKeyId(null))
                .unprotectedParameter("kid", key.keyId().orElseThrow()).build();

        assertThat(VectorFiles.parse(signer.signFlattenedJson(payload))).isEqualTo(output.get("json_flat"));
        assertThat(VectorFiles.parse(JwsSigner.signGeneralJson(payload, List.of(signer))))
                .isEqualTo(output.get("json"));
        // the compact serialization has no unprotected header
        assertThatThrownBy(() -> signer.sign(payload)).isInstanceOf(IllegalStateException.class);
    }

    /** PS384 and ES512 signatures are randomised: same protected header, a different signature that verifies. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"4_2.rsa-pss_signature.json", "4_3.ecdsa_signature.json"})
    void randomisedExamplesAreResignedAndVerify(String file) {
        Map<String, Object> example = example(file);
        Map<String, Object> input = map(example.get("input"));
        byte[] payload = string(input.get("payload")).getBytes(UTF_8);
        Jwk key = jwk(input.get("key"));
        JwsSigner signer = JwsSigner.builder(key)
                .algorithm(JwsAlgorithm.fromName(string(input.get("alg"))).orElseThrow()).build();

        String compact = signer.sign(payload);
        String[] parts = compact.split("\\.");
        assertThat(parts[0]).isEqualTo(map(example.get("signing")).get("protected_b64u"));
        assertThat(parts[1]).isEqualTo(string(map(example.get("output")).get("compact")).split("\\.")[1]);
        VerifiedJws verified = JwsVerifier.builder().key(key.toPublicJwk()).build().verify(compact);
        assertThat(verified.payload()).isEqualTo(payload);
        assertThat(verified.algorithm().name()).isEqualTo(input.get("alg"));
    }

    // ---- §4.8 multiple signatures ----

    static Stream<Arguments> multipleSignatureEntries() {
        List<Object> algs = list(map(example(MULTIPLE).get("input")).get("alg"));
        return IntStream.range(0, algs.size()).mapToObj(i -> Arguments.of(i, algs.get(i)));
    }

    /** Each of the three signatures, cut out into a flattened JWS of its own, verifies with its own key. */
    @ParameterizedTest(name = "4_8 signatures[{0}] {1}")
    @MethodSource("multipleSignatureEntries")
    void eachSignatureOf_4_8_verifiesAloneWithItsKey(int index, String alg) {
        Map<String, Object> example = example(MULTIPLE);
        Map<String, Object> input = map(example.get("input"));
        Map<String, Object> general = map(map(example.get("output")).get("json"));
        Map<String, Object> flattened = new LinkedHashMap<>();
        flattened.put("payload", general.get("payload"));
        flattened.putAll(map(list(general.get("signatures")).get(index)));
        assertThat(flattened).isEqualTo(withPayload(general.get("payload"),
                map(list(example.get("signing")).get(index)).get("json")));
        Jwk trusted = trustedForm(jwk(list(input.get("key")).get(index)));

        VerifiedJws verified = JwsVerifier.builder().key(trusted).build().verifyJson(VectorFiles.write(flattened));

        assertThat(verified.algorithm().name()).isEqualTo(alg);
        assertThat(verified.payloadAsString()).isEqualTo(input.get("payload"));
    }

    /**
     * The whole general serialization verifies with each key alone: the signatures made with the other keys fail
     * (wrong key type) and are tolerated, because one valid signature suffices.
     */
    @ParameterizedTest(name = "4_8 json with only the key of signatures[{0}] {1}")
    @MethodSource("multipleSignatureEntries")
    void generalJsonOf_4_8_verifiesWithEachKeyAlone(int index, String alg) {
        Map<String, Object> example = example(MULTIPLE);
        Map<String, Object> input = map(example.get("input"));
        Jwk trusted = trustedForm(jwk(list(input.get("key")).get(index)));

        VerifiedJws verified = JwsVerifier.builder().key(trusted).build()
                .verifyJson(VectorFiles.write(map(example.get("output")).get("json")));

        assertThat(verified.algorithm().name()).isEqualTo(alg);
        assertThat(verified.key()).isEqualTo(trusted);
        assertThat(verified.payloadAsString()).isEqualTo(input.get("payload"));
    }

    /** The RS256 and HS256 entries of §4.8 are deterministic even though the example as a whole is not. */
    @ParameterizedTest(name = "4_8 signatures[{0}] {1}")
    @MethodSource("multipleSignatureEntries")
    void deterministicEntriesOf_4_8_areReproducedFromTheSigningInput(int index, String alg) {
        Map<String, Object> example = example(MULTIPLE);
        Map<String, Object> signing = map(list(example.get("signing")).get(index));
        Jwk key = jwk(list(map(example.get("input")).get("key")).get(index));
        JwsAlgorithm algorithm = JwsAlgorithm.fromName(alg).orElseThrow();
        byte[] input = string(signing.get("sig-input")).getBytes(US_ASCII);
        byte[] expected = Base64Url.decode(string(signing.get("sig")), "sig");

        if (algorithm == JwsAlgorithm.ES512) {
            // ECDSA is randomised: our own signature over the same input verifies instead
            byte[] ours = algorithm.scheme().sign(signingKey(key), input);
            assertThat(ours).hasSize(132);
            assertThat(algorithm.scheme().verify(key.publicKey(), input, 0, input.length, ours)).isTrue();
            assertThat(algorithm.scheme().verify(key.publicKey(), input, 0, input.length, expected)).isTrue();
        } else {
            assertThat(algorithm.scheme().sign(signingKey(key), input)).isEqualTo(expected);
        }
    }

    /**
     * Decided: the RSA and EC keys of §4.8 share the kid {@code bilbo.baggins@hobbiton.example}. A verifier trusting
     * both cannot tell them apart by kid, and the library's rule is that a kid must select exactly one trusted key,
     * so every signature naming that kid fails with KEY_NOT_FOUND; the HMAC key cannot join them at all, since a key
     * source mixing symmetric and asymmetric keys is refused (RFC 8725 §3.1). Verify §4.8 with one key per verifier.
     */
    @Test
    void keysSharingAKidCannotBeTrustedTogether_4_8() {
        Map<String, Object> example = example(MULTIPLE);
        List<Object> keys = list(map(example.get("input")).get("key"));
        Jwk rsa = trustedForm(jwk(keys.get(0)));
        Jwk ec = trustedForm(jwk(keys.get(1)));
        Jwk hmac = jwk(keys.get(2));
        String json = VectorFiles.write(map(example.get("output")).get("json"));

        JwsVerifier both = JwsVerifier.builder().keys(KeySource.of(rsa, ec)).build();
        assertRejected(() -> both.verifyJson(json), Reason.KEY_NOT_FOUND);
        assertThatThrownBy(() -> KeySource.of(JwkSet.of(rsa, ec, hmac))).isInstanceOf(IllegalArgumentException.class);
    }

    // ---- helpers ----

    static VerifiedJws verify(JwsVerifier verifier, Object form, byte[] payload) {
        if (form instanceof String compact) {
            boolean detached = compact.split("\\.", -1)[1].isEmpty();
            return detached ? verifier.verifyDetached(compact, payload) : verifier.verify(compact);
        }
        String json = VectorFiles.write(form);
        return map(form).containsKey("payload") ? verifier.verifyJson(json) : verifier.verifyJsonDetached(json, payload);
    }

    /** The form with the first bit of every signature flipped. */
    static Object withFlippedSignatures(Object form) {
        if (form instanceof String compact) {
            int dot = compact.lastIndexOf('.');
            return compact.substring(0, dot + 1) + flipped(compact.substring(dot + 1));
        }
        Map<String, Object> copy = new LinkedHashMap<>(map(form));
        if (copy.containsKey("signature")) {
            copy.put("signature", flipped(string(copy.get("signature"))));
        } else {
            List<Object> entries = new ArrayList<>();
            for (Object e : list(copy.get("signatures"))) {
                Map<String, Object> entry = new LinkedHashMap<>(map(e));
                entry.put("signature", flipped(string(entry.get("signature"))));
                entries.add(entry);
            }
            copy.put("signatures", entries);
        }
        return copy;
    }

    /** The base64url signature with its first bit flipped. */
    static String flipped(String b64) {
        byte[] sig = Base64Url.decode(b64, "signature");
        sig[0] ^= 0x01;
        return Base64Url.encode(sig);
    }

    static List<String> signaturesOf(Object form) {
        if (form instanceof String compact) {
            return List.of(compact.substring(compact.lastIndexOf('.') + 1));
        }
        Map<String, Object> doc = map(form);
        if (doc.containsKey("signature")) {
            return List.of(string(doc.get("signature")));
        }
        return list(doc.get("signatures")).stream().map(e -> string(map(e).get("signature"))).toList();
    }

    private static Map<String, Object> withPayload(Object payload, Object entry) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("payload", payload);
        m.putAll(map(entry));
        return m;
    }

    static Map<String, Object> example(String file) {
        return VectorFiles.jsonObject(DIR + file);
    }

    static Jwk jwk(Object json) {
        return Jwk.parse(VectorFiles.write(json));
    }

    /** What a verifier is given: the public form of an asymmetric key, the secret itself for HMAC. */
    static Jwk trustedForm(Jwk key) {
        return key instanceof OctJwk ? key : key.toPublicJwk();
    }

    static Key signingKey(Jwk key) {
        return key instanceof OctJwk oct ? oct.toSecretKey() : key.privateKey().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object o) {
        return (List<Object>) o;
    }

    static String string(Object o) {
        return (String) o;
    }
}
