package dev.hallmark.internal.json;

import dev.hallmark.JoseException;
import dev.hallmark.Limits;
import dev.hallmark.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static dev.hallmark.Rejection.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The strict JSON reader: one object, depth and value count bounded, duplicate names refused (RFC 7515 §5.2,
 * RFC 7519 §4), nothing after the object, strict UTF-8 (RFC 8725 §3.7, RFC 3629), exact numbers.
 */
class StrictJsonTest {

    private static Map<String, Object> parse(String json) {
        return StrictJson.parseObject(json, Limits.DEFAULT, "test");
    }

    private static Map<String, Object> parseBytes(byte[] json) {
        return StrictJson.parseObject(json, Limits.DEFAULT, "test");
    }

    // ---- shape ----

    @Test
    void readsPlainValues() {
        Map<String, Object> m = parse("{\"s\":\"x\",\"t\":true,\"f\":false,\"n\":null,\"o\":{\"a\":[1,\"b\"]}}");
        assertThat(m).containsEntry("s", "x").containsEntry("t", true).containsEntry("f", false).containsEntry("n", null);
        assertThat(m.get("o")).isEqualTo(Map.of("a", List.of(1L, "b")));
        assertThat(m.keySet()).containsExactly("s", "t", "f", "n", "o");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", " ", "[]", "[{}]", "\"s\"", "1", "true", "null"})
    void onlyAnObjectIsAccepted(String json) {
        assertRejected(() -> parse(json), Reason.MALFORMED);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{}x", "{} {}", "{}]", "{}}", "{},", "{}null", "{}\u0000", "{}/*c*/", "{}//c"})
    void trailingContentIsRefused(String json) {
        assertRejected(() -> parse(json), Reason.MALFORMED);
    }

    @Test
    void surroundingWhitespaceIsJson() {
        assertThat(parse(" \t\r\n{} \n")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{'a':1}", "{a:1}", "{\"a\":1,}", "{\"a\":[1,]}", "{\"a\":1 /* c */}", "{\"a\":\"\t\"}",
        "{\"a\":\"\n\"}", "{\"a\":\"\\x41\"}", "{\"a\":\"\\u00G1\"}", "{\"a\" 1}", "{\"a\":1 \"b\":2}", "{\"a\":tru}",
        "{\"a\":undefined}", "{\"a\":1", "{\"a\":[1}", "{\"a\":\"x}"})
    void nonStandardJsonIsRefused(String json) {
        assertRejected(() -> parse(json), Reason.MALFORMED);
    }

    // ---- duplicates ----

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{\"a\":1,\"a\":1}", "{\"a\":1,\"a\":2}", "{\"a\":1,\"b\":2,\"a\":null}",
        "{\"a\":1,\"\\u0061\":2}", "{\"o\":{\"x\":1,\"x\":2}}", "{\"l\":[{\"x\":1,\"x\":2}]}", "{\"\":1,\"\":2}"})
    void duplicateMemberNamesAreRefused(String json) {
        JoseException e = assertRejected(() -> parse(json), Reason.MALFORMED);
        assertThat(e.getMessage()).contains("more than once");
    }

    @Test
    void namesDifferingInCaseOrNormalisationAreDistinct() {
        // exact code-point comparison: "é" precomposed and decomposed are two names
        assertThat(parse("{\"a\":1,\"A\":2,\"\u00e9\":3,\"e\u0301\":4}")).hasSize(4);
    }

    // ---- depth and value count ----

    private static String nestedArrays(int depth) {
        return "{\"a\":" + "[".repeat(depth - 1) + "]".repeat(depth - 1) + "}";
    }

    @Test
    void depthIsBoundedForArraysAndObjects() {
        assertThat(parse(nestedArrays(16))).isNotNull();
        assertRejected(() -> parse(nestedArrays(17)), Reason.MALFORMED);
        String objects16 = "{\"a\":".repeat(15) + "{}" + "}".repeat(15);
        assertThat(parse(objects16)).isNotNull();
        String objects17 = "{\"a\":".repeat(16) + "{}" + "}".repeat(16);
        assertRejected(() -> parse(objects17), Reason.MALFORMED);
        Limits two = Limits.builder().maxJsonDepth(2).build();
        assertThat(StrictJson.parseObject("{\"a\":{}}", two, "t")).isNotNull();
        assertRejected(() -> StrictJson.parseObject("{\"a\":{\"b\":{}}}", two, "t"), Reason.MALFORMED);
    }

    @Test
    void tenThousandDeepIsRefusedWithoutStackOverflow() {
        for (String json : new String[] {nestedArrays(10_000), "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000),
            "[".repeat(10_000), "{\"a\":" + "[".repeat(10_000)}) {
            Throwable t = catchThrowable(() -> parse(json));
            assertThat(t).isInstanceOf(JoseException.class);
            assertThat(((JoseException) t).reason()).isIn(Reason.MALFORMED, Reason.TOO_LARGE);
        }
        Limits unbounded = Limits.builder().maxJsonDepth(Integer.MAX_VALUE).build();
        Throwable t = catchThrowable(() -> StrictJson.parseObject(nestedArrays(100_000), unbounded, "t"));
        assertThat(t).isInstanceOf(JoseException.class);
    }

    @Test
    void valueCountIsBounded() {
        Limits five = Limits.builder().maxJsonValues(5).build();
        assertThat(StrictJson.parseObject("{\"a\":[1,2,3],\"b\":1}", five, "t")).hasSize(2);
        assertRejected(() -> StrictJson.parseObject("{\"a\":[1,2,3,4],\"b\":1}", five, "t"), Reason.MALFORMED);
        assertRejected(() -> StrictJson.parseObject("{\"a\":1,\"b\":2,\"c\":3,\"d\":4,\"e\":5,\"f\":6}", five, "t"),
                Reason.MALFORMED);
        String many = "{\"a\":[" + "0,".repeat(10_000) + "0]}";
        assertRejected(() -> parse(many), Reason.MALFORMED);
    }

    // ---- numbers ----

    @Test
    void numbersAreExact() {
        Map<String, Object> m = parse("{\"i\":1,\"neg\":-7,\"max\":9223372036854775807,\"min\":-9223372036854775808,"
                + "\"over\":9223372036854775808,\"under\":-9223372036854775809,\"f\":1.5,\"e\":1e2,\"E\":2E-3,"
                + "\"huge\":1e400,\"tiny\":1e-400,\"precise\":0.1000000000000000055511151231257827,\"z\":-0}");
        assertThat(m.get("i")).isEqualTo(1L);
        assertThat(m.get("neg")).isEqualTo(-7L);
        assertThat(m.get("max")).isEqualTo(Long.MAX_VALUE);
        assertThat(m.get("min")).isEqualTo(Long.MIN_VALUE);
        assertThat(m.get("over")).isEqualTo(new BigInteger("9223372036854775808"));
        assertThat(m.get("under")).isEqualTo(new BigInteger("-9223372036854775809"));
        assertThat(m.get("f")).isEqualTo(new BigDecimal("1.5"));
        assertThat(m.get("e")).isInstanceOf(BigDecimal.class);
        assertThat((BigDecimal) m.get("e")).isEqualByComparingTo("100");
        assertThat((BigDecimal) m.get("E")).isEqualByComparingTo("0.002");
        assertThat((BigDecimal) m.get("huge")).isEqualByComparingTo("1e400");
        assertThat((BigDecimal) m.get("tiny")).isEqualByComparingTo("1e-400");
        assertThat(m.get("precise")).isEqualTo(new BigDecimal("0.1000000000000000055511151231257827"));
        assertThat(m.get("z")).isEqualTo(0L);
        assertThat(m.values()).allMatch(v -> StrictJson.isNumber(v));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"NaN", "-NaN", "Infinity", "-Infinity", "+1", "01", "-01", ".5", "1.", "1e", "0x10", "1_000",
        "--1", "1e+", "\"1\"e"})
    void nonJsonNumbersAreRefused(String number) {
        assertRejected(() -> parse("{\"n\":" + number + "}"), Reason.MALFORMED);
    }

    @Test
    void absurdlyLongNumbersAreRefused() {
        assertRejected(() -> parse("{\"n\":" + "9".repeat(5000) + "}"), Reason.MALFORMED);
        assertRejected(() -> parse("{\"n\":0." + "1".repeat(5000) + "}"), Reason.MALFORMED);
    }

    // ---- UTF-8 ----

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"c0af", "c1bf", "c080", "e080af", "e09fbf", "f08080af", "f08fbfbf", "80", "bf", "8080",
        "eda080", "edbfbf", "edafbfedbfbf", "f4908080", "f7bfbfbf", "f5808080", "f8888080", "fc848080", "fe", "ff",
        "c2", "e282", "f09f98", "e2", "f0"})
    void invalidUtf8IsRefusedInStringsNamesAndBetweenTokens(String hex) {
        byte[] bad = HexFormat.of().parseHex(hex);
        for (byte[] doc : new byte[][] {concat("{\"a\":\"", bad, "\"}"), concat("{\"", bad, "\":1}"),
            concat("{\"a\":1}", bad), concat("", bad, "{\"a\":1}")}) {
            JoseException e = assertRejected(() -> parseBytes(doc), Reason.MALFORMED);
            assertThat(e.getMessage()).contains("UTF-8");
        }
        assertThat(Utf8.isValid(bad, 0, bad.length)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"24", "c280", "c2a9", "dfbf", "e0a080", "e282ac", "ed9fbf", "ee8080", "efbfbf", "f0908080",
        "f09f9880", "f48fbfbf", "7f"})
    void validUtf8IsAccepted(String hex) {
        byte[] ok = HexFormat.of().parseHex(hex);
        String expected = new String(ok, StandardCharsets.UTF_8);
        assertThat(parseBytes(concat("{\"a\":\"", ok, "\"}"))).containsEntry("a", expected);
        assertThat(Utf8.isValid(ok, 0, ok.length)).isTrue();
    }

    @Test
    void aFourByteEmojiIsAcceptedAndDecoded() {
        String emoji = "\ud83d\ude00"; // U+1F600, F0 9F 98 80
        assertThat(emoji.getBytes(StandardCharsets.UTF_8)).isEqualTo(HexFormat.of().parseHex("f09f9880"));
        Map<String, Object> m = parse("{\"" + emoji + "\":\"a" + emoji + "b\"}");
        assertThat(m).containsEntry(emoji, "a" + emoji + "b");
        // the escaped surrogate pair is the same character
        assertThat(parse("{\"e\":\"\\ud83d\\ude00\"}")).containsEntry("e", emoji);
    }

    @Test
    void utf8IsCheckedOnlyWithinTheGivenRange() {
        byte[] framed = concat("\u00ff", HexFormat.of().parseHex("ff"), "{\"a\":1}");
        // offset 3 skips the two-byte "ÿ" and the invalid FF byte
        assertThat(StrictJson.parseObject(framed, 3, framed.length - 3, Limits.DEFAULT, "t")).containsEntry("a", 1L);
        assertThat(Utf8.isValid(HexFormat.of().parseHex("e282ac"), 0, 2)).isFalse();
    }

    @Test
    void theDocumentIsNamedInMessages() {
        JoseException e = assertRejected(() -> StrictJson.parseObject("[]", Limits.DEFAULT, "JWT claims"),
                Reason.MALFORMED);
        assertThat(e.getMessage()).contains("JWT claims");
    }

    @Test
    void memberNamesInMessagesAreTruncatedAndStripped() {
        String name = "evil\n\r\u001b[31m" + "x".repeat(100);
        JoseException e = assertRejected(() -> parse("{\"" + name.replace("\n", "\\n").replace("\r", "\\r")
                .replace("\u001b", "\\u001b") + "\":1,\"" + name.replace("\n", "\\n").replace("\r", "\\r")
                .replace("\u001b", "\\u001b") + "\":2}"), Reason.MALFORMED);
        assertThat(e.getMessage()).doesNotContainPattern("[\\x00-\\x1f]").contains("...").hasSizeLessThan(200);
    }

    @Test
    void resultsAreUnmodifiable() {
        Map<String, Object> m = parse("{\"a\":[1],\"o\":{}}");
        assertThat(catchThrowable(() -> m.put("b", 1))).isInstanceOf(UnsupportedOperationException.class);
        assertThat(catchThrowable(() -> ((List<?>) m.get("a")).clear())).isInstanceOf(UnsupportedOperationException.class);
        assertThat(catchThrowable(() -> ((Map<?, ?>) m.get("o")).clear())).isInstanceOf(UnsupportedOperationException.class);
    }

    private static byte[] concat(Object... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (Object p : parts) {
            out.writeBytes(p instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : (byte[]) p);
        }
        return out.toByteArray();
    }
}
