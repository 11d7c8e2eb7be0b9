package dev.hallmark.cli;

import dev.hallmark.cli.support.CliContext;
import dev.hallmark.cli.support.ExitCode;
import dev.hallmark.cli.support.KeyFile;
import dev.hallmark.cli.support.UsageException;
import dev.hallmark.jwk.EcJwk;
import dev.hallmark.jwk.Jwk;
import dev.hallmark.jwk.JwkSet;
import dev.hallmark.jwk.OctJwk;
import dev.hallmark.jwk.OkpJwk;
import dev.hallmark.jwk.Pem;
import dev.hallmark.jwk.RsaJwk;
import dev.hallmark.jwk.Thumbprint;
import dev.hallmark.jws.JwsAlgorithm;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;

/** {@code hallmark jwk public|thumbprint|from-pem|to-pem}: conversions of one key or key set. */
@Command(name = "jwk", mixinStandardHelpOptions = true,
        description = "Converts and inspects keys. FILE may be a JWK, a JWK Set or PEM; - or nothing reads stdin.",
        subcommandsRepeatable = false,
        footer = {"%nExamples:",
            "  hallmark jwk public key.json > public.json",
            "  hallmark jwk thumbprint key.json",
            "  openssl genpkey -algorithm ed25519 | hallmark jwk from-pem",
            "  hallmark jwk to-pem key.json > key.pem",
            "%nExit codes: 0 success, 2 usage error (unreadable or unusable key), 3 internal error."})
final class JwkCommand implements java.util.concurrent.Callable<Integer> {

    private final CliContext ctx;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    JwkCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    /** {@code hallmark jwk} alone names no conversion: show the usage and fail as a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE;
    }

    @Command(name = "public", mixinStandardHelpOptions = true,
            description = {"Prints the public JWK (or JWK Set) of a private one; never includes private members.",
                "Symmetric keys have no public form and are left out of sets (refused when alone)."})
    int publicKey(@Parameters(arity = "0..1", paramLabel = "FILE|-") String file) {
        KeyFile keys = KeyFile.read(file, ctx, "jwk public");
        if (!keys.isSet()) {
            Jwk key = keys.keys().get(0);
            if (key instanceof OctJwk) {
                throw new UsageException("a symmetric (oct) key has no public form");
            }
            ctx.out().println(key.toPublicJwk().toPublicJson());
        } else {
            ctx.out().println(JwkSet.of(keys.keys()).toPublicJson());
        }
        return ExitCode.OK;
    }

    @Command(name = "thumbprint", mixinStandardHelpOptions = true,
            description = "Prints the RFC 7638 SHA-256 thumbprint (base64url); one line per key of a set.")
    int thumbprint(@Parameters(arity = "0..1", paramLabel = "FILE|-") String file,
                   @Option(names = "--uri", description = "Print the RFC 9278 thumbprint URI instead.") boolean uri) {
        for (Jwk key : KeyFile.read(file, ctx, "jwk thumbprint").keys()) {
            ctx.out().println(uri ? Thumbprint.uriOf(key) : Thumbprint.of(key));
        }
        return ExitCode.OK;
    }

    @Command(name = "from-pem", mixinStandardHelpOptions = true,
            description = {"Converts PEM (PKCS#8, SPKI, X.509 certificate, PKCS#1 RSA, SEC 1 EC) to a JWK.",
                "A private key gives a private JWK (a secret); a certificate chain becomes x5c."})
    int fromPem(@Parameters(arity = "0..1", paramLabel = "FILE|-") String file,
                @Option(names = "--kid", paramLabel = "KID", description = "Key id (default: none).") String kid,
                @Option(names = "--alg", paramLabel = "ALG", description = "Algorithm to bind the key to.") String alg,
                @Option(names = "--use", paramLabel = "USE", description = "sig or enc.") String use) {
        KeyFile keys = KeyFile.read(file, ctx, "jwk from-pem");
        Jwk key = keys.single(null, "jwk from-pem");
        if (kid != null) {
            key = key.withKeyId(kid);
        }
        if (alg != null) {
            checkFits(key, alg);
            key = key.withAlgorithm(alg);
        }
        if (use != null) {
            if (!use.equals("sig") && !use.equals("enc")) {
                throw new UsageException("--use " + use + ": expected sig or enc");
            }
            key = key.withUse(use);
        }
        ctx.out().println(key.isPrivate() ? key.toPrivateJson() : key.toPublicJson());
        return ExitCode.OK;
    }

    /** A key bound to an algorithm it cannot serve is unusable: refuse to write it (core does not check this). */
    private static void checkFits(Jwk key, String alg) {
        boolean fits;
        var jws = JwsAlgorithm.fromName(alg);
        if (jws.isPresent()) {
            fits = jws.get().keyType().equals(key.keyType())
                    && jws.get().curve().map(c -> key instanceof EcJwk ec && ec.curveName().equals(c)).orElse(true)
                    && !(key instanceof OkpJwk okp && !okp.curveName().startsWith("Ed"));
        } else if (alg.startsWith("RSA")) {
            fits = key instanceof RsaJwk;
        } else if (alg.startsWith("ECDH-ES")) {
            fits = key instanceof EcJwk || key instanceof OkpJwk okp && okp.curveName().startsWith("X");
        } else {
            fits = key instanceof OctJwk;
        }
        if (!fits) {
            throw new UsageException("--alg " + alg + ": does not fit this " + key.keyType()
                    + (key instanceof EcJwk ec ? " " + ec.curveName() : key instanceof OkpJwk okp ? " " + okp.curveName() : "")
                    + " key");
        }
    }

    @Command(name = "to-pem", mixinStandardHelpOptions = true,
            description = {"Converts a JWK to PEM: PKCS#8 for a private key (a secret), SPKI for a public one.",
                "With --public, the SPKI of a private key."})
    int toPem(@Parameters(arity = "0..1", paramLabel = "FILE|-") String file,
              @Option(names = "--public", description = "Write the public key even for a private JWK.") boolean publicOnly,
              @Option(names = "--kid", paramLabel = "KID", description = "Which key of a JWK Set.") String kid) {
        Jwk key = KeyFile.read(file, ctx, "jwk to-pem").single(kid, "jwk to-pem");
        if (key instanceof OctJwk) {
            throw new UsageException("a symmetric (oct) key has no PEM form");
        }
        List<String> out = new ArrayList<>();
        out.add(key.isPrivate() && !publicOnly ? Pem.writePrivateKey(key) : Pem.writePublicKey(key));
        ctx.out().print(String.join("", out));
        return ExitCode.OK;
    }
}
