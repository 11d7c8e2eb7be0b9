package dev.hallmark.cli;

import dev.hallmark.cli.support.CliContext;
import dev.hallmark.cli.support.ExitCode;
import dev.hallmark.cli.support.Inputs;
import dev.hallmark.cli.support.KeyFile;
import dev.hallmark.cli.support.UsageException;
import dev.hallmark.jwe.ContentEncryption;
import dev.hallmark.jwe.JweAlgorithm;
import dev.hallmark.jwe.JweEncrypter;
import dev.hallmark.jwk.Jwk;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

/** {@code hallmark encrypt}: a compact JWE of some bytes, to the recipient's key. */
@Command(name = "encrypt", mixinStandardHelpOptions = true,
        description = {"Encrypts the input to a recipient's key and prints the compact JWE on one line.",
            "The key decides the algorithm unless --alg is given: its alg, else RSA-OAEP-256 (RSA), ECDH-ES+A256KW"
                + " (EC, X25519, X448) or A128KW/A192KW/A256KW (a 16/24/32-byte secret). Its kid goes in the header.",
            "INPUT is the text itself, @FILE (its exact bytes) or - for standard input (one trailing newline"
                + " ignored)."},
        footer = {"%nExamples:",
            "  hallmark keygen --alg ECDH-ES+A256KW --kid orders > orders.json",
            "  hallmark jwk public orders.json > orders.public.json",
            "  hallmark encrypt --key orders.public.json '{\"card\":\"4111...\"}'",
            "  hallmark sign --key issuer.json --sub alice | hallmark encrypt --key orders.public.json --cty JWT -",
            "%nExit codes: 0 encrypted, 2 usage error (bad flags, unusable key), 3 internal error."})
final class EncryptCommand implements Callable<Integer> {

    private final CliContext ctx;

    @Option(names = "--key", required = true, paramLabel = "FILE",
            description = "The recipient's key: JWK, JWK Set (with --kid) or PEM; a private key is used through its"
                + " public half.")
    String keyFile;

    @Option(names = "--kid", paramLabel = "KID", description = "The key of a JWK Set to encrypt to.")
    String kid;

    @Option(names = "--alg", paramLabel = "ALG", description = "Key-management algorithm, e.g. RSA-OAEP-256, "
            + "ECDH-ES, A256KW, dir, PBES2-HS512+A256KW (RSA1_5 is not offered).")
    String alg;

    @Option(names = "--enc", paramLabel = "ENC", defaultValue = "A256GCM",
            description = "Content encryption (default ${DEFAULT-VALUE}); A128GCM, A192GCM, A256GCM, A128CBC-HS256,"
                + " A192CBC-HS384, A256CBC-HS512.")
    String enc;

    @Option(names = "--cty", paramLabel = "CTY", description = "Header cty; JWT for a signed JWT inside.")
    String cty;

    @Option(names = "--zip", description = "Compress with DEFLATE first (zip: DEF); the recipient must accept it.")
    boolean zip;

    @Parameters(arity = "0..1", paramLabel = "INPUT|@FILE|-", description = "What to encrypt; - or absent: stdin.")
    String input;

    EncryptCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Jwk key = KeyFile.read(keyFile, ctx, "--key").single(kid, "--key " + keyFile);
        Jwk recipient = key.isPrivate() && !key.keyType().equals("oct") ? key.toPublicJwk() : key;
        ContentEncryption encryption = ContentEncryption.fromName(enc)
                .orElseThrow(() -> new UsageException("--enc " + enc + ": not a JWE content encryption"));
        JweEncrypter.Builder b = JweEncrypter.builder().encryption(encryption);
        try {
            if (alg == null) {
                b.recipient(recipient);
            } else {
                JweAlgorithm a = JweAlgorithm.fromName(alg)
                        .orElseThrow(() -> new UsageException("--alg " + alg + ": not a JWE key-management algorithm"));
                b.recipient(recipient, a);
            }
            if (cty != null) {
                b.contentType(cty);
            }
            if (zip) {
                b.compress();
            }
            ctx.out().println(b.build().encrypt(plaintext()));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new UsageException("--key " + keyFile + ": " + e.getMessage());
        }
        return ExitCode.OK;
    }

    private byte[] plaintext() {
        if (input == null || input.equals("-")) {
            return Inputs.trimNewline(new String(Inputs.readStdin(ctx, "input"), StandardCharsets.ISO_8859_1))
                    .getBytes(StandardCharsets.ISO_8859_1); // Latin-1 maps bytes one to one: only the newline goes
        }
        if (input.startsWith("@")) {
            return Inputs.readFile(input.substring(1), "INPUT");
        }
        return input.getBytes(StandardCharsets.UTF_8);
    }
}
