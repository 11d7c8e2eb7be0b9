package dev.hallmark.cli;

import org.junit.jupiter.api.Test;

import static dev.hallmark.cli.CliAssertions.assertSuccess;
import static dev.hallmark.cli.CliAssertions.assertUsageError;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code hallmark verify -}: one token per line on stdin, one JSON result per token on stdout. */
class VerifyBatchTest {

    private static final long NOW = Cli.NOW.getEpochSecond();
    private static final String EC_PUBLIC = Fixtures.key("ec-p256-spki.pem");

    @Test
    void mixedValidAndInvalidTokensGiveOneJsonLineEachAndExitOne() {
        String valid = VerifyCommandTest.ecToken("--sub", "alice", "--exp", "1h");
        String expired = VerifyCommandTest.ecToken("--sub", "bob", "--exp", "-1m");
        String wrongKid = VerifyCommandTest.ecToken("--kid", "other");
        String stdin = valid + "\n"
                + "\n"                          // blank lines are skipped
                + expired + "\r\n"              // CRLF line ends are fine
                + "garbage\n"
                + "  " + wrongKid + "  \n"      // surrounding blanks are trimmed
                + valid;                        // no newline at the end
        Cli.Result r = Cli.withStdin(stdin).exec("verify", "--key", EC_PUBLIC, "-");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).isEmpty();
        String claims = "{\"valid\":true,\"claims\":{\"iat\":" + NOW + ",\"sub\":\"alice\",\"exp\":" + (NOW + 3600) + "}}";
        assertThat(r.outLines()).containsExactly(
                claims,
                "{\"valid\":false,\"reason\":\"EXPIRED\",\"message\":\"token is past its \\\"exp\\\" (RFC 7519 §4.1.4)\"}",
                "{\"valid\":false,\"reason\":\"MALFORMED\",\"message\":\"a compact JWS has exactly three parts separated"
                        + " by two dots, this token has 0 dots (RFC 7515 §7.1)\"}",
                "{\"valid\":false,\"reason\":\"KEY_NOT_FOUND\",\"message\":\"no trusted key has kid \\\"other\\\"\"}",
                claims);
    }

    @Test
    void allValidIsExitZero() {
        String a = VerifyCommandTest.ecToken("--sub", "a");
        String b = VerifyCommandTest.ecToken("--sub", "b");
        Cli.Result r = assertSuccess(Cli.withStdin(a + "\n" + b + "\n").exec("verify", "--key", EC_PUBLIC, "-"));
        assertThat(r.outLines()).containsExactly(
                "{\"valid\":true,\"claims\":{\"iat\":" + NOW + ",\"sub\":\"a\"}}",
                "{\"valid\":true,\"claims\":{\"iat\":" + NOW + ",\"sub\":\"b\"}}");
    }

    @Test
    void withoutATokenArgumentStdinIsReadInBatchMode() {
        String a = VerifyCommandTest.ecToken("--sub", "a");
        Cli.Result r = assertSuccess(Cli.withStdin(a + "\n").exec("verify", "--key", EC_PUBLIC));
        assertThat(r.outLines()).containsExactly("{\"valid\":true,\"claims\":{\"iat\":" + NOW + ",\"sub\":\"a\"}}");
    }

    @Test
    void allInvalidIsExitOne() {
        Cli.Result r = Cli.withStdin("a.b.c\n").exec("verify", "--key", EC_PUBLIC, "-");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.outLines()).hasSize(1);
        assertThat(r.outLines().get(0)).startsWith("{\"valid\":false,\"reason\":\"MALFORMED\",\"message\":\"");
    }

    @Test
    void claimsChecksApplyToEveryToken() {
        String api = VerifyCommandTest.ecToken("--aud", "api");
        String other = VerifyCommandTest.ecToken("--aud", "other");
        Cli.Result r = Cli.withStdin(api + "\n" + other + "\n").exec("verify", "--key", EC_PUBLIC, "--aud", "api", "-");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.outLines()).containsExactly(
                "{\"valid\":true,\"claims\":{\"iat\":" + NOW + ",\"aud\":\"api\"}}",
                "{\"valid\":false,\"reason\":\"AUDIENCE_MISMATCH\",\"message\":\"token audience names none of the"
                        + " expected audiences (RFC 7519 §4.1.3)\"}");
    }

    @Test
    void noTokenOnStdinIsAUsageError() {
        assertUsageError(Cli.withStdin("").exec("verify", "--key", EC_PUBLIC, "-"), "error: no token on standard input");
        assertUsageError(Cli.withStdin("\n \n\r\n").exec("verify", "--key", EC_PUBLIC, "-"),
                "error: no token on standard input");
    }

    @Test
    void aBadKeyFailsBeforeAnyTokenIsRead() {
        String token = VerifyCommandTest.ecToken();
        assertUsageError(Cli.withStdin(token + "\n").exec("verify", "--key", "/nonexistent", "-"),
                "error: --key /nonexistent: no such file");
    }
}
