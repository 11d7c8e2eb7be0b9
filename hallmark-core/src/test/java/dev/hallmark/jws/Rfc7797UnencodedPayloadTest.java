package dev.hallmark.jws;

import dev.hallmark.Reason;
import dev.hallmark.internal.codec.Base64Url;
import dev.hallmark.jwk.Jwk;
import dev.hallmark.jwk.OctJwk;
import dev.hallmark.jwt.JwtVerifier;
import dev.hallmark.vectors.VectorFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.hallmark.jws.Rfc7520CookbookTest.list;
import static dev.hallmark.jws.Rfc7520CookbookTest.map;
import static dev.hallmark.jws.Rfc7520CookbookTest.string;
import static dev.hallmark.vectors.JoseAssertions.assertRejected;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * RFC 7797 unencoded payloads ({@code "b64": false}): the RFC-final §4.1/§4.2 examples and two extra cases from
 * joserfc, the cookbook's two {@code rfc7797/} examples, the rule that {@code b64} counts only when listed in
 * {@code crit} (§6), and our signer's output in every serialization.
 */
class Rfc7797UnencodedPayloadTest {

    private static final String JOSERFC = "joserfc/jws_rfc7797.json";
    private static final String COOKBOOK_PRE_RFC = "rfc7520-cookbook/rfc7797/4.2.hmac-sha2_b64_false.json";
    private static final String COOKBOOK_FINAL = "rfc7520-cookbook/rfc7797/hmac-sha2_b64_false.json";
    /** RFC 7797 uses the RFC 7515 Appendix A.1 HMAC key; joserfc does not ship it. */
    private static final OctJwk KEY = (OctJwk) Jwk.parse(VectorFiles.text("latchset-jose/vectors/rfc7515_A.1.jwk"));

    // ---- joserfc: RFC 7797 §4.1, §4.2 and two extra cases ----

    static Stream<Arguments> joserfcCases() {
        Map<String, Object> doc = VectorFiles.jsonObject(JOSERFC);
        List<Arguments> out = new ArrayList<>();
        for (Object t : list(doc.get("tests"))) {
            Map<String, Object> test = map(t);
            String payload = string(test.getOrDefault("payload", doc.get("payload")));
            out.add(Arguments.of(test.get("name"), "compact", test.get("compact"), payload, test.get("protected")));
            out.add(Arguments.of(test.get("name"), "flattened_json", test.get("flattened_json"), payload,
                    test.get("protected")));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("joserfcCases")
    void joserfcExampleVerifies(String name, String form, Object serialized, String payload, Object header) {
        JwsVerifier verifier = JwsVerifier.builder().key(KEY).build();

        VerifiedJws verified = Rfc7520CookbookTest.verify(verifier, serialized, payload.getBytes(UTF_8));

        assertThat(verified.payloadAsString()).isEqualTo(payload);
        assertThat(verified.header().asMap()).isEqualTo(header);
        assertThat(verified.header().base64EncodedPayload()).isNotEqualTo(Boolean.FALSE.equals(map(header).get("b64")));
        // the same object with other content fails
        Object tampered = Rfc7520CookbookTest.withFlippedSignatures(serialized);
        assertRejected(() -> Rfc7520CookbookTest.verify(verifier, tampered, payload.getBytes(UTF_8)),
                Reason.BAD_SIGNATURE);
    }

    /** RFC 7797 §4.2 is reproduced byte for byte: our signer writes the very same protected header. */
    @Test
    void signerReproducesRfc7797Section4_2() {
        Map<String, Object> test = joserfcTest("4.2 HS256 with b64=false");
        JwsSigner signer = unencodedSigner();
        byte[] payload = "$.02".getBytes(UTF_8);

        assertThat(signer.signDetached(payload)).isEqualTo(test.get("compact"));
        assertThat(VectorFiles.parse(signer.signFlattenedJson(payload))).isEqualTo(test.get("flattened_json"));
        // "$.02" holds a dot, so it cannot be carried in the compact form (RFC 7797 §5.2)
        assertThatThrownBy(() -> signer.sign(payload)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void signerReproducesTheCompactSafePayloadCase() {
        Map<String, Object> test = joserfcTest("HS256 with b64=false, safe payload");
        assertThat(unencodedSigner().sign("hello".getBytes(UTF_8))).isEqualTo(test.get("compact"));
    }

    /** RFC 7797 §4.1 is an ordinary JWS; with the default header our signer reproduces it too. */
    @Test
    void signerReproducesRfc7797Section4_1() {
        Map<String, Object> test = joserfcTest("4.1 HS256");
        assertThat(JwsSigner.builder(KEY).build().sign("$.02".getBytes(UTF_8))).isEqualTo(test.get("compact"));
    }

    // ---- the cookbook's rfc7797 examples ----

    /**
     * Decided: the cookbook's "4.2" example is the draft form of RFC 7797 §4.2, {@code {"alg":"HS256","b64":false}}
     * without {@code "crit":["b64"]}. RFC 7797 §6 makes {@code crit} mandatory, because a verifier that does not
     * know {@code b64} would compute another signing input; we honour {@code b64} only inside {@code crit}, so the
     * object is refused with UNSUPPORTED_CRITICAL, although its MAC over the raw payload is correct.
     */
    @ParameterizedTest(name = "4.2.hmac-sha2_b64_false.json {0}")
    @ValueSource(strings = {"json", "json_flat"})
    void preRfcFormWithoutCritIsRejected(String form) {
        Map<String, Object> example = VectorFiles.jsonObject(COOKBOOK_PRE_RFC);
        Object serialized = map(example.get("output")).get(form);
        Jwk key = Rfc7520CookbookTest.jwk(map(example.get("input")).get("key"));
        assertThat(key).isEqualTo(KEY.withAlgorithm("HS256"));

        assertRejected(() -> JwsVerifier.builder().key(key).build().verifyJson(VectorFiles.write(serialized)),
                Reason.UNSUPPORTED_CRITICAL);

        // the rejection is the policy, not the MAC: it is valid over "protected.payload" with the raw payload
        byte[] input = string(map(example.get("signing")).get("sig-input")).getBytes(US_ASCII);
        byte[] mac = Base64Url.decode(string(map(example.get("signing")).get("sig")), "sig");
        assertThat(JwsAlgorithm.HS256.scheme().verify(KEY.toSecretKey(), input, 0, input.length, mac)).isTrue();
    }

    @ParameterizedTest(name = "hmac-sha2_b64_false.json {0}")
    @ValueSource(strings = {"json", "json_flat"})
    void cookbookFinalFormVerifiesInJson(String form) {
        Map<String, Object> example = VectorFiles.jsonObject(COOKBOOK_FINAL);
        Object serialized = map(example.get("output")).get(form);
        String payload = string(map(example.get("input")).get("payload"));

        VerifiedJws verified = JwsVerifier.builder().key(KEY).build().verifyJson(VectorFiles.write(serialized));

        assertThat(verified.payloadAsString()).isEqualTo(payload);
        assertThat(verified.header().critical()).containsExactly("b64");
        // and our signer makes the same flattened object (the example's "signing" section is stale; output is right)
        if (form.equals("json_flat")) {
            assertThat(VectorFiles.parse(unencodedSigner().signFlattenedJson(payload.getBytes(UTF_8))))
                    .isEqualTo(serialized);
        }
    }

    /**
     * Decided: the compact form of {@code hmac-sha2_b64_false.json} carries "This is the payload string!" with its
     * spaces inside the token. We accept only printable ASCII (0x21-0x7E) in a compact token and our signer refuses
     * to put anything else into an unencoded compact payload (RFC 7515 §7.1 makes the compact form URL-safe; RFC 7797
     * §5.2 leaves the payload restrictions to the application), so this token is MALFORMED. The same signature
     * verifies as detached content, which shows only the transport form is refused.
     */
    @Test
    void cookbookCompactWithSpacesIsMalformedButVerifiesDetached() {
        Map<String, Object> example = VectorFiles.jsonObject(COOKBOOK_FINAL);
        String compact = string(map(example.get("output")).get("compact"));
        String payload = string(map(example.get("input")).get("payload"));
        JwsVerifier verifier = JwsVerifier.builder().key(KEY).build();

        assertRejected(() -> verifier.verify(compact), Reason.MALFORMED);

        String[] parts = compact.split("\\.");
        String detached = parts[0] + ".." + parts[2];
        assertThat(verifier.verifyDetached(detached, payload.getBytes(UTF_8)).payloadAsString()).isEqualTo(payload);
        assertThatThrownBy(() -> unencodedSigner().sign(payload.getBytes(UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(unencodedSigner().signDetached(payload.getBytes(UTF_8))).isEqualTo(detached);
    }

    // ---- b64 only counts inside crit (RFC 7797 §6) ----

    @Test
    void b64FalseWithoutCritIsRejectedInEverySerialization() {
        String header = b64u("{\"alg\":\"HS256\",\"b64\":false}");
        String signature = mac(header + ".hello");
        JwsVerifier verifier = JwsVerifier.builder().key(KEY).build();

        assertRejected(() -> verifier.verify(header + ".hello." + signature), Reason.UNSUPPORTED_CRITICAL);
        assertRejected(() -> verifier.verifyDetached(header + ".." + signature, "hello".getBytes(UTF_8)),
                Reason.UNSUPPORTED_CRITICAL);
        assertRejected(() -> verifier.verifyJson(flattened("hello", header, null, signature)),
                Reason.UNSUPPORTED_CRITICAL);
    }

    /** joserfc's suggestion: strip {@code crit}, or {@code b64}, from the §4.2 header and re-MAC; both are refused. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "{\"alg\":\"HS256\",\"b64\":false}",
        "{\"alg\":\"HS256\",\"crit\":[\"b64\"]}",
        "{\"alg\":\"HS256\",\"b64\":false,\"crit\":[]}",
        "{\"alg\":\"HS256\",\"b64\":false,\"crit\":[\"b64\",\"b64\"]}",
    })
    void criticalB64MustBeListedAndPresent(String headerJson) {
        String header = b64u(headerJson);
        String signature = mac(header + ".$.02");

        assertRejected(() -> JwsVerifier.builder().key(KEY).build().verifyJson(flattened("$.02", header, null, signature)),
                Reason.UNSUPPORTED_CRITICAL);
    }

    @Test
    void b64MustBeABooleanAndProtected() {
        String header = b64u("{\"alg\":\"HS256\",\"b64\":\"false\",\"crit\":[\"b64\"]}");
        JwsVerifier verifier = JwsVerifier.builder().key(KEY).build();
        assertRejected(() -> verifier.verify(header + ".hello." + mac(header + ".hello")), Reason.MALFORMED);

        // b64 in the unprotected header could change the signing input without touching the signature
        String protectedHeader = b64u("{\"alg\":\"HS256\"}");
        String json = flattened("hello", protectedHeader, Map.of("b64", false), mac(protectedHeader + ".hello"));
        assertRejected(() -> verifier.verifyJson(json), Reason.MALFORMED);
    }

    @Test
    void signaturesMustAgreeOnB64() {
        JwsSigner unencoded = unencodedSigner();
        JwsSigner encoded = JwsSigner.builder(KEY).build();
        assertThatThrownBy(() -> JwsSigner.signGeneralJson("hello".getBytes(UTF_8), List.of(unencoded, encoded)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ---- who refuses unencoded payloads ----

    @Test
    void jwtVerifierRefusesUnencodedPayloads() {
        String claims = "{\"iss\":\"joe\",\"aud\":\"api\",\"exp\":4102444800}";
        String token = unencodedSigner().sign(claims.getBytes(UTF_8));
        // the same bytes verify as a plain JWS
        assertThat(JwsVerifier.builder().key(KEY).build().verify(token).payloadAsString()).isEqualTo(claims);

        JwtVerifier jwt = JwtVerifier.builder().key(KEY).expectIssuer("joe").expectAudience("api").build();
        assertRejected(() -> jwt.verify(token), Reason.UNSUPPORTED_CRITICAL);
    }

    @Test
    void jwsVerifierCanBeToldToRefuseUnencodedPayloads() {
        JwsVerifier strict = JwsVerifier.builder().key(KEY).rejectUnencodedPayload().build();
        Map<String, Object> test = joserfcTest("4.2 HS256 with b64=false");

        assertRejected(() -> strict.verifyDetached(string(test.get("compact")), "$.02".getBytes(UTF_8)),
                Reason.UNSUPPORTED_CRITICAL);
        assertRejected(() -> strict.verifyJson(VectorFiles.write(test.get("flattened_json"))),
                Reason.UNSUPPORTED_CRITICAL);
        // an ordinary JWS still verifies
        assertThat(strict.verify(string(joserfcTest("4.1 HS256").get("compact"))).payloadAsString()).isEqualTo("$.02");
    }

    // ---- round trips of our own unencoded JWS ----

    @Test
    void unencodedCompactRoundTripsAttachedAndDetached() {
        JwsSigner signer = unencodedSigner();
        JwsVerifier verifier = JwsVerifier.builder().key(KEY).build();

        String attached = signer.sign("hello".getBytes(UTF_8));
        assertThat(attached.split("\\.")[1]).isEqualTo("hello");
        assertThat(verifier.verify(attached).payloadAsString()).isEqualTo("hello");

        String detached = signer.signDetached("$.02 and a space".getBytes(UTF_8));
        assertThat(verifier.verifyDetached(detached, "$.02 and a space".getBytes(UTF_8)).payloadAsString())
                .isEqualTo("$.02 and a space");
        assertRejected(() -> verifier.verifyDetached(detached, "$.03 and a space".getBytes(UTF_8)),
                Reason.BAD_SIGNATURE);
        // the UnverifiedJws view agrees about the payload
        assertThat(UnverifiedJws.decode(attached, dev.hallmark.Limits.DEFAULT).payload()).isEqualTo("hello".getBytes(UTF_8));
    }

    @ParameterizedTest(name = "payload {0}")
    @ValueSource(strings = {"$.02", "a payload with spaces, dots. and € signs", ""})
    void unencodedJsonRoundTripsFlattenedGeneralAndDetached(String text) {
        byte[] payload = text.getBytes(UTF_8);
        JwsSigner signer = unencodedSigner();
        JwsVerifier verifier = JwsVerifier.builder().key(KEY).build();

        String flattened = signer.signFlattenedJson(payload);
        assertThat(map(VectorFiles.parse(flattened)).get("payload")).isEqualTo(text);
        assertThat(verifier.verifyJson(flattened).payload()).isEqualTo(payload);

        String general = JwsSigner.signGeneralJson(payload, List.of(signer, signer));
        assertThat(map(VectorFiles.parse(general)).get("payload")).isEqualTo(text);
        assertThat(verifier.verifyJson(general).payload()).isEqualTo(payload);

        Map<String, Object> detached = new LinkedHashMap<>(map(VectorFiles.parse(flattened)));
        detached.remove("payload");
        assertThat(verifier.verifyJsonDetached(VectorFiles.write(detached), payload).payload()).isEqualTo(payload);
    }

    // ---- helpers ----

    private static JwsSigner unencodedSigner() {
        return JwsSigner.builder(KEY).header(JwsHeader.builder().unencodedPayload().build()).build();
    }

    private static Map<String, Object> joserfcTest(String name) {
        for (Object t : list(VectorFiles.jsonObject(JOSERFC).get("tests"))) {
            if (name.equals(map(t).get("name"))) {
                return map(t);
            }
        }
        throw new IllegalArgumentException("no joserfc test " + name);
    }

    private static String b64u(String json) {
        return Base64Url.encode(json.getBytes(UTF_8));
    }

    /** HS256 with the RFC 7515 A.1 key over a signing input we build by hand. */
    private static String mac(String signingInput) {
        return Base64Url.encode(JwsAlgorithm.HS256.scheme().sign(KEY.toSecretKey(), signingInput.getBytes(UTF_8)));
    }

    private static String flattened(String payload, String protectedHeader, Map<String, Object> header, String signature) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("payload", payload);
        doc.put("protected", protectedHeader);
        if (header != null) {
            doc.put("header", header);
        }
        doc.put("signature", signature);
        return VectorFiles.write(doc);
    }
}
