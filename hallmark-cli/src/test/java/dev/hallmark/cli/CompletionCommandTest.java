package dev.hallmark.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.hallmark.cli.CliAssertions.assertSuccess;
import static dev.hallmark.cli.CliAssertions.assertUsageError;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code hallmark completion bash}: a script that bash loads and that completes commands and options. */
class CompletionCommandTest {

    @ParameterizedTest
    @ValueSource(strings = {"bash", "zsh"})
    void printsABashCompletionScript(String shell) {
        Cli.Result r = assertSuccess(Cli.run("completion", shell));
        assertThat(r.outLines().get(0)).isEqualTo("#!/usr/bin/env bash");
        assertThat(r.outLines()).contains("complete -F _complete_hallmark -o default hallmark hallmark.sh hallmark.bash");
    }

    @Test
    void otherShellsAreAUsageError() {
        assertUsageError(Cli.run("completion", "fish"),
                "error: completion fish: only bash (and zsh via bashcompinit) are supported");
    }

    @Test
    void theShellIsRequired() {
        Cli.Result r = Cli.run("completion");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.errLines()).containsExactly("error: Missing required parameter: 'SHELL'",
                "Try 'hallmark completion --help' for usage.");
    }

    /** Loads the script into a real bash and asks it what completes after the given words. */
    private static List<String> complete(Path script, String... words) throws IOException, InterruptedException {
        StringBuilder array = new StringBuilder();
        for (String w : words) {
            array.append(" '").append(w).append('\'');
        }
        String line = String.join(" ", words);
        String program = "source '" + script + "' 2>/dev/null; COMP_WORDS=(" + array + "); COMP_CWORD="
                + (words.length - 1) + "; COMP_LINE='" + line + "'; COMP_POINT=" + line.length()
                + "; _complete_hallmark 2>/dev/null; printf '%s\\n' \"${COMPREPLY[@]}\"";
        Process p = new ProcessBuilder("bash", "--noprofile", "--norc", "-c", program).redirectErrorStream(true).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("bash did not finish");
        }
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void bashCompletesCommandsSubcommandsAndOptions(@TempDir Path dir) throws Exception {
        Path script = Path.of(Fixtures.write(dir, "hallmark.bash", assertSuccess(Cli.run("completion", "bash")).out()));
        assertThat(complete(script, "hallmark", "")).containsExactlyInAnyOrder(
                "keygen", "jwk", "sign", "verify", "decode", "encrypt", "decrypt", "serve", "admin", "completion");
        assertThat(complete(script, "hallmark", "jwk", "")).containsExactlyInAnyOrder(
                "public", "thumbprint", "from-pem", "to-pem");
        assertThat(complete(script, "hallmark", "admin", "")).containsExactlyInAnyOrder(
                "users", "clients", "keys", "revoke");
        assertThat(complete(script, "hallmark", "admin", "clients", "")).containsExactlyInAnyOrder(
                "add", "list", "rotate-secret", "disable");
        assertThat(complete(script, "hallmark", "sign", "--")).contains(
                "--key", "--alg", "--kid", "--typ", "--iss", "--sub", "--aud", "--exp", "--nbf", "--jti", "--claim",
                "--claims");
        assertThat(complete(script, "hallmark", "verify", "--j")).containsExactly("--jwks");
    }
}
