package dev.hallmark.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.InputStream;

import static dev.hallmark.cli.CliAssertions.assertRejected;
import static dev.hallmark.cli.CliAssertions.assertSuccess;
import static dev.hallmark.cli.CliAssertions.assertUsageError;
import static org.assertj.core.api.Assertions.assertThat;

/** The top level: help, version, no arguments, unknown flags, and the mapping of failures to exit codes 0..3. */
class MainTest {

    @ParameterizedTest
    @ValueSource(strings = {"--help", "-h"})
    void helpGoesToStdoutWithTheCommandsExitCodesAndExamples(String flag) {
        Cli.Result r = assertSuccess(Cli.run(flag));
        assertThat(r.outLines()).startsWith("Usage: hallmark [-hV] [--stacktrace] [COMMAND]");
        assertThat(r.out()).contains("  keygen ", "  jwk ", "  sign ", "  verify ", "  decode ", "  serve ", "  completion ");
        assertThat(r.outLines()).containsSequence(
                "Exit codes:",
                "  0   success; the token is valid",
                "  1   token rejected or decryption failed");
        assertThat(r.outLines()).contains(
                "  3   internal error (a bug; run with --stacktrace)",
                "Examples:",
                "  hallmark keygen --alg ES256 > key.json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"keygen", "jwk", "sign", "verify", "decode", "encrypt", "decrypt", "serve", "admin", "completion"})
    void everyCommandHasHelpWithAnExampleAndTheExitCodes(String command) {
        Cli.Result r = assertSuccess(Cli.run(command, "--help"));
        assertThat(r.outLines().get(0)).startsWith("Usage: hallmark " + command + " ");
        assertThat(r.outLines()).anyMatch(l -> l.equals("Examples:") || l.equals("Example:"));
        assertThat(r.outLines()).anyMatch(l -> l.startsWith("  hallmark ") || l.startsWith("  source <(hallmark "));
        assertThat(r.out()).contains("Exit codes: 0 ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"public", "thumbprint", "from-pem", "to-pem"})
    void everyJwkSubcommandHasHelp(String sub) {
        Cli.Result r = assertSuccess(Cli.run("jwk", sub, "--help"));
        assertThat(r.outLines().get(0)).startsWith("Usage: hallmark jwk " + sub + " ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--version", "-V"})
    void versionIsOneLine(String flag) {
        // In-process the classes come from target/classes, which have no manifest version: "development".
        Cli.Result r = assertSuccess(Cli.run(flag));
        assertThat(r.outLine()).isEqualTo("hallmark development (Java " + Runtime.version() + ")");
    }

    @Test
    void noArgumentsPrintsTheUsageOnStderrAndIsAUsageError() {
        Cli.Result r = Cli.run();
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.errLines()).startsWith("Usage: hallmark [-hV] [--stacktrace] [COMMAND]");
    }

    @Test
    void unknownFlagIsAUsageErrorWithAHint() {
        Cli.Result r = Cli.run("--bogus");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.errLines()).containsExactly("error: Unknown option: '--bogus'", "Try 'hallmark --help' for usage.");
    }

    @Test
    void unknownFlagOfASubcommandPointsToThatCommandsHelp() {
        Cli.Result r = Cli.run("keygen", "--alg", "ES256", "--colour");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.errLines()).containsExactly("error: Unknown option: '--colour'",
                "Try 'hallmark keygen --help' for usage.");
    }

    @Test
    void unknownCommandIsAUsageError() {
        Cli.Result r = Cli.run("frobnicate");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.errLines()).containsExactly("error: Unmatched argument at index 0: 'frobnicate'",
                "Try 'hallmark --help' for usage.");
    }

    @Test
    void missingRequiredOptionIsAUsageError() {
        Cli.Result r = Cli.run("sign");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly("error: Missing required option: '--key=FILE'",
                "Try 'hallmark sign --help' for usage.");
    }

    @Test
    void aRejectedTokenIsExitOne() {
        assertRejected(Cli.run("decode", "not-a-token"), "MALFORMED");
    }

    @Test
    void anUnusableInputIsExitTwo() {
        assertUsageError(Cli.run("jwk", "thumbprint", "/nonexistent/key.json"),
                "error: jwk thumbprint /nonexistent/key.json: no such file");
    }

    /** Standard input that fails the way a bug would: an unchecked exception from deep inside a command. */
    private static InputStream brokenStdin() {
        return new InputStream() {
            @Override
            public int read() {
                throw new IllegalStateException("simulated bug\nsecond line");
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return read();
            }
        };
    }

    @Test
    void anInternalErrorIsExitThreeWithOneLineAndNoStackTrace() {
        Cli.Result r = Cli.cli().stdin(brokenStdin()).exec("decode", "-");
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.out()).isEmpty();
        // Only the first line of the message, and a hint where the details are.
        assertThat(r.errLines()).containsExactly("internal error: java.lang.IllegalStateException: simulated bug"
                + " (run with --stacktrace for details)");
    }

    @Test
    void stacktraceFlagPrintsTheStackTraceOfAnInternalError() {
        Cli.Result r = Cli.cli().stdin(brokenStdin()).exec("--stacktrace", "decode", "-");
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.errLines().get(0)).isEqualTo("internal error: java.lang.IllegalStateException: simulated bug");
        assertThat(r.errLines()).contains("java.lang.IllegalStateException: simulated bug", "second line");
        assertThat(r.errLines()).anyMatch(l -> l.startsWith("\tat dev.hallmark.cli."));
    }

    @Test
    void stacktraceFlagIsAcceptedAfterTheSubcommandToo() {
        Cli.Result r = Cli.cli().stdin(brokenStdin()).exec("decode", "--stacktrace", "-");
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.errLines()).anyMatch(l -> l.startsWith("\tat "));
    }

    @Test
    void stacktraceFlagChangesNothingOnSuccess() {
        Cli.Result r = assertSuccess(Cli.run("--stacktrace", "keygen", "--alg", "HS256"));
        assertThat(r.outLine()).startsWith("{\"kty\":\"oct\",");
    }
}
