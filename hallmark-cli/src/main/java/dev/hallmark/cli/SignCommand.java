package dev.hallmark.cli;

import dev.hallmark.JoseException;
import dev.hallmark.cli.support.ClaimArguments;
import dev.hallmark.cli.support.CliContext;
import dev.hallmark.cli.support.Durations;
import dev.hallmark.cli.support.ExitCode;
import dev.hallmark.cli.support.KeyFile;
import dev.hallmark.cli.support.UsageException;
import dev.hallmark.jwk.Jwk;
import dev.hallmark.jws.JwsAlgorithm;
import dev.hallmark.jwt.Claims;
import dev.hallmark.jwt.JwtSigner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code hallmark sign}: a compact JWT from flags and JSON. */
@Command(name = "sign", mixinStandardHelpOptions = true,
        description = {"Prints a compact signed JWT. iat is set to now; the header carries the key's kid.",
            "Claims come from --claims, then the registered-claim flags, then --claim (later wins)."},
        footer = {"%nExamples:",
            "  hallmark sign --key key.json --iss https://auth.example.com --sub alice --aud api --exp 15m",
            "  hallmark sign --key key.pem --alg RS256 --claim roles='[\"admin\"]' --claim tenant=42 --jti",
            "  hallmark sign --key key.json --claims @claims.json --typ at+jwt",
            "%nExit codes: 0 success, 2 usage error (bad flags, unusable key, bad claims JSON), 3 internal error."})
final class SignCommand implements Callable<Integer> {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final CliContext ctx;

    @Option(names = "--key", required = true, paramLabel = "FILE",
            description = "Private JWK, JWK Set (with --kid if several) or PEM private key; - reads stdin.")
    String keyFile;

    @Option(names = "--alg", paramLabel = "ALG",
            description = "Algorithm, when the key does not name one (default: by key type, RS256/HS256 for RSA/oct).")
    String alg;

    @Option(names = "--kid", paramLabel = "KID", description = "Key id for the header (selects the key in a set).")
    String kid;

    @Option(names = "--typ", paramLabel = "TYP", defaultValue = "JWT", description = "Header typ (default: ${DEFAULT-VALUE}).")
    String typ;

    @Option(names = "--iss", paramLabel = "S", description = "Issuer claim.")
    String issuer;

    @Option(names = "--sub", paramLabel = "S", description = "Subject claim.")
    String subject;

    @Option(names = "--aud", paramLabel = "A", description = "Audience; repeat for several (written as an array).")
    List<String> audiences = new ArrayList<>();

    @Option(names = "--exp", paramLabel = "DURATION", description = "Expires after this long, e.g. 15m, 1h, 7d.")
    String exp;

    @Option(names = "--nbf", paramLabel = "DURATION", description = "Not valid before now plus this, e.g. 0s, 5m.")
    String nbf;

    @Option(names = "--jti", description = "Add a random jti (128 bits, base64url).")
    boolean jti;

    @Option(names = "--claim", paramLabel = "NAME=VALUE",
            description = "A claim; VALUE is taken as JSON when it parses as JSON, else as a string. Repeatable.")
    List<String> claims = new ArrayList<>();

    @Option(names = "--claims", paramLabel = "JSON|@FILE", description = "A JSON object of claims, inline or @file.")
    String claimsJson;

    SignCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        KeyFile file = KeyFile.read(keyFile, ctx, "--key");
        // --kid selects the key of a JWK Set; for a file of one key it names that key in the header.
        Jwk key = file.single(file.isSet() ? kid : null, "--key " + keyFile);
        if (!key.isPrivate()) {
            throw new UsageException("--key " + keyFile + ": signing needs a private key, this one is public");
        }
        if (kid != null) {
            key = key.withKeyId(kid);
        }
        Clock clock = ctx.clock();
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Claims.Builder b = Claims.builder();
        if (claimsJson != null) {
            for (Map.Entry<String, Object> e : ClaimArguments.parseObject(claimsJson, ctx).entrySet()) {
                b.claim(e.getKey(), e.getValue());
            }
        }
        b.issuedAt(now);
        if (issuer != null) {
            b.issuer(issuer);
        }
        if (subject != null) {
            b.subject(subject);
        }
        if (audiences.size() == 1) {
            b.audience(audiences.get(0));
        } else if (audiences.size() > 1) {
            b.audience(audiences);
        }
        if (exp != null) {
            b.expiresAt(at(now, exp, "--exp"));
        }
        if (nbf != null) {
            b.notBefore(at(now, nbf, "--nbf"));
        }
        if (jti) {
            byte[] id = new byte[16];
            RANDOM.nextBytes(id);
            b.jwtId(java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(id));
        }
        for (String c : claims) {
            Map.Entry<String, Object> e = ClaimArguments.parseClaim(c);
            b.claim(e.getKey(), e.getValue());
        }
        JwtSigner signer;
        try {
            JwtSigner.Builder sb = JwtSigner.builder(key).clock(clock).type(typ);
            if (alg != null) {
                JwsAlgorithm a = JwsAlgorithm.fromName(alg).orElseThrow(() ->
                        new UsageException("--alg " + alg + ": not a JWS algorithm"));
                if (key.algorithm().filter(ka -> !ka.equals(alg)).isPresent()) {
                    throw new UsageException("--alg " + alg + ": the key is bound to " + key.algorithm().get());
                }
                sb.algorithm(a);
            }
            signer = sb.build();
        } catch (IllegalArgumentException | JoseException e) {
            throw new UsageException("--key " + keyFile + ": cannot sign with this key: " + e.getMessage());
        }
        Claims built;
        try {
            built = b.build();
        } catch (IllegalArgumentException | JoseException e) {
            throw new UsageException("claims: " + e.getMessage());
        }
        ctx.out().println(signer.sign(built));
        return ExitCode.OK;
    }

    /** Now plus a duration, refused as a usage error when it leaves the NumericDate range (year 0..9999). */
    private static Instant at(Instant now, String duration, String option) {
        try {
            Instant t = now.plus(Durations.parse(duration, option));
            if (t.isBefore(Instant.EPOCH) || t.isAfter(Instant.parse("9999-12-31T23:59:59Z"))) {
                throw new UsageException(option + " " + duration + ": the time would be " + t
                        + ", outside 1970..9999");
            }
            return t;
        } catch (java.time.DateTimeException | ArithmeticException e) {
            throw new UsageException(option + " " + duration + ": the time would be out of range");
        }
    }
}
