package dev.hallmark.jwt;

import dev.hallmark.JoseException;
import dev.hallmark.Limits;
import dev.hallmark.Reason;
import dev.hallmark.jwk.Jwk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.util.HexFormat;
import java.util.stream.Stream;

import static dev.hallmark.Rejection.assertRejected;
import static dev.hallmark.jwt.TokenForge.utf8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * JSON-level attacks on the header and on a payload that carries a genuine signature: invalid UTF-8 (RFC 8725
 * §3.7), duplicate member names (RFC 7515 §5.2, RFC 7519 §4: "MUST either reject"), and deep nesting. All are
 * {@code MALFORMED}; none reaches a {@code StackOverflowError}.
 */
class MalformedJsonAttacksTest {

    private static final Jwk KEY = TestKeys.ES256;
    private static final String HEADER = "{\"alg\":\"ES256\",\"kid\":\"es256\"}";

    private static JwtVerifier verifier() {
        return TestKeys.verifier(KEY).build();
    }

    private static byte[] concat(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object p : parts) {
            out.writeBytes(p instanceof String s ? utf8(s) : (byte[]) p);
        }
        return out.toByteArray();
    }

    /** A payload of valid claims with {@code bytes} spliced into a string value (or, with {@code inName}, a name). */
    private static byte[] payloadWith(byte[] bytes, boolean inName) {
        String json = TestKeys.validPayloadJson();
        String body = json.substring(0, json.length() - 1);
        return inName ? concat(body, ",\"n", bytes, "\":1}") : concat(body, ",\"name\":\"a", bytes, "b\"}");
    }

    static Stream<Arguments> invalidUtf8() {
        return Stream.of(
                Arguments.of("overlong slash C0 AF", "c0af"),
                Arguments.of("overlong C1 BF", "c1bf"),
                Arguments.of("overlong 3-byte E0 80 AF", "e080af"),
                Arguments.of("overlong 4-byte F0 80 80 AF", "f08080af"),
                Arguments.of("overlong NUL C0 80", "c080"),
                Arguments.of("lone continuation 80", "80"),
                Arguments.of("lone continuation BF", "bf"),
                Arguments.of("continuations 80 80 80", "808080"),
                Arguments.of("encoded surrogate ED A0 80", "eda080"),
                Arguments.of("encoded surrogate ED BF BF", "edbfbf"),
                Arguments.of("encoded surrogate pair ED A0 BD ED B8 80", "eda0bdedb880"),
                Arguments.of("above U+10FFFF F4 90 80 80", "f4908080"),
                Arguments.of("F5 lead", "f5808080"),
                Arguments.of("F8 5-byte lead", "f888808080"),
                Arguments.of("FC 6-byte lead", "fc8480808080"),
                Arguments.of("FE", "fe"),
                Arguments.of("FF", "ff"),
                Arguments.of("truncated 3-byte E2 82", "e282"),
                Arguments.of("truncated 4-byte F0 9F 98", "f09f98"),
                Arguments.of("Latin-1 e-acute E9", "e9"));
    }

    @ParameterizedTest(name = "payload value: {0}")
    @MethodSource("invalidUtf8")
    void invalidUtf8InASignedPayloadValue(String name, String hex) {
        String token = TokenForge.sign(KEY, "ES256", utf8(HEADER), payloadWith(HexFormat.of().parseHex(hex), false));
        assertRejected(() -> verifier().verify(token), Reason.MALFORMED);
        assertRejected(() -> Jwt.decodeUnverified(token), Reason.MALFORMED);
    }

    @ParameterizedTest(name = "payload member name: {0}")
    @MethodSource("invalidUtf8")
    void invalidUtf8InASignedPayloadMemberName(String name, String hex) {
        String token = TokenForge.sign(KEY, "ES256", utf8(HEADER), payloadWith(HexFormat.of().parseHex(hex), true));
        assertRejected(() -> verifier().verify(token), Reason.MALFORMED);
    }

    @ParameterizedTest(name = "header: {0}")
    @MethodSource("invalidUtf8")
    void invalidUtf8InTheHeader(String name, String hex) {
        byte[] bad = HexFormat.of().parseHex(hex);
        byte[] inValue = concat("{\"alg\":\"ES256\",\"kid\":\"es256\",\"x\":\"", bad, "\"}");
        byte[] inKid = concat("{\"alg\":\"ES256\",\"kid\":\"es256", bad, "\"}");
        byte[] outsideStrings = concat("{\"alg\":\"ES256\",\"kid\":\"es256\"}", bad);
        for (byte[] header : new byte[][] {inValue, inKid, outsideStrings}) {
            String token = TokenForge.sign(KEY, "ES256", header, utf8(TestKeys.validPayloadJson()));
            assertRejected(() -> verifier().verify(token), Reason.MALFORMED);
        }
    }

    @Test
    void validMultiByteUtf8IsAccepted() {
        // the positive control: 2-, 3- and 4-byte sequences, including an emoji outside the BMP
        String name = "caf\u00e9 \u20ac \ud83d\ude00 \ud800\udc00 \udbff\udfff";
        String token = TokenForge.sign(KEY, "ES256", "{\"alg\":\"ES256\",\"kid\":\"es256\",\"x\":\"\u00e9\ud83d\ude00\"}",
                TestKeys.validClaims().claim("name", name).build().toJson());
        VerifiedJwt jwt = verifier().verify(token);
        assertThat(jwt.claims().getString("name")).contains(name);
        assertThat(jwt.header().get("x")).contains("\u00e9\ud83d\ude00");
    }

    // ---- duplicate members ----

    @ParameterizedTest(name = "header {0}")
    @ValueSource(strings = {
        "{\"alg\":\"ES256\",\"alg\":\"ES256\",\"kid\":\"es256\"}",
        "{\"alg\":\"ES256\",\"kid\":\"es256\",\"alg\":\"none\"}",
        "{\"alg\":\"none\",\"kid\":\"es256\",\"alg\":\"ES256\"}",
        "{\"alg\":\"ES256\",\"kid\":\"other\",\"kid\":\"es256\"}",
        "{\"alg\":\"ES256\",\"kid\":\"es256\",\"typ\":\"JWT\",\"typ\":\"at+jwt\"}",
        "{\"alg\":\"ES256\",\"kid\":\"es256\",\"crit\":[\"x\"],\"crit\":[]}",
        "{\"alg\":\"ES256\",\"kid\":\"es256\",\"\\u0061lg\":\"none\"}",
        "{\"alg\":\"ES256\",\"kid\":\"es256\",\"jwk\":{\"kty\":\"EC\",\"kty\":\"oct\"}}",
    })
    void duplicateHeaderMembers(String header) {
        String token = TokenForge.sign(KEY, "ES256", header, TestKeys.validPayloadJson());
        assertRejected(() -> verifier().verify(token), Reason.MALFORMED);
        assertRejected(() -> Jwt.decodeUnverified(token), Reason.MALFORMED);
    }

    @ParameterizedTest(name = "payload member {0} twice")
    @ValueSource(strings = {"exp", "nbf", "iat", "iss", "aud", "sub", "jti", "role", "\\u0065xp"})
    void duplicateClaimsInASignedPayload(String name) {
        String json = TestKeys.validPayloadJson();
        String first = name.equals("\\u0065xp") ? "\"exp\":1" : "\"" + name + "\":\"first\"";
        String second = name.equals("\\u0065xp") ? "\"\\u0065xp\":99999999999"
                : name.equals("exp") || name.equals("nbf") || name.equals("iat") ? "\"" + name + "\":99999999999"
                : "\"" + name + "\":\"second\"";
        // the valid claims may already hold the member; then it is there twice anyway
        String payload = "{" + first + "," + json.substring(1, json.length() - 1) + "," + second + "}";
        String token = TokenForge.sign(KEY, "ES256", HEADER, payload);
        assertRejected(() -> verifier().verify(token), Reason.MALFORMED);
    }

    @Test
    void duplicateMembersNestedInACustomClaim() {
        String json = TestKeys.validPayloadJson();
        String payload = json.substring(0, json.length() - 1) + ",\"cnf\":{\"jkt\":\"a\",\"jkt\":\"b\"}}";
        String token = TokenForge.sign(KEY, "ES256", HEADER, payload);
        assertRejected(() -> verifier().verify(token), Reason.MALFORMED);
    }

    // ---- nesting ----

    private static String nested(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    @Test
    void tenThousandDeepPayloadIsRefusedWithoutStackOverflow() {
        String json = TestKeys.validPayloadJson();
        String payload = json.substring(0, json.length() - 1) + ",\"deep\":" + nested(10_000) + "}";
        String token = TokenForge.sign(KEY, "ES256", HEADER, payload);
        JoseException e = assertRejectedEitherWay(() -> verifier().verify(token));
        assertThat(e.getMessage()).hasSizeLessThan(200);
        String objects = json.substring(0, json.length() - 1) + ",\"deep\":" + "{\"a\":".repeat(10_000) + "1"
                + "}".repeat(10_000) + "}";
        assertRejectedEitherWay(() -> verifier().verify(TokenForge.sign(KEY, "ES256", HEADER, objects)));
    }

    @Test
    void tenThousandDeepHeaderIsRefusedWithoutStackOverflow() {
        String header = "{\"alg\":\"ES256\",\"kid\":\"es256\",\"x\":" + nested(10_000) + "}";
        String token = TokenForge.sign(KEY, "ES256", header, TestKeys.validPayloadJson());
        assertRejectedEitherWay(() -> verifier().verify(token));
        assertRejectedEitherWay(() -> Jwt.decodeUnverified(token));
    }

    @Test
    void evenAnUnboundedDepthLimitDoesNotOverflowTheStack() {
        // a caller who lifts the depth bound still gets a refusal from the parser's own ceiling, not a crash
        Limits lifted = Limits.builder().maxJsonDepth(Integer.MAX_VALUE).maxTokenBytes(1 << 20).build();
        JwtVerifier verifier = TestKeys.verifier(KEY).limits(lifted).build();
        String json = TestKeys.validPayloadJson();
        String payload = json.substring(0, json.length() - 1) + ",\"deep\":" + nested(100_000) + "}";
        String token = TokenForge.sign(KEY, "ES256", HEADER, payload);
        // catchThrowable would also catch a StackOverflowError, which then fails the JoseException check
        assertRejectedEitherWay(() -> verifier.verify(token));
    }

    @Test
    void nestingUpToTheLimitIsAccepted() {
        // the claims object is level 1, so a claim may nest 15 more levels under the default depth of 16
        String json = TestKeys.validPayloadJson();
        String ok = json.substring(0, json.length() - 1) + ",\"deep\":" + nested(15) + "}";
        assertThat(verifier().verify(TokenForge.sign(KEY, "ES256", HEADER, ok))).isNotNull();
        String tooDeep = json.substring(0, json.length() - 1) + ",\"deep\":" + nested(16) + "}";
        assertRejected(() -> verifier().verify(TokenForge.sign(KEY, "ES256", HEADER, tooDeep)), Reason.MALFORMED);
    }

    /** Deep nesting exceeds a {@link Limits} bound; either MALFORMED or TOO_LARGE is a correct refusal. */
    private static JoseException assertRejectedEitherWay(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(call);
        assertThat(t).isInstanceOf(JoseException.class);
        assertThat(((JoseException) t).reason()).isIn(Reason.MALFORMED, Reason.TOO_LARGE);
        return (JoseException) t;
    }
}
