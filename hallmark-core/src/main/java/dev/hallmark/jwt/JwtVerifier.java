package dev.hallmark.jwt;

import dev.hallmark.JoseException;
import dev.hallmark.Limits;
import dev.hallmark.Reason;
import dev.hallmark.jwk.Jwk;
import dev.hallmark.jwk.KeySource;
import dev.hallmark.jws.AlgorithmPolicy;
import dev.hallmark.jws.JwsHeader;
import dev.hallmark.jws.JwsVerifier;
import dev.hallmark.jws.VerifiedJws;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Verifies compact JWTs, always in this order: size, structure, header, {@code crit}, algorithm, key, signature,
 * then (only then) the claims: {@code exp}, {@code nbf}, {@code iss}, {@code aud}, {@code typ}, required claims,
 * and last the revocation check. Immutable and thread-safe: build once, share across threads.
 *
 * <pre>{@code
 * JwtVerifier verifier = JwtVerifier.builder()
 *         .keys(KeySource.of(JwkSet.parse(jwksJson)))
 *         .expectIssuer("https://auth.example.com")
 *         .expectAudience("orders-api")
 *         .build();
 * try {
 *     VerifiedJwt jwt = verifier.verify(token);
 * } catch (JoseException e) {
 *     log.info("token rejected: {}", e.reason());
 * }
 * }</pre>
 *
 * <p>Safe by default: {@link Builder#build()} fails unless the issuer and audience decisions were made explicitly,
 * {@code exp} is required unless {@link Builder#allowMissingExpiration()}, and leeway is at most 10 minutes.
 */
public final class JwtVerifier {

    /** The most clock-skew leeway a verifier may be given. */
    public static final Duration MAX_LEEWAY = Duration.ofMinutes(10);

    private final JwsVerifier jws;
    private final Limits limits;
    private final Clock clock;
    private final Duration leeway;
    private final Set<String> issuers;
    private final Set<String> audiences;
    private final String type;
    private final List<String> requiredClaims;
    private final boolean requireExpiration;
    private final RevocationCheck revocation;

    private JwtVerifier(Builder b) {
        JwsVerifier.Builder jb = JwsVerifier.builder().keys(b.keys).limits(b.limits).rejectUnencodedPayload();
        if (b.policy != null) {
            jb.algorithms(b.policy);
        }
        this.jws = jb.build();
        this.limits = b.limits;
        this.clock = b.clock;
        this.leeway = b.leeway;
        this.issuers = b.ignoreIssuer ? null : Set.copyOf(b.issuers);
        this.audiences = b.ignoreAudience ? null : Set.copyOf(b.audiences);
        this.type = b.type;
        this.requiredClaims = List.copyOf(b.requiredClaims);
        this.requireExpiration = !b.allowMissingExpiration;
        this.revocation = b.revocation;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Verifies a compact JWT; throws {@link JoseException} with the reason of the first failed step.
     */
    public VerifiedJwt verify(String token) {
        VerifiedJws verified = jws.verify(token);
        JwsHeader header = verified.header();
        // 8. only now is the payload parsed
        Claims claims = Claims.parse(verified.payload(), limits);
        // 9. claims
        checkTime(claims);
        checkIssuer(claims);
        checkAudience(claims);
        checkType(header);
        for (String name : requiredClaims) {
            if (claims.get(name).isEmpty()) {
                throw new JoseException(Reason.MISSING_CLAIM, "required claim \"" + name + "\" is missing");
            }
        }
        // 10. revocation
        if (revocation != null && revocation.isRevoked(claims)) {
            throw new JoseException(Reason.REVOKED, "token was revoked");
        }
        return new VerifiedJwt(token, header, claims, verified.algorithm(), verified.key());
    }

    private void checkTime(Claims claims) {
        Instant now = clock.instant();
        var exp = claims.expiresAt();
        if (exp.isEmpty()) {
            if (requireExpiration) {
                throw new JoseException(Reason.MISSING_CLAIM, "claim \"exp\" is required");
            }
        } else if (!now.isBefore(exp.get().plus(leeway))) {
            // claim values stay out of messages (JoseException): say which check failed, not the token's times
            throw new JoseException(Reason.EXPIRED, "token is past its \"exp\"" + leewayNote() + " (RFC 7519 §4.1.4)");
        }
        var nbf = claims.notBefore();
        if (nbf.isPresent() && now.plus(leeway).isBefore(nbf.get())) {
            throw new JoseException(Reason.NOT_YET_VALID, "token is before its \"nbf\"" + leewayNote() + " (RFC 7519 §4.1.5)");
        }
    }

    private String leewayNote() {
        return leeway.isZero() ? "" : " even with the leeway of " + leeway;
    }

    private void checkIssuer(Claims claims) {
        if (issuers == null) {
            return;
        }
        String iss = claims.issuer().orElseThrow(() ->
                new JoseException(Reason.ISSUER_MISMATCH, "token has no \"iss\" but an issuer is expected"));
        if (!issuers.contains(iss)) {
            throw new JoseException(Reason.ISSUER_MISMATCH, "token issuer is not one of the expected issuers");
        }
    }

    private void checkAudience(Claims claims) {
        if (audiences == null) {
            return;
        }
        List<String> aud = claims.audience();
        if (aud.isEmpty()) {
            throw new JoseException(Reason.AUDIENCE_MISMATCH, "token has no \"aud\" but an audience is expected");
        }
        for (String a : aud) {
            if (audiences.contains(a)) {
                return;
            }
        }
        throw new JoseException(Reason.AUDIENCE_MISMATCH, "token audience names none of the expected audiences (RFC 7519 §4.1.3)");
    }

    private void checkType(JwsHeader header) {
        if (type == null) {
            return;
        }
        String typ = header.type().orElseThrow(() ->
                new JoseException(Reason.TYPE_MISMATCH, "token has no \"typ\"; expected " + type + " (RFC 8725 §3.11)"));
        if (!JwsHeader.sameMediaType(typ, type)) {
            throw new JoseException(Reason.TYPE_MISMATCH, "token \"typ\" is not " + type + " (RFC 8725 §3.11)");
        }
    }

    /**
     * Builds a {@link JwtVerifier}. {@link #build()} throws {@link IllegalStateException} when keys are missing, the
     * issuer or audience decision was not made, or settings contradict each other.
     */
    public static final class Builder {
        private KeySource keys;
        private AlgorithmPolicy policy;
        private Limits limits = Limits.DEFAULT;
        private Clock clock = Clock.systemUTC();
        private Duration leeway = Duration.ZERO;
        private final Set<String> issuers = new LinkedHashSet<>();
        private boolean ignoreIssuer;
        private final Set<String> audiences = new LinkedHashSet<>();
        private boolean ignoreAudience;
        private String type;
        private final List<String> requiredClaims = new ArrayList<>();
        private boolean allowMissingExpiration;
        private RevocationCheck revocation;
        private final List<String> problems = new ArrayList<>();

        private Builder() {
        }

        /** The keys this verifier trusts. */
        public Builder keys(KeySource source) {
            this.keys = Objects.requireNonNull(source, "source");
            return this;
        }

        /** Trusts exactly this key. */
        public Builder key(Jwk key) {
            return keys(KeySource.of(key));
        }

        /** The accepted algorithms; without it, each key's own {@code alg} or type decides. */
        public Builder algorithms(AlgorithmPolicy value) {
            this.policy = Objects.requireNonNull(value, "policy");
            return this;
        }

        /** The issuers accepted in {@code iss}, compared exactly. */
        public Builder expectIssuer(String... values) {
            for (String v : values) {
                issuers.add(Objects.requireNonNull(v, "issuer"));
            }
            return this;
        }

        /** Accepts any issuer, or none. Say so only when the keys themselves identify the one issuer. */
        public Builder ignoreIssuer() {
            this.ignoreIssuer = true;
            return this;
        }

        /** The audiences of which {@code aud} must name at least one. */
        public Builder expectAudience(String... values) {
            for (String v : values) {
                audiences.add(Objects.requireNonNull(v, "audience"));
            }
            return this;
        }

        /** Accepts any audience, or none. */
        public Builder ignoreAudience() {
            this.ignoreAudience = true;
            return this;
        }

        /** Requires header {@code typ} to be this media type, e.g. {@code at+jwt} (RFC 8725 §3.11). */
        public Builder expectType(String value) {
            this.type = Objects.requireNonNull(value, "type");
            return this;
        }

        /** Claims that must be present (any value). */
        public Builder requireClaims(String... names) {
            for (String n : names) {
                requiredClaims.add(Objects.requireNonNull(n, "claim name"));
            }
            return this;
        }

        /** Accepts tokens without {@code exp}. Such tokens never expire: prefer short-lived ones. */
        public Builder allowMissingExpiration() {
            this.allowMissingExpiration = true;
            return this;
        }

        /** Clock-skew allowance for {@code exp} and {@code nbf}; between zero and {@link #MAX_LEEWAY}. */
        public Builder leeway(Duration value) {
            if (value.isNegative() || value.compareTo(MAX_LEEWAY) > 0) {
                problems.add("leeway must be between 0 and " + MAX_LEEWAY + ", got " + value);
            }
            this.leeway = value;
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        public Builder limits(Limits value) {
            this.limits = Objects.requireNonNull(value, "limits");
            return this;
        }

        /** The revocation hook, run last, only for tokens that passed every other check. */
        public Builder revocationCheck(RevocationCheck value) {
            this.revocation = Objects.requireNonNull(value, "revocationCheck");
            return this;
        }

        public JwtVerifier build() {
            List<String> all = new ArrayList<>(problems);
            if (keys == null) {
                all.add("no trusted keys: call keys(..) or key(..)");
            }
            if (issuers.isEmpty() && !ignoreIssuer) {
                all.add("issuer not decided: call expectIssuer(..) or ignoreIssuer()");
            }
            if (!issuers.isEmpty() && ignoreIssuer) {
                all.add("expectIssuer(..) and ignoreIssuer() contradict each other");
            }
            if (audiences.isEmpty() && !ignoreAudience) {
                all.add("audience not decided: call expectAudience(..) or ignoreAudience()");
            }
            if (!audiences.isEmpty() && ignoreAudience) {
                all.add("expectAudience(..) and ignoreAudience() contradict each other");
            }
            if (allowMissingExpiration && requiredClaims.contains("exp")) {
                all.add("allowMissingExpiration() and requireClaims(\"exp\") contradict each other");
            }
            if (!all.isEmpty()) {
                throw new IllegalStateException("JwtVerifier not built: " + String.join("; ", all));
            }
            return new JwtVerifier(this);
        }
    }
}
