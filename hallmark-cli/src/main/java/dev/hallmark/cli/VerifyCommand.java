package dev.hallmark.cli;

import dev.hallmark.JoseException;
import dev.hallmark.cli.support.CliContext;
import dev.hallmark.cli.support.Durations;
import dev.hallmark.cli.support.ExitCode;
import dev.hallmark.cli.support.Inputs;
import dev.hallmark.cli.support.JsonText;
import dev.hallmark.cli.support.KeyFile;
import dev.hallmark.cli.support.RemoteKeys;
import dev.hallmark.cli.support.UsageException;
import dev.hallmark.jwk.Jwk;
import dev.hallmark.jwk.JwkSet;
import dev.hallmark.jwk.KeySource;
import dev.hallmark.jws.AlgorithmPolicy;
import dev.hallmark.jws.JwsAlgorithm;
import dev.hallmark.jwt.JwtVerifier;
import dev.hallmark.jwt.VerifiedJwt;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code hallmark verify}: signature and claims of one token, or of one token per line from stdin. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Verifies a JWT's signature and claims and prints its payload JSON on one line.",
            "Without --alg the key decides: its alg if it has one, else the algorithms its type fits (never none,"
                + " never HMAC with an asymmetric key). exp and nbf are checked when present.",
            "With - as TOKEN, reads one token per line and prints one JSON line per token:",
            "  {\"valid\":true,\"claims\":{...}} or {\"valid\":false,\"reason\":\"REASON\",\"message\":\"...\"}"},
        footer = {"%nExamples:",
            "  hallmark verify --key public.json --iss https://auth.example.com --aud api eyJ...",
            "  hallmark verify --jwks https://auth.example.com/.well-known/jwks.json --typ at+jwt @token.txt",
            "  cat tokens.txt | hallmark verify --key key.pem -",
            "%nOn rejection: exit 1 and one line on stderr: rejected: REASON: message",
            "%nExit codes: 0 valid (every token, in batch mode), 1 rejected, 2 usage error, 3 internal error."})
final class VerifyCommand implements Callable<Integer> {

    private final CliContext ctx;

    static final class KeyOption {
        @Option(names = "--key", required = true, paramLabel = "FILE",
                description = "JWK, JWK Set or PEM (public or private; private keys are used through their public half).")
        String keyFile;

        @Option(names = "--jwks", required = true, paramLabel = "FILE|URL",
                description = "JWK Set file, or URL (https, or http on loopback; fetched once, no redirects).")
        String jwks;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    KeyOption keys;

    @Option(names = "--alg", paramLabel = "ALG", description = "Allowed algorithm; repeatable.")
    List<String> algorithms = new ArrayList<>();

    @Option(names = "--iss", paramLabel = "S", description = "Expected issuer (exact match).")
    String issuer;

    @Option(names = "--aud", paramLabel = "A", description = "Expected audience; the token must name it.")
    String audience;

    @Option(names = "--typ", paramLabel = "T", description = "Expected header typ, e.g. at+jwt.")
    String type;

    @Option(names = "--leeway", paramLabel = "DURATION", defaultValue = "0s",
            description = "Clock skew allowed for exp and nbf (default ${DEFAULT-VALUE}, at most 10m).")
    String leeway;

    @Option(names = "--require", paramLabel = "CLAIM", description = "A claim that must be present; repeatable.")
    List<String> required = new ArrayList<>();

    @Parameters(arity = "0..1", paramLabel = "TOKEN|@FILE|-", description = "The token; - reads one per line from stdin.")
    String token;

    VerifyCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        JwtVerifier verifier = verifier();
        if (token == null || token.equals("-")) {
            return batch(verifier);
        }
        String t = Inputs.textArgument(token, ctx, "TOKEN");
        VerifiedJwt jwt = verifier.verify(t);
        ctx.out().println(JsonText.compact(jwt.claims().asMap()));
        return ExitCode.OK;
    }

    private int batch(JwtVerifier verifier) {
        String all = new String(Inputs.readStdin(ctx, "tokens"), StandardCharsets.UTF_8);
        boolean allValid = true;
        int count = 0;
        for (String line : all.split("\r?\n")) {
            if (line.isBlank()) {
                continue;
            }
            count++;
            Map<String, Object> result = new LinkedHashMap<>();
            try {
                VerifiedJwt jwt = verifier.verify(line.strip());
                result.put("valid", true);
                result.put("claims", jwt.claims().asMap());
            } catch (JoseException e) {
                allValid = false;
                result.put("valid", false);
                result.put("reason", e.reason().name());
                String m = e.getMessage();
                result.put("message", m.startsWith(e.reason().name() + ": ") ? m.substring(e.reason().name().length() + 2) : m);
            }
            ctx.out().println(JsonText.compact(result));
        }
        if (count == 0) {
            throw new UsageException("no token on standard input");
        }
        return allValid ? ExitCode.OK : ExitCode.REJECTED;
    }

    private JwtVerifier verifier() {
        KeyFile file;
        if (keys.keyFile != null) {
            file = KeyFile.read(keys.keyFile, ctx, "--key");
        } else if (RemoteKeys.isUrl(keys.jwks)) {
            file = RemoteKeys.fetch(keys.jwks);
        } else {
            file = KeyFile.read(keys.jwks, ctx, "--jwks");
        }
        for (String s : file.skipped()) {
            ctx.err().println("warning: skipped a key: " + s);
        }
        List<Jwk> trusted = new ArrayList<>();
        for (Jwk k : file.keys()) {
            trusted.add(k.isPrivate() && !k.keyType().equals("oct") ? k.toPublicJwk() : k);
        }
        JwtVerifier.Builder b = JwtVerifier.builder().clock(ctx.clock());
        if (!required.contains("exp")) {
            b.allowMissingExpiration();
        }
        try {
            b.keys(KeySource.of(JwkSet.of(trusted)));
        } catch (IllegalArgumentException e) {
            throw new UsageException("keys: " + e.getMessage());
        }
        if (!algorithms.isEmpty()) {
            EnumSet<JwsAlgorithm> set = EnumSet.noneOf(JwsAlgorithm.class);
            for (String a : algorithms) {
                set.add(JwsAlgorithm.fromName(a).orElseThrow(() ->
                        new UsageException("--alg " + a + ": not a JWS algorithm")));
            }
            b.algorithms(AlgorithmPolicy.of(set));
        }
        if (issuer != null) {
            b.expectIssuer(issuer);
        } else {
            b.ignoreIssuer();
        }
        if (audience != null) {
            b.expectAudience(audience);
        } else {
            b.ignoreAudience();
        }
        if (type != null) {
            b.expectType(type);
        }
        b.requireClaims(required.toArray(String[]::new));
        java.time.Duration skew = Durations.parse(leeway, "--leeway");
        if (skew.isNegative() || skew.compareTo(JwtVerifier.MAX_LEEWAY) > 0) {
            throw new UsageException("--leeway " + leeway + ": must be between 0s and 10m");
        }
        b.leeway(skew);
        try {
            return b.build();
        } catch (IllegalStateException e) {
            throw new UsageException(e.getMessage().replace("JwtVerifier not built: ", ""));
        }
    }
}
