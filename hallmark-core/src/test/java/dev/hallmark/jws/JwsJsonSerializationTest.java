package dev.hallmark.jws;

import dev.hallmark.Limits;
import dev.hallmark.Reason;
import dev.hallmark.jwk.Jwk;
import dev.hallmark.jwk.KeyGenerator;
import dev.hallmark.jwk.KeySource;
import dev.hallmark.vectors.VectorFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.hallmark.jws.Rfc7520CookbookTest.list;
import static dev.hallmark.jws.Rfc7520CookbookTest.map;
import static dev.hallmark.vectors.JoseAssertions.assertRejected;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The JWS JSON serializations (RFC 7515 §7.2) with our own ES256, RS256 and EdDSA keys: flattened and general round
 * trips, the rule that one valid signature suffices, header disjointness and {@code crit} placement, the bound on
 * the number of signatures, and detached content.
 */
class JwsJsonSerializationTest {

    private static final byte[] PAYLOAD = "{\"msg\":\"hello from three signers\"}".getBytes(UTF_8);

    private static Map<String, Jwk> keys;
    private static Map<String, JwsSigner> signers;

    @BeforeAll
    static void generateKeys() {
        keys = new LinkedHashMap<>();
        keys.put("ES256", KeyGenerator.forAlgorithm("ES256").generate());
        keys.put("RS256", KeyGenerator.forAlgorithm("RS256").rsaBits(2048).generate());
        keys.put("EdDSA", KeyGenerator.forAlgorithm("EdDSA").curve("Ed25519").generate());
        signers = new LinkedHashMap<>();
        keys.forEach((alg, key) -> signers.put(alg, JwsSigner.builder(key).build()));
    }

    // ---- round trips ----

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ES256", "RS256", "EdDSA"})
    void flattenedRoundTrip(String alg) {
        String json = signers.get(alg).signFlattenedJson(PAYLOAD);
        Map<String, Object> doc = map(VectorFiles.parse(json));
        assertThat(doc).containsOnlyKeys("payload", "protected", "signature");

        VerifiedJws verified = verifier(alg).verifyJson(json);

        assertThat(verified.payload()).isEqualTo(PAYLOAD);
        assertThat(verified.algorithm().name()).isEqualTo(alg);
        assertThat(verified.header().keyId()).isEqualTo(keys.get(alg).keyId());
        assertThat(verified.key()).isEqualTo(keys.get(alg).toPublicJwk());
    }

    @Test
    void generalWithThreeSignersVerifiesWithAllKeysTrusted() {
        String json = JwsSigner.signGeneralJson(PAYLOAD, List.copyOf(signers.values()));
        Map<String, Object> doc = map(VectorFiles.parse(json));
        assertThat(doc).containsOnlyKeys("payload", "signatures");
        assertThat(list(doc.get("signatures"))).hasSize(3);

        VerifiedJws verified = JwsVerifier.builder().keys(KeySource.of(publicKeys("ES256", "RS256", "EdDSA"))).build()
                .verifyJson(json);

        assertThat(verified.payload()).isEqualTo(PAYLOAD);
        assertThat(verified.algorithm()).isEqualTo(JwsAlgorithm.ES256); // the first signature that verifies
    }

    /** One valid signature suffices: each key alone verifies the three-signature object, by its own signature. */
    @ParameterizedTest(name = "only {0} trusted")
    @ValueSource(strings = {"ES256", "RS256", "EdDSA"})
    void generalVerifiesWithAnyOneOfItsKeys(String alg) {
        String json = JwsSigner.signGeneralJson(PAYLOAD, List.copyOf(signers.values()));

        VerifiedJws verified = verifier(alg).verifyJson(json);

        assertThat(verified.algorithm().name()).isEqualTo(alg);
        assertThat(verified.header().keyId()).isEqualTo(keys.get(alg).keyId());
    }

    @Test
    void invalidSignaturesAreToleratedWhenAnotherVerifies() {
        String json = JwsSigner.signGeneralJson(PAYLOAD, List.copyOf(signers.values()));
        JwsVerifier all = JwsVerifier.builder().keys(KeySource.of(publicKeys("ES256", "RS256", "EdDSA"))).build();

        // break the ES256 and RS256 signatures: the EdDSA one still carries the object
        String twoBroken = withSignatures(json, s -> s.index() < 2 ? flip(s.signature()) : s.signature());
        assertThat(all.verifyJson(twoBroken).algorithm()).isEqualTo(JwsAlgorithm.EdDSA);

        String allBroken = withSignatures(json, s -> flip(s.signature()));
        assertRejected(() -> all.verifyJson(allBroken), Reason.BAD_SIGNATURE);

        // the payload is shared: changing it breaks every signature at once
        Map<String, Object> doc = new LinkedHashMap<>(map(VectorFiles.parse(json)));
        doc.put("payload", "e30");
        assertRejected(() -> all.verifyJson(VectorFiles.write(doc)), Reason.BAD_SIGNATURE);
    }

    @Test
    void unknownKidInOneSignatureIsToleratedIfAnotherVerifies() {
        Jwk stranger = KeyGenerator.forAlgorithm("ES256").keyId("nobody-trusts-me").generate();
        String json = JwsSigner.signGeneralJson(PAYLOAD,
                List.of(JwsSigner.builder(stranger).build(), signers.get("RS256")));

        VerifiedJws verified = verifier("RS256").verifyJson(json);
        assertThat(verified.algorithm()).isEqualTo(JwsAlgorithm.RS256);

        // with no trusted key at all the first signature's reason is reported
        String onlyStrangers = JwsSigner.signGeneralJson(PAYLOAD,
                List.of(JwsSigner.builder(stranger).build(), JwsSigner.builder(stranger).build()));
        assertRejected(() -> verifier("RS256").verifyJson(onlyStrangers), Reason.KEY_NOT_FOUND);
    }

    /** Unprotected parameters travel in "header" and reach the verified header, but are not signed. */
    @Test
    void unprotectedParametersRoundTripUnsigned() {
        JwsSigner signer = JwsSigner.builder(keys.get("EdDSA")).unprotectedParameter("x-trace", "abc").build();
        String json = signer.signFlattenedJson(PAYLOAD);
        assertThat(map(map(VectorFiles.parse(json)).get("header"))).isEqualTo(Map.of("x-trace", "abc"));

        assertThat(verifier("EdDSA").verifyJson(json).header().get("x-trace")).contains("abc");
        String changed = json.replace("\"abc\"", "\"xyz\"");
        assertThat(verifier("EdDSA").verifyJson(changed).header().get("x-trace")).contains("xyz");
        // and the compact serialization has nowhere to put them
        assertThatThrownBy(() -> signer.sign(PAYLOAD)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> JwsSigner.builder(keys.get("EdDSA")).unprotectedParameter("crit", List.of("x")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ---- header rules ----

    @ParameterizedTest(name = "\"{0}\" both protected and unprotected")
    @ValueSource(strings = {"alg", "kid", "typ"})
    void parameterBothProtectedAndUnprotectedIsMalformed(String name) {
        JwsSigner signer = JwsSigner.builder(keys.get("ES256")).header(JwsHeader.builder().type("JOSE").build()).build();
        Map<String, Object> doc = new LinkedHashMap<>(map(VectorFiles.parse(signer.signFlattenedJson(PAYLOAD))));
        doc.put("header", Map.of(name, name.equals("alg") ? "ES256" : name.equals("kid")
                ? keys.get("ES256").keyId().orElseThrow() : "JOSE"));

        assertRejected(() -> verifier("ES256").verifyJson(VectorFiles.write(doc)), Reason.MALFORMED);
    }

    @Test
    void critInTheUnprotectedHeaderIsUnsupported() {
        Map<String, Object> doc = new LinkedHashMap<>(map(VectorFiles.parse(signers.get("ES256").signFlattenedJson(PAYLOAD))));
        doc.put("header", Map.of("crit", List.of("exp"), "exp", 1));

        assertRejected(() -> verifier("ES256").verifyJson(VectorFiles.write(doc)), Reason.UNSUPPORTED_CRITICAL);
        // even when the verifier understands the parameter: crit must be integrity protected (RFC 7515 §4.1.11)
        assertRejected(() -> JwsVerifier.builder().key(keys.get("ES256").toPublicJwk()).understoodCriticalParameters("exp")
                .build().verifyJson(VectorFiles.write(doc)), Reason.UNSUPPORTED_CRITICAL);
    }

    @Test
    void understoodCriticalParameterInTheProtectedHeaderVerifies() {
        JwsSigner signer = JwsSigner.builder(keys.get("ES256"))
                .header(JwsHeader.builder().criticalParameter("exp", 1_900_000_000L).build()).build();
        String json = signer.signFlattenedJson(PAYLOAD);

        assertRejected(() -> verifier("ES256").verifyJson(json), Reason.UNSUPPORTED_CRITICAL);
        VerifiedJws verified = JwsVerifier.builder().key(keys.get("ES256").toPublicJwk())
                .understoodCriticalParameters("exp").build().verifyJson(json);
        assertThat(verified.header().critical()).containsExactly("exp");
    }

    /**
     * Decided (RFC 7515 §5.2 leaves the failure of one signature among many to the application): a malformed
     * signature entry in a general JWS counts as one more signature that does not validate. It cannot help an
     * attacker, since only the verified entry's header is returned.
     */
    @Test
    void malformedEntryAmongValidOnesIsTreatedAsAFailedSignature() {
        String json = JwsSigner.signGeneralJson(PAYLOAD, List.of(signers.get("ES256"), signers.get("EdDSA")));
        Map<String, Object> doc = new LinkedHashMap<>(map(VectorFiles.parse(json)));
        List<Object> entries = new ArrayList<>(list(doc.get("signatures")));
        Map<String, Object> first = new LinkedHashMap<>(map(entries.get(0)));
        first.put("header", Map.of("alg", "ES256", "crit", List.of("b64")));
        entries.set(0, first);
        doc.put("signatures", entries);
        JwsVerifier both = JwsVerifier.builder().keys(KeySource.of(publicKeys("ES256", "EdDSA"))).build();

        VerifiedJws verified = both.verifyJson(VectorFiles.write(doc));

        assertThat(verified.algorithm()).isEqualTo(JwsAlgorithm.EdDSA);
        assertThat(verified.header().asMap()).doesNotContainKey("crit");
    }

    // ---- limits ----

    @Test
    void moreSignaturesThanTheLimitIsTooLarge() {
        JwsSigner es = signers.get("ES256");
        String eight = JwsSigner.signGeneralJson(PAYLOAD, Collections.nCopies(Limits.DEFAULT.maxSignatures(), es));
        String nine = JwsSigner.signGeneralJson(PAYLOAD, Collections.nCopies(Limits.DEFAULT.maxSignatures() + 1, es));

        assertThat(verifier("ES256").verifyJson(eight).payload()).isEqualTo(PAYLOAD);
        assertRejected(() -> verifier("ES256").verifyJson(nine), Reason.TOO_LARGE);

        Limits two = Limits.builder().maxSignatures(2).build();
        String three = JwsSigner.signGeneralJson(PAYLOAD, List.copyOf(signers.values()));
        assertRejected(() -> JwsVerifier.builder().keys(KeySource.of(publicKeys("ES256", "RS256", "EdDSA"))).limits(two)
                .build().verifyJson(three), Reason.TOO_LARGE);
    }

    @Test
    void jsonOverTheTokenSizeLimitIsTooLarge() {
        Limits small = Limits.builder().maxTokenBytes(256).build();
        String json = signers.get("RS256").signFlattenedJson(PAYLOAD);
        assertThat(json.length()).isGreaterThan(256);
        assertRejected(() -> JwsVerifier.builder().key(keys.get("RS256").toPublicJwk()).limits(small).build()
                .verifyJson(json), Reason.TOO_LARGE);
    }

    // ---- detached content ----

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"flattened", "general"})
    void detachedJsonVerifiesOnlyWithItsContent(String form) {
        String json = form.equals("flattened") ? signers.get("EdDSA").signFlattenedJson(PAYLOAD)
                : JwsSigner.signGeneralJson(PAYLOAD, List.copyOf(signers.values()));
        Map<String, Object> doc = new LinkedHashMap<>(map(VectorFiles.parse(json)));
        doc.remove("payload");
        String detached = VectorFiles.write(doc);
        JwsVerifier verifier = JwsVerifier.builder().keys(KeySource.of(publicKeys("ES256", "RS256", "EdDSA"))).build();

        assertThat(verifier.verifyJsonDetached(detached, PAYLOAD).payload()).isEqualTo(PAYLOAD);
        assertRejected(() -> verifier.verifyJsonDetached(detached, "other".getBytes(UTF_8)), Reason.BAD_SIGNATURE);
        // a detached JWS needs its content, and an attached one must not be given another
        assertRejected(() -> verifier.verifyJson(detached), Reason.MALFORMED);
        assertRejected(() -> verifier.verifyJsonDetached(json, PAYLOAD), Reason.MALFORMED);
    }

    // ---- structure ----

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "{\"payload\":\"e30\",\"signature\":\"AA\",\"signatures\":[]}",
        "{\"payload\":\"e30\",\"signatures\":[]}",
        "{\"payload\":\"e30\",\"signatures\":{}}",
        "{\"payload\":\"e30\",\"signatures\":[\"x\"]}",
        "{\"payload\":\"e30\",\"protected\":\"eyJhbGciOiJFUzI1NiJ9\",\"signatures\":[{\"signature\":\"AA\"}]}",
        "{\"payload\":\"e30\",\"signature\":\"AA\"}",
        "{\"payload\":\"e30\",\"protected\":\"\",\"signature\":\"AA\"}",
        "{\"payload\":\"e30\",\"protected\":\"eyJhbGciOiJFUzI1NiJ9\",\"header\":\"x\",\"signature\":\"AA\"}",
        "{\"payload\":\"e30\",\"protected\":\"eyJhbGciOiJFUzI1NiJ9\",\"signature\":5}",
        "{\"payload\":7,\"protected\":\"eyJhbGciOiJFUzI1NiJ9\",\"signature\":\"AA\"}",
        "{\"payload\":\"e30\",\"header\":{\"alg\":\"ES256\"},\"header\":{\"alg\":\"ES256\"},\"signature\":\"AA\"}",
        "{\"protected\":\"eyJhbGciOiJSU0EtT0FFUCJ9\",\"ciphertext\":\"AA\",\"iv\":\"AA\",\"tag\":\"AA\"}",
        "[]",
    })
    void structurallyBrokenJsonIsMalformed(String json) {
        assertRejected(() -> verifier("ES256").verifyJson(json), Reason.MALFORMED);
    }

    // ---- helpers ----

    private record Entry(int index, String signature) {
    }

    private interface SignatureEdit {
        String apply(Entry e);
    }

    private static String withSignatures(String general, SignatureEdit edit) {
        Map<String, Object> doc = new LinkedHashMap<>(map(VectorFiles.parse(general)));
        List<Object> entries = new ArrayList<>();
        List<Object> old = list(doc.get("signatures"));
        for (int i = 0; i < old.size(); i++) {
            Map<String, Object> e = new LinkedHashMap<>(map(old.get(i)));
            e.put("signature", edit.apply(new Entry(i, (String) e.get("signature"))));
            entries.add(e);
        }
        doc.put("signatures", entries);
        return VectorFiles.write(doc);
    }

    private static String flip(String signature) {
        return Rfc7520CookbookTest.flipped(signature);
    }

    private static JwsVerifier verifier(String alg) {
        return JwsVerifier.builder().key(keys.get(alg).toPublicJwk()).build();
    }

    private static Jwk[] publicKeys(String... algs) {
        Jwk[] out = new Jwk[algs.length];
        for (int i = 0; i < algs.length; i++) {
            out[i] = keys.get(algs[i]).toPublicJwk();
        }
        return out;
    }
}
