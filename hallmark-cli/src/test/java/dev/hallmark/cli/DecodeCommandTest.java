package dev.hallmark.cli;

import dev.hallmark.jwk.Jwk;
import dev.hallmark.jws.JwsSigner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import static dev.hallmark.cli.CliAssertions.assertRejected;
import static dev.hallmark.cli.CliAssertions.assertSuccess;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code hallmark decode}: the human and JSON output, relative times at a fixed clock, colour, JWE, bad input. */
class DecodeCommandTest {

    private static final long NOW = Cli.NOW.getEpochSecond();
    private static final String WARNING = "NOT VERIFIED: this shows what the token claims; nothing was checked. "
            + "Use 'hallmark verify' to trust it.";
    private static final Jwk EC = Jwk.parse(Fixtures.text("ec-p256.jwk.json"));

    private static String token() {
        return VerifyCommandTest.ecToken("--iss", "https://auth.example.com", "--sub", "alice", "--exp", "15m",
                "--nbf", "-1m");
    }

    /** Decoded 90 seconds after the token was signed. */
    private static Cli later() {
        return Cli.cli().at(Cli.NOW.plus(Duration.ofSeconds(90)));
    }

    private static String jws(byte[] payload) {
        return JwsSigner.builder(EC).build().sign(payload);
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void humanOutputHasTheWarningHeaderPayloadAndRelativeTimes() {
        Cli.Result r = assertSuccess(later().exec("decode", token()));
        assertThat(r.outLines()).containsExactly(
                WARNING,
                "Header:",
                "{",
                "  \"alg\": \"ES256\",",
                "  \"typ\": \"JWT\"",
                "}",
                "Payload:",
                "{",
                "  \"iat\": " + NOW + ",",
                "  \"iss\": \"https://auth.example.com\",",
                "  \"sub\": \"alice\",",
                "  \"exp\": " + (NOW + 900) + ",",
                "  \"nbf\": " + (NOW - 60),
                "}",
                "Times:",
                "  iat  2026-03-01T12:00:00Z (1m 30s ago)",
                "  nbf  2026-03-01T11:59:00Z (2m 30s ago)",
                "  exp  2026-03-01T12:15:00Z (in 13m 30s)");
    }

    @Test
    void relativeTimesInSecondsHoursAndDays() {
        String token = VerifyCommandTest.ecToken("--exp", "7d", "--nbf", "2h");
        Cli.Result r = assertSuccess(Cli.cli().at(Cli.NOW.plusSeconds(42)).exec("decode", token));
        assertThat(r.outLines()).endsWith(
                "Times:",
                "  iat  2026-03-01T12:00:00Z (42s ago)",
                "  nbf  2026-03-01T14:00:00Z (in 1h 59m)",
                "  exp  2026-03-08T12:00:00Z (in 6d 23h)");
    }

    @Test
    void anExpiredTokenDecodesAndShowsHowLongAgo() {
        Cli.Result r = assertSuccess(Cli.cli().at(Cli.NOW.plus(Duration.ofDays(3))).exec("decode", token()));
        assertThat(r.outLines()).endsWith("  exp  2026-03-01T12:15:00Z (2d 23h ago)");
    }

    @Test
    void timesThatAreNoNumericDateAreSaidSo() {
        String token = jws(("{\"iat\":-5,\"nbf\":\"tomorrow\",\"exp\":" + (NOW + 30) + ".75}")
                .getBytes(StandardCharsets.UTF_8));
        Cli.Result r = assertSuccess(Cli.run("decode", token));
        assertThat(r.outLines()).endsWith(
                "Times:",
                "  iat  out of range",
                "  nbf  not a NumericDate",
                "  exp  2026-03-01T12:00:30Z (in 30s)");
    }

    @Test
    void jsonOutputIsOneLine() {
        Cli.Result r = assertSuccess(later().exec("decode", "--json", token()));
        assertThat(r.outLine()).isEqualTo("{\"verified\":false,\"header\":{\"alg\":\"ES256\",\"typ\":\"JWT\"},"
                + "\"payload\":{\"iat\":" + NOW + ",\"iss\":\"https://auth.example.com\",\"sub\":\"alice\",\"exp\":"
                + (NOW + 900) + ",\"nbf\":" + (NOW - 60) + "},\"times\":{\"iat\":\"2026-03-01T12:00:00Z (1m 30s ago)\","
                + "\"nbf\":\"2026-03-01T11:59:00Z (2m 30s ago)\",\"exp\":\"2026-03-01T12:15:00Z (in 13m 30s)\"}}");
    }

    @Test
    void jsonOutputIsNeverColoured() {
        Cli.Result r = assertSuccess(later().colour(true).exec("decode", "--json", token()));
        assertThat(r.out()).doesNotContain("\u001b");
    }

    @Test
    void payloadThatIsNotJsonIsShownAsText() {
        String token = jws("hello, world".getBytes(StandardCharsets.UTF_8));
        assertThat(assertSuccess(Cli.run("decode", token)).outLines()).containsExactly(
                WARNING, "Header:", "{", "  \"alg\": \"ES256\"", "}", "Payload:", "hello, world");
        assertThat(assertSuccess(Cli.run("decode", "--json", token)).outLine())
                .isEqualTo("{\"verified\":false,\"header\":{\"alg\":\"ES256\"},\"payload\":\"hello, world\"}");
    }

    @Test
    void payloadThatIsNotUtf8IsShownAsBase64url() {
        String token = jws(new byte[] {(byte) 0xff, (byte) 0xfe, 0x00, 0x01});
        assertThat(assertSuccess(Cli.run("decode", token)).outLines()).endsWith("Payload:", "(binary, base64url) __4AAQ");
    }

    /** A token is attacker-controlled: its payload must not be able to send escape sequences to the terminal. */
    @Test
    void controlCharactersInATextPayloadAreEscaped() {
        String token = jws("\u001b[2J\u001b]0;pwned\u0007 line one\nline two\u009b31m".getBytes(StandardCharsets.UTF_8));
        Cli.Result r = assertSuccess(Cli.run("decode", token));
        assertThat(r.out()).doesNotContain("\u001b", "\u0007", "\u009b");
        assertThat(r.outLines()).endsWith("Payload:", "\\u001b[2J\\u001b]0;pwned\\u0007 line one", "line two\\u009b31m");
    }

    @Test
    void controlCharactersInJsonStringsAreEscaped() {
        String token = jws("{\"sub\":\"\\u001b[31mred\"}".getBytes(StandardCharsets.UTF_8));
        Cli.Result r = assertSuccess(Cli.run("decode", token));
        assertThat(r.out()).doesNotContain("\u001b");
        assertThat(r.outLines()).contains("  \"sub\": \"\\u001b[31mred\"");
    }

    @Test
    void noColourCodesWhenColourIsOff() {
        Cli.Result r = assertSuccess(later().colour(false).exec("decode", token()));
        assertThat(r.out()).doesNotContain("\u001b");
    }

    @Test
    void colourCodesWhenColourIsOn() {
        Cli.Result r = assertSuccess(later().colour(true).exec("decode", token()));
        assertThat(r.outLines().get(0)).isEqualTo("\u001b[1;31m" + WARNING + "\u001b[0m");
        assertThat(r.outLines()).contains(
                "  \u001b[34m\"alg\"\u001b[0m: \u001b[32m\"ES256\"\u001b[0m,",
                "  \u001b[34m\"iat\"\u001b[0m: \u001b[33m" + NOW + "\u001b[0m,");
    }

    @Test
    void jweShowsItsProtectedHeaderOnly() {
        String jwe = b64("{\"alg\":\"dir\",\"enc\":\"A256GCM\",\"kid\":\"k1\"}") + "..AAAAAAAAAAAAAAAA.c2VjcmV0.AAAAAAAAAAAAAAAAAAAAAA";
        assertThat(assertSuccess(Cli.run("decode", jwe)).outLines()).containsExactly(
                WARNING,
                "JWE protected header (the content is encrypted):",
                "{",
                "  \"alg\": \"dir\",",
                "  \"enc\": \"A256GCM\",",
                "  \"kid\": \"k1\"",
                "}");
        assertThat(assertSuccess(Cli.run("decode", "--json", jwe)).outLine()).isEqualTo(
                "{\"verified\":false,\"header\":{\"alg\":\"dir\",\"enc\":\"A256GCM\",\"kid\":\"k1\"}}");
    }

    @Test
    void jweWithAHeaderThatIsNotJsonIsMalformed() {
        Cli.Result r = Cli.run("decode", "bm90IGpzb24.a.b.c.d");
        assertRejected(r, "MALFORMED");
        assertThat(r.errLines()).containsExactly("rejected: MALFORMED: JWE protected header is not base64url JSON");
    }

    @Test
    void anUnsignedTokenDecodesToo() {
        // decode verifies nothing, so it shows even alg none (and says it checked nothing).
        String none = b64("{\"alg\":\"none\"}") + "." + b64("{\"sub\":\"admin\"}") + ".";
        assertThat(assertSuccess(Cli.run("decode", none)).outLines()).containsExactly(
                WARNING, "Header:", "{", "  \"alg\": \"none\"", "}", "Payload:", "{", "  \"sub\": \"admin\"", "}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "a.b", "!!.e30.", "a.b.c.d"})
    void garbageIsRejectedAsMalformed(String input) {
        assertRejected(Cli.run("decode", input), "MALFORMED");
    }

    @Test
    void garbageExactLine() {
        assertThat(Cli.run("decode", "garbage").errLines()).containsExactly("rejected: MALFORMED: a compact JWS has "
                + "exactly three parts separated by two dots, this token has 0 dots (RFC 7515 §7.1)");
    }

    @Test
    void tooLargeIsRejected() {
        String big = VerifyCommandTest.ecToken("--claim", "pad=" + "x".repeat(70_000));
        assertRejected(Cli.run("decode", big), "TOO_LARGE");
    }

    @Test
    void tokenFromStdinWithDashOrWithoutArgument() {
        String token = token();
        List<String> expected = assertSuccess(later().exec("decode", token)).outLines();
        assertThat(assertSuccess(later().stdin(token + "\n").exec("decode", "-")).outLines()).isEqualTo(expected);
        assertThat(assertSuccess(later().stdin(token + "\r\n").exec("decode")).outLines()).isEqualTo(expected);
        assertThat(assertSuccess(later().stdin("  " + token + " \n\n").exec("decode", "-")).outLines())
                .as("surrounding whitespace is stripped").isEqualTo(expected);
    }

    @Test
    void tokenFromAFile(@TempDir Path dir) {
        String token = token();
        String file = Fixtures.write(dir, "token.txt", token + "\n");
        assertThat(assertSuccess(later().exec("decode", "@" + file)).outLines())
                .isEqualTo(assertSuccess(later().exec("decode", token)).outLines());
    }

    @Test
    void emptyStdinIsMalformed() {
        assertRejected(Cli.withStdin("").exec("decode", "-"), "MALFORMED");
    }
}
