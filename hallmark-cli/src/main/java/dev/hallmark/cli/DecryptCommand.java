package dev.hallmark.cli;

import dev.hallmark.cli.support.CliContext;
import dev.hallmark.cli.support.ExitCode;
import dev.hallmark.cli.support.Inputs;
import dev.hallmark.cli.support.KeyFile;
import dev.hallmark.cli.support.UsageException;
import dev.hallmark.jwe.ContentEncryption;
import dev.hallmark.jwe.DecryptedJwe;
import dev.hallmark.jwe.JweAlgorithm;
import dev.hallmark.jwe.JweDecrypter;
import dev.hallmark.jwk.JwkSet;
import dev.hallmark.jwk.KeySource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code hallmark decrypt}: the plaintext of a compact JWE, with the recipient's private or secret key. */
@Command(name = "decrypt", mixinStandardHelpOptions = true,
        description = {"Decrypts a compact JWE and prints its plaintext, followed by a newline.",
            "Without --alg the key decides: its alg if it has one, else the algorithms its type fits (PBES2 only for"
                + " a key whose alg names it; RSA1_5 only with --allow-rsa1_5). Compressed tokens (zip: DEF) are"
                + " accepted up to 256 KiB inflated.",
            "Every failure to decrypt (wrong key, tampering, bad tag) is the same DECRYPTION_FAILED."},
        footer = {"%nExamples:",
            "  hallmark decrypt --key orders.json eyJ...",
            "  hallmark decrypt --key orders.json @token.txt",
            "  hallmark decrypt --key orders.json - | hallmark verify --key issuer.public.json -",
            "%nOn rejection: exit 1 and one line on stderr: rejected: REASON: message",
            "%nExit codes: 0 decrypted, 1 rejected (DECRYPTION_FAILED or another reason), 2 usage error, 3 internal"
                + " error."})
final class DecryptCommand implements Callable<Integer> {

    private final CliContext ctx;

    @Option(names = "--key", required = true, paramLabel = "FILE",
            description = "The recipient's private or secret key: JWK, JWK Set or PEM (PKCS#8, PKCS#1, SEC 1).")
    String keyFile;

    @Option(names = "--alg", paramLabel = "ALG", description = "Allowed key-management algorithm; repeatable.")
    List<String> algorithms = new ArrayList<>();

    @Option(names = "--enc", paramLabel = "ENC", description = "Allowed content encryption; repeatable (default all).")
    List<String> encryptions = new ArrayList<>();

    @Option(names = "--allow-rsa1_5", description = "Accept RSA1_5 (legacy; failures are masked per RFC 3218).")
    boolean allowRsa1_5;

    @Parameters(arity = "0..1", paramLabel = "TOKEN|@FILE|-", description = "The JWE; - or absent: stdin.")
    String token;

    DecryptCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        JweDecrypter decrypter = decrypter();
        DecryptedJwe jwe = decrypter.decrypt(Inputs.textArgument(token, ctx, "TOKEN").strip());
        ctx.out().write(jwe.plaintext(), 0, jwe.plaintext().length);
        ctx.out().println();
        return ExitCode.OK;
    }

    private JweDecrypter decrypter() {
        KeyFile file = KeyFile.read(keyFile, ctx, "--key");
        for (String s : file.skipped()) {
            ctx.err().println("warning: skipped a key: " + s);
        }
        if (file.keys().stream().noneMatch(k -> k.isPrivate())) {
            throw new UsageException("--key " + keyFile + ": a public key cannot decrypt; give the private key");
        }
        JweDecrypter.Builder b = JweDecrypter.builder().allowCompression();
        try {
            b.keys(KeySource.of(JwkSet.of(file.keys())));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--key " + keyFile + ": " + e.getMessage());
        }
        if (!algorithms.isEmpty()) {
            List<JweAlgorithm> list = new ArrayList<>();
            for (String a : algorithms) {
                list.add(JweAlgorithm.fromName(a).orElseThrow(() ->
                        new UsageException("--alg " + a + ": not a JWE key-management algorithm")));
            }
            b.algorithms(list.get(0), list.subList(1, list.size()).toArray(JweAlgorithm[]::new));
            if (list.contains(JweAlgorithm.RSA1_5) && !allowRsa1_5) {
                throw new UsageException("--alg RSA1_5 needs --allow-rsa1_5");
            }
        }
        if (!encryptions.isEmpty()) {
            List<ContentEncryption> list = new ArrayList<>();
            for (String e : encryptions) {
                list.add(ContentEncryption.fromName(e).orElseThrow(() ->
                        new UsageException("--enc " + e + ": not a JWE content encryption")));
            }
            b.encryptions(list.get(0), list.subList(1, list.size()).toArray(ContentEncryption[]::new));
        }
        if (allowRsa1_5) {
            b.allowRsa1_5();
        }
        return b.build();
    }
}
