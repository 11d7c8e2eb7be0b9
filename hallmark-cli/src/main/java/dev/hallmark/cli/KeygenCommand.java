package dev.hallmark.cli;

import dev.hallmark.cli.support.CliContext;
import dev.hallmark.cli.support.ExitCode;
import dev.hallmark.cli.support.UsageException;
import dev.hallmark.jwk.Jwk;
import dev.hallmark.jwk.KeyGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** {@code hallmark keygen}: a new private JWK for an algorithm. */
@Command(name = "keygen", mixinStandardHelpOptions = true,
        description = {"Prints a new private JWK (one JSON object) with kty, alg, kid and use.",
            "The kid defaults to the key's RFC 7638 thumbprint. The output is a secret: store it as one."},
        footer = {"%nExamples:",
            "  hallmark keygen --alg ES256 > signing-key.json",
            "  hallmark keygen --alg RS256 --size 3072 --kid 2026-11",
            "  hallmark keygen --alg EdDSA --crv Ed448",
            "  hallmark keygen --alg dir --size 256",
            "%nExit codes: 0 success, 2 usage error, 3 internal error."})
final class KeygenCommand implements Callable<Integer> {

    private final CliContext ctx;

    @Option(names = "--alg", required = true, paramLabel = "ALG",
            description = "JWS or JWE key-management algorithm: HS256, HS384, HS512, RS256..RS512, PS256..PS512, "
                    + "ES256, ES384, ES512, EdDSA, RSA-OAEP, RSA-OAEP-256, A128KW..A256KW, A128GCMKW..A256GCMKW, "
                    + "ECDH-ES, ECDH-ES+A128KW..A256KW, dir, or a content encryption (A128GCM.., A128CBC-HS256..).")
    String alg;

    @Option(names = "--kid", paramLabel = "KID", description = "Key id (default: the RFC 7638 thumbprint).")
    String kid;

    @Option(names = "--size", paramLabel = "BITS",
            description = "Key size in bits: RSA modulus (default 2048), HMAC or dir secret (default: the hash size / 256).")
    Integer size;

    @Option(names = "--crv", paramLabel = "CRV",
            description = "Curve: Ed25519 (default) or Ed448 for EdDSA; P-256 (default), P-384, P-521, X25519 or X448 for ECDH-ES.")
    String crv;

    KeygenCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        KeyGenerator gen = KeyGenerator.forAlgorithm(alg);
        try {
            if (size != null) {
                if (alg.startsWith("RS") || alg.startsWith("PS") || alg.startsWith("RSA")) {
                    try {
                        gen.rsaBits(size);
                    } catch (IllegalArgumentException e) {
                        throw new UsageException("--size " + size + ": " + e.getMessage());
                    }
                } else if (alg.startsWith("HS") || alg.equals("dir")) {
                    if (size % 8 != 0) {
                        throw new UsageException("--size " + size + ": must be a multiple of 8 bits");
                    }
                    try {
                        gen.secretBytes(size / 8);
                    } catch (IllegalArgumentException e) {
                        throw new UsageException("--size " + size + ": " + e.getMessage());
                    }
                } else {
                    throw new UsageException("--size does not apply to " + alg);
                }
            }
            if (crv != null) {
                // KeyGenerator ignores a curve for RSA; only EC, EdDSA and ECDH-ES keys have one.
                if (!alg.startsWith("ES") && !alg.equals("EdDSA") && !alg.startsWith("ECDH-ES")) {
                    throw new UsageException("--crv does not apply to " + alg);
                }
                gen.curve(crv);
            }
            if (kid != null) {
                gen.keyId(kid);
            }
            Jwk key = gen.generate();
            ctx.out().println(key.toPrivateJson());
            return ExitCode.OK;
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        } catch (dev.hallmark.JoseException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
