package dev.hallmark.cli;

import dev.hallmark.cli.support.CliContext;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * Runs the everyday commands once, in-process and silently, so the launcher can record every class they load in a
 * class-data-sharing archive ({@code -XX:ArchiveClassesAtExit}). Later runs map those classes instead of loading
 * them, whatever command they run. Not a user command.
 */
final class CdsTraining {

    private CdsTraining() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("hallmark-cds");
        try {
            Path key = dir.resolve("key.json");
            Files.writeString(key, run("", "keygen", "--alg", "ES256"));
            Path hs = dir.resolve("hs.json");
            Files.writeString(hs, run("", "keygen", "--alg", "HS256"));
            String token = run("", "sign", "--key", key.toString(), "--sub", "training", "--aud", "a", "--exp", "5m",
                    "--claim", "roles=[\"x\"]").strip();
            run("", "verify", "--key", key.toString(), "--aud", "a", token);
            run(token + "\n", "verify", "--key", key.toString(), "-");
            run("", "verify", "--key", hs.toString(), token);
            run("", "decode", token);
            run("", "decode", "--json", token);
            run("", "jwk", "public", key.toString());
            run("", "jwk", "thumbprint", key.toString());
            Path pem = dir.resolve("key.pem");
            Files.writeString(pem, run("", "jwk", "to-pem", key.toString()));
            run("", "jwk", "from-pem", pem.toString());
            Path enc = dir.resolve("enc.json");
            Files.writeString(enc, run("", "keygen", "--alg", "ECDH-ES+A256KW"));
            String jwe = run("", "encrypt", "--key", enc.toString(), "training").strip();
            run("", "decrypt", "--key", enc.toString(), jwe);
            run("", "--help");
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    private static String run(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CliContext ctx = new CliContext(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                Clock.systemUTC(), Map.of(), false);
        Main.run(args, ctx);
        return out.toString(StandardCharsets.UTF_8);
    }
}
