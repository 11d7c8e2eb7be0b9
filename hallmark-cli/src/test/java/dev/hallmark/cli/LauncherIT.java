package dev.hallmark.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real {@code ./hallmark} launcher as a process, after {@code package} (maven-failsafe): it must find the jar
 * built by this build (never rebuild inside it), run from any directory, read pipes and return the exit codes of
 * the contract.
 */
class LauncherIT {

    private static final long TIMEOUT_SECONDS = 60;

    private static Path launcher;

    @BeforeAll
    static void findLauncher() {
        // Failsafe runs with the module directory (hallmark-cli) as the working directory.
        Path root = Path.of("").toAbsolutePath().getParent();
        launcher = root.resolve("hallmark");
        assertThat(launcher).as("the launcher at the repository root").isExecutable();
        assertThat(root.resolve("hallmark-cli/target/hallmark-cli.jar")).as("the jar of this build").exists();
    }

    record Run(int exitCode, String out, String err) {
        List<String> outLines() {
            return out.lines().toList();
        }

        List<String> errLines() {
            return err.lines().toList();
        }
    }

    /** Runs the launcher in {@code cwd} with {@code stdin}, killing it if it takes longer than the timeout. */
    private static Run hallmark(Path cwd, String stdin, String... args) throws IOException, InterruptedException {
        return exec(launcher, cwd, stdin, args);
    }

    private static Run exec(Path program, Path cwd, String stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(program.toString());
        command.addAll(List.of(args));
        Path out = Files.createTempFile("hallmark-out", ".txt");
        Path err = Files.createTempFile("hallmark-err", ".txt");
        try {
            ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            // The same JDK as this test; no NO_COLOR games: stdout is a file, so there must be no colour anyway.
            pb.environment().put("HALLMARK_JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
            Process p = pb.start();
            try (var in = p.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new AssertionError("hallmark " + String.join(" ", args) + " did not finish in "
                        + TIMEOUT_SECONDS + " s");
            }
            Run run = new Run(p.exitValue(), Files.readString(out), Files.readString(err));
            assertThat(run.err()).as("the launcher must not rebuild during the build").doesNotContain("building");
            return run;
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    @Test
    void helpIsExitZero(@TempDir Path cwd) throws Exception {
        Run r = hallmark(cwd, null, "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.outLines().get(0)).isEqualTo("Usage: hallmark [-hV] [--stacktrace] [COMMAND]");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void versionComesFromTheJarManifest(@TempDir Path cwd) throws Exception {
        Run r = hallmark(cwd, null, "--version");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).matches("hallmark \\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\(Java .+\\)\\n");
    }

    @Test
    void keygenSignVerifyRoundTripThroughFilesFromAnotherDirectory(@TempDir Path cwd) throws Exception {
        // The working directory is a temporary directory, far from the repository: relative paths resolve there.
        Run key = hallmark(cwd, null, "keygen", "--alg", "ES256", "--kid", "it-key");
        assertThat(key.exitCode()).isZero();
        Files.writeString(cwd.resolve("key.json"), key.out());

        Run pub = hallmark(cwd, null, "jwk", "public", "key.json");
        assertThat(pub.exitCode()).isZero();
        Files.writeString(cwd.resolve("public.json"), pub.out());

        Run sign = hallmark(cwd, null, "sign", "--key", "key.json", "--iss", "https://it.example", "--sub", "alice",
                "--aud", "api", "--exp", "15m");
        assertThat(sign.exitCode()).isZero();
        assertThat(sign.err()).isEmpty();
        Files.writeString(cwd.resolve("token.txt"), sign.out());

        Run verify = hallmark(cwd, null, "verify", "--key", "public.json", "--iss", "https://it.example", "--aud", "api",
                "--require", "exp", "@token.txt");
        assertThat(verify.exitCode()).isZero();
        assertThat(verify.err()).isEmpty();
        assertThat(verify.outLines()).singleElement().asString()
                .startsWith("{\"iat\":").contains("\"iss\":\"https://it.example\",\"sub\":\"alice\",\"aud\":\"api\",\"exp\":");
    }

    @Test
    void decodeReadsAPipeAndPrintsNoColourToAFile(@TempDir Path cwd) throws Exception {
        Run key = hallmark(cwd, null, "keygen", "--alg", "EdDSA");
        Files.writeString(cwd.resolve("key.json"), key.out());
        String token = hallmark(cwd, null, "sign", "--key", "key.json", "--sub", "piped").out();

        Run decode = hallmark(cwd, token, "decode", "-");
        assertThat(decode.exitCode()).isZero();
        assertThat(decode.out()).doesNotContain("\u001b");
        assertThat(decode.outLines()).startsWith(
                "NOT VERIFIED: this shows what the token claims; nothing was checked. Use 'hallmark verify' to trust it.",
                "Header:");
        assertThat(decode.outLines()).contains("  \"sub\": \"piped\"");
    }

    @Test
    void rejectedTokenIsExitOneAndBatchModeReadsAPipe(@TempDir Path cwd) throws Exception {
        Files.writeString(cwd.resolve("key.json"), hallmark(cwd, null, "keygen", "--alg", "HS256").out());
        String token = hallmark(cwd, null, "sign", "--key", "key.json", "--aud", "api").out().strip();

        Run wrongAudience = hallmark(cwd, null, "verify", "--key", "key.json", "--aud", "other", token);
        assertThat(wrongAudience.exitCode()).isEqualTo(1);
        assertThat(wrongAudience.out()).isEmpty();
        assertThat(wrongAudience.errLines()).containsExactly("rejected: AUDIENCE_MISMATCH: token audience names none of "
                + "the expected audiences (RFC 7519 §4.1.3)");

        Run batch = hallmark(cwd, token + "\nnot-a-token\n", "verify", "--key", "key.json", "-");
        assertThat(batch.exitCode()).isEqualTo(1);
        assertThat(batch.outLines()).hasSize(2);
        assertThat(batch.outLines().get(0)).startsWith("{\"valid\":true,\"claims\":{");
        assertThat(batch.outLines().get(1)).startsWith("{\"valid\":false,\"reason\":\"MALFORMED\",\"message\":");
    }

    @Test
    void usageErrorIsExitTwo(@TempDir Path cwd) throws Exception {
        Run r = hallmark(cwd, null, "sign", "--key", "missing.json");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.errLines()).containsExactly("error: --key missing.json: no such file");

        Run unknown = hallmark(cwd, null, "--bogus");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.errLines()).containsExactly("error: Unknown option: '--bogus'", "Try 'hallmark --help' for usage.");
    }

    @Test
    void worksThroughASymlinkElsewhere(@TempDir Path dir) throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("hallmark"), launcher);
        Run r = exec(link, dir, null, "keygen", "--alg", "HS256");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("{\"kty\":\"oct\",");
    }
}
