package dev.hallmark.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import static dev.hallmark.cli.CliAssertions.assertRejected;
import static dev.hallmark.cli.CliAssertions.assertSuccess;
import static dev.hallmark.cli.CliAssertions.assertUsageError;
import static dev.hallmark.cli.CliAssertions.assertUsageErrorStartingWith;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code hallmark encrypt} and {@code hallmark decrypt}: round trips with keys made by {@code keygen}, the exact
 * rejection line for every decryption failure, JWS/JWE confusion, and the usage errors.
 */
class EncryptDecryptCommandTest {

    @TempDir
    Path dir;

    /** A private key file made by keygen for {@code alg}, and its public form when it has one. */
    private String[] keyPair(String alg, String... options) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("keygen", "--alg", alg));
        args.addAll(java.util.List.of(options));
        args.addAll(java.util.List.of("--kid", "k-" + alg.replace('+', '-')));
        String priv = Fixtures.write(dir, alg + ".json", assertSuccess(Cli.run(args.toArray(String[]::new))).outLine());
        if (alg.startsWith("A") || alg.equals("dir")) {
            return new String[] {priv, priv};
        }
        String pub = Fixtures.write(dir, alg + ".public.json", assertSuccess(Cli.run("jwk", "public", priv)).outLine());
        return new String[] {priv, pub};
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "ECDH-ES+A256KW, A256GCM, ''",
        "ECDH-ES, A128CBC-HS256, --crv=X25519",
        "RSA-OAEP-256, A256GCM, ''",
        "A256KW, A192GCM, ''",
        "dir, A256GCM, --size=256",
        "A128GCMKW, A256CBC-HS512, ''"})
    void roundTrips(String alg, String enc, String option) {
        String[] keys = option.isEmpty() ? keyPair(alg) : keyPair(alg, option);
        String token = assertSuccess(Cli.run("encrypt", "--key", keys[1], "--enc", enc, "top secret")).outLine();
        assertThat(token.split("\\.", -1)).hasSize(5);
        Cli.Result r = assertSuccess(Cli.run("decrypt", "--key", keys[0], token));
        assertThat(r.out()).isEqualTo("top secret\n");
    }

    @Test
    void inputFromStdinAndFileAndTokenFromStdinAndFile() throws Exception {
        String[] keys = keyPair("ECDH-ES+A128KW");
        String fromStdin = assertSuccess(Cli.withStdin("piped\n").exec("encrypt", "--key", keys[1], "-")).outLine();
        assertThat(assertSuccess(Cli.withStdin(fromStdin + "\n").exec("decrypt", "--key", keys[0], "-")).out())
                .isEqualTo("piped\n");
        byte[] binary = {0, 1, 2, (byte) 0xff, '\n'};
        Path file = Files.write(dir.resolve("data.bin"), binary);
        String fromFile = assertSuccess(Cli.run("encrypt", "--key", keys[1], "@" + file)).outLine();
        String tokenFile = Fixtures.write(dir, "token.txt", fromFile + "\n");
        Cli.Result r = assertSuccess(Cli.run("decrypt", "--key", keys[0], "@" + tokenFile));
        assertThat(r.out().getBytes(StandardCharsets.ISO_8859_1)).hasSize(binary.length + 1);
    }

    @Test
    void algFromTheKeyAndKidInTheHeader() {
        String[] keys = keyPair("RSA-OAEP-384");
        String token = assertSuccess(Cli.run("encrypt", "--key", keys[1], "x")).outLine();
        String header = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))),
                StandardCharsets.UTF_8);
        assertThat(header).contains("\"alg\":\"RSA-OAEP-384\"", "\"enc\":\"A256GCM\"", "\"kid\":\"k-RSA-OAEP-384\"");
    }

    @Test
    void compressedAndContentType() {
        String[] keys = keyPair("A128KW");
        String token = assertSuccess(Cli.run("encrypt", "--key", keys[0], "--zip", "--cty", "text/plain",
                "a".repeat(1000))).outLine();
        assertThat(token.length()).isLessThan(300);
        assertThat(assertSuccess(Cli.run("decrypt", "--key", keys[0], token)).out()).isEqualTo("a".repeat(1000) + "\n");
    }

    /** Sign, encrypt with cty JWT, then decrypt and verify: a nested JWT with two commands each way. */
    @Test
    void nestedJwtThroughPipes() {
        String[] recipient = keyPair("ECDH-ES+A256KW");
        String[] issuer = keyPair("ES256");
        String jws = assertSuccess(Cli.run("sign", "--key", issuer[0], "--sub", "alice", "--exp", "5m")).outLine();
        String jwe = assertSuccess(Cli.withStdin(jws + "\n").exec("encrypt", "--key", recipient[1], "--cty", "JWT",
                "-")).outLine();
        String inner = assertSuccess(Cli.run("decrypt", "--key", recipient[0], jwe)).outLine();
        assertThat(inner).isEqualTo(jws);
        assertThat(assertSuccess(Cli.run("verify", "--key", issuer[1], inner)).outLine()).contains("\"sub\":\"alice\"");
        // the JWE itself is not a JWS
        Cli.Result asJws = Cli.run("verify", "--key", issuer[1], jwe);
        assertRejected(asJws, "MALFORMED");
        assertThat(asJws.errLines().get(0)).contains("JWE, not a JWS");
    }

    @Test
    void everyDecryptionFailureIsTheSameLine() {
        String[] keys = keyPair("ECDH-ES+A256KW");
        String token = assertSuccess(Cli.run("encrypt", "--key", keys[1], "secret")).outLine();
        String[] parts = token.split("\\.", -1);
        String tamperedCiphertext = parts[0] + "." + parts[1] + "." + parts[2] + "." + flip(parts[3]) + "." + parts[4];
        String tamperedTag = parts[0] + "." + parts[1] + "." + parts[2] + "." + parts[3] + "." + flip(parts[4]);
        String otherKid = Fixtures.write(dir, "impostor.json", assertSuccess(Cli.run("keygen", "--alg",
                "ECDH-ES+A256KW", "--kid", "k-ECDH-ES-A256KW")).outLine());
        for (Cli.Result r : new Cli.Result[] {
            Cli.run("decrypt", "--key", keys[0], tamperedCiphertext),
            Cli.run("decrypt", "--key", keys[0], tamperedTag),
            Cli.run("decrypt", "--key", otherKid, token)}) {
            assertThat(r.exitCode()).isEqualTo(1);
            assertThat(r.out()).isEmpty();
            assertThat(r.errLines()).containsExactly("rejected: DECRYPTION_FAILED: the JWE could not be decrypted");
        }
    }

    @Test
    void otherRejectionsKeepTheirReason() {
        String[] keys = keyPair("ECDH-ES+A256KW");
        String[] signing = keyPair("ES256");
        String jws = assertSuccess(Cli.run("sign", "--key", signing[0], "--sub", "s")).outLine();
        Cli.Result r = Cli.run("decrypt", "--key", keys[0], jws);
        assertRejected(r, "MALFORMED");
        assertThat(r.errLines().get(0)).isEqualTo("rejected: MALFORMED: token has three parts: it is a JWS, not a JWE");
        String token = assertSuccess(Cli.run("encrypt", "--key", keys[1], "x")).outLine();
        assertRejected(Cli.run("decrypt", "--key", keys[0], "--alg", "RSA-OAEP-256", token), "ALG_NOT_ALLOWED");
        assertRejected(Cli.run("decrypt", "--key", keys[0], "--enc", "A128GCM", token), "ALG_NOT_ALLOWED");
        String[] stranger = keyPair("ECDH-ES+A192KW");
        assertRejected(Cli.run("decrypt", "--key", stranger[0], token), "KEY_NOT_FOUND");
    }

    @Test
    void usageErrors() {
        String[] keys = keyPair("ECDH-ES+A256KW");
        assertUsageError(Cli.run("encrypt", "--key", keys[1], "--enc", "A512GCM", "x"),
                "error: --enc A512GCM: not a JWE content encryption");
        assertUsageError(Cli.run("encrypt", "--key", keys[1], "--alg", "ES256", "x"),
                "error: --alg ES256: not a JWE key-management algorithm");
        assertUsageErrorStartingWith(Cli.run("encrypt", "--key", keys[1], "--alg", "RSA1_5", "x"),
                "error: --key " + keys[1] + ": ");
        String[] signing = keyPair("ES256");
        assertUsageErrorStartingWith(Cli.run("encrypt", "--key", signing[1], "x"), "error: --key " + signing[1] + ": ");
        assertUsageError(Cli.run("decrypt", "--key", keys[1], "x.y.z.w.v"),
                "error: --key " + keys[1] + ": a public key cannot decrypt; give the private key");
        assertUsageError(Cli.run("decrypt", "--key", keys[0], "--alg", "RSA1_5", "x.y.z.w.v"),
                "error: --alg RSA1_5 needs --allow-rsa1_5");
        assertThat(Cli.run("decrypt", "x.y.z.w.v").exitCode()).isEqualTo(2);
        assertThat(Cli.run("encrypt", "x").exitCode()).isEqualTo(2);
    }

    private static String flip(String b64) {
        byte[] bytes = Base64.getUrlDecoder().decode(b64);
        bytes[0] ^= 1;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
