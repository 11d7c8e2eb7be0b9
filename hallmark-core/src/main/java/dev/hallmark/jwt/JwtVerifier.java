package dev.hallmark.jwt;

import dev.hallmark.JoseException;
import dev.hallmark.Limits;
import dev.hallmark.Reason;
import dev.hallmark.internal.access.JwsAccess;
import dev.hallmark.internal.http.HttpFetcher;
import dev.hallmark.jwk.Jwk;
import dev.hallmark.jwk.JwkMatcher;
import dev.hallmark.jwk.KeySource;
import dev.hallmark.jwk.RemoteJwkSet;
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
import java.util.function.Consumer;

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
 *
 * <p>A verifier built with {@link Builder#issuerDiscovery(String)} owns the {@link RemoteJwkSet} it made and stops its
 * background refresh on {@link #close()}; key sources and revocation checks passed in stay the caller's to close.
 */
public final class JwtVerifier implements AutoCloseable {

    /** The claims RFC 9068 §2.2 makes REQUIRED in a JWT access token. */
    static final List<String> ACCESS_TOKEN_CLAIMS = List.of("iss", "exp", "aud", "sub", "client_id", "iat", "jti");

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
    private final AutoCloseable owned;
    private final KeySource keys;
    private final VerifiedJwtCache cache;

    private JwtVerifier(Builder b, KeySource keys, String pinnedIssuer, AutoCloseable owned) {
        JwsVerifier.Builder jb = JwsVerifier.builder().keys(keys).limits(b.limits).rejectUnencodedPayload();
        if (b.policy != null) {
            jb.algorithms(b.policy);
        }
        this.jws = jb.build();
        this.limits = b.limits;
        this.clock = b.clock;
        this.leeway = b.leeway;
        this.issuers = pinnedIssuer != null ? Set.of(pinnedIssuer) : b.ignoreIssuer ? null : Set.copyOf(b.issuers);
        this.audiences = b.ignoreAudience ? null : Set.copyOf(b.audiences);
        this.type = b.accessTokenProfile ? "at+jwt" : b.type;
        List<String> required = new ArrayList<>(b.requiredClaims);
        if (b.accessTokenProfile) {
            ACCESS_TOKEN_CLAIMS.stream().filter(c -> !required.contains(c)).forEach(required::add);
        }
        this.requiredClaims = List.copyOf(required);
        this.requireExpiration = !b.allowMissingExpiration;
        this.revocation = b.revocation;
        this.owned = owned;
        this.keys = keys;
        this.cache = b.cacheEntries > 0 ? new VerifiedJwtCache(b.cacheEntries, b.limits.maxTokenBytes()) : null;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Verifies a compact JWT; throws {@link JoseException} with the reason of the first failed step. With
     * {@link Builder#verifiedTokenCache(int)} the answer is the same, only faster for a token seen before.
     */
    public VerifiedJwt verify(String token) {
        Objects.requireNonNull(token, "token");
        VerifiedJwtCache c = cache;
        VerifiedJwtCache.Key key = c == null ? null : c.keyOf(token);
        if (key == null) {
            return verifyFully(token);
        }
        VerifiedJwtCache.Entry hit = c.get(key);
        if (hit != null) {
            if (sameKeySelected(hit)) {
                return recheck(c, key, hit);
            }
            c.remove(key);
        }
        VerifiedJwt verified = verifyFully(token);
        remember(c, key, verified);
        return verified;
    }

    private VerifiedJwt verifyFully(String token) {
        VerifiedJws verified = jws.verify(token);
        JwsHeader header = verified.header();
        // 8. only now is the payload parsed
        // the verified payload's own array, which nothing changes: the claims may keep their strings in it
        Claims claims = Claims.parseOwned(JwsAccess.payload(verified), limits);
        // 9. claims
        checkTime(claims);
        checkIssuer(claims);
        checkAudience(claims);
        checkType(header);
        for (String name : requiredClaims) {
            if (claims.asMap().get(name) == null) {
                throw new JoseException(Reason.MISSING_CLAIM, "required claim \"" + name + "\" is missing");
            }
        }
        // 10. revocation
        checkRevocation(claims);
        return new VerifiedJwt(token, header, claims, verified.algorithm(), verified.key());
    }

    private void checkRevocation(Claims claims) {
        if (revocation != null && revocation.isRevoked(claims)) {
            throw new JoseException(Reason.REVOKED, "token was revoked");
        }
    }

    /**
     * A cached token passed steps 1 to 5 and the issuer, audience, type and required-claims checks, none of which
     * depend on anything but the token and this verifier's settings. Key selection depends on the key source: the
     * source must still select the very key object that verified it (step 6; a changed set gives new objects, and a
     * failing source throws here just as it would in a full verification). Time and revocation are re-checked in
     * pipeline order.
     */
    private boolean sameKeySelected(VerifiedJwtCache.Entry hit) {
        List<Jwk> selected = keys.select(hit.matcher());
        return selected.size() == 1 && selected.get(0) == hit.selectedKey();
    }

    private VerifiedJwt recheck(VerifiedJwtCache c, VerifiedJwtCache.Key key, VerifiedJwtCache.Entry hit) {
        Claims claims = hit.jwt().claims();
        try {
            checkTime(claims);
            checkRevocation(claims);
        } catch (JoseException e) {
            if (e.reason() == Reason.EXPIRED || e.reason() == Reason.REVOKED) {
                c.remove(key);
            }
            throw e;
        }
        return hit.jwt();
    }

    /**
     * Stores a success whose key can be re-selected cheaply: tokens with a {@code kid} (exactly one key then decides)
     * and an {@code exp} (bounding the entry's life). Others are verified fully every time.
     */
    private void remember(VerifiedJwtCache c, VerifiedJwtCache.Key key, VerifiedJwt verified) {
        String kid = verified.header().keyId().orElse(null);
        if (kid == null || verified.claims().expiresAt().isEmpty()) {
            return;
        }
        JwkMatcher matcher = JwkMatcher.forVerification(kid);
        List<Jwk> selected;
        try {
            selected = keys.select(matcher);
        } catch (JoseException e) {
            return;
        }
        if (selected.size() != 1) {
            return;
        }
        Jwk source = selected.get(0);
        Jwk used = source.isPrivate() && !source.keyType().equals("oct") ? source.toPublicJwk() : source;
        // the set may have changed since the signature check; remember only the key that verified
        if (used.equals(verified.key())) {
            c.put(key, new VerifiedJwtCache.Entry(verified, matcher, source));
        }
    }

    /** The cache, for tests in this package; null when none was configured. */
    VerifiedJwtCache cache() {
        return cache;
    }

    /** Stops what this verifier made itself (the key set of {@link Builder#issuerDiscovery}); idempotent. */
    @Override
    public void close() {
        if (owned != null) {
            try {
                owned.close();
            } catch (Exception e) {
                // RemoteJwkSet.close() throws nothing; nothing else is owned
            }
        }
    }

    private void checkTime(Claims claims) {
        Instant now = clock.instant();
        boolean noLeeway = leeway.isZero();
        Instant exp = claims.expiresAtOrNull();
        if (exp == null) {
            if (requireExpiration) {
                throw new JoseException(Reason.MISSING_CLAIM, "claim \"exp\" is required");
            }
        } else if (!now.isBefore(noLeeway ? exp : exp.plus(leeway))) {
            // claim values stay out of messages (JoseException): say which check failed, not the token's times
            throw new JoseException(Reason.EXPIRED, "token is past its \"exp\"" + leewayNote() + " (RFC 7519 §4.1.4)");
        }
        Instant nbf = claims.notBeforeOrNull();
        if (nbf != null && (noLeeway ? now : now.plus(leeway)).isBefore(nbf)) {
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
        String iss = claims.issuerOrNull();
        if (iss == null) {
            throw new JoseException(Reason.ISSUER_MISMATCH, "token has no \"iss\" but an issuer is expected");
        }
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
        private boolean accessTokenProfile;
        private String discoveryIssuer;
        private Consumer<RemoteJwkSet.Builder> discoverySettings;
        private int cacheEntries;
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

        /**
         * The JWT access-token profile (RFC 9068 §4): header {@code typ} {@code at+jwt} (or its full form
         * {@code application/at+jwt}, the same media type) and the claims {@code iss}, {@code exp}, {@code aud},
         * {@code sub}, {@code client_id}, {@code iat} and {@code jti} required. The issuer and audience must still be
         * named (or come from {@link #issuerDiscovery}); ignoring either contradicts the profile.
         *
         * <pre>{@code
         * JwtVerifier.builder().issuerDiscovery("https://auth.example.com").expectAudience("orders-api")
         *         .accessTokenProfile().build();
         * }</pre>
         */
        public Builder accessTokenProfile() {
            this.accessTokenProfile = true;
            return this;
        }

        /**
         * Trusts the keys an issuer publishes: at {@link #build()} reads its metadata from
         * {@code /.well-known/oauth-authorization-server} (RFC 8414), falling back to
         * {@code /.well-known/openid-configuration}; requires its {@code issuer} to equal {@code issuer} exactly
         * (RFC 8414 §3.3); pins {@code iss} to it and verifies with a {@link RemoteJwkSet} on its {@code jwks_uri}
         * (on this builder's clock and limits). {@link #build()} fails with {@link IllegalStateException} when the
         * metadata cannot be read or does not match, and {@link IllegalArgumentException} when the issuer is not an
         * HTTPS URL (or HTTP to a loopback host).
         */
        public Builder issuerDiscovery(String issuer) {
            return issuerDiscovery(issuer, settings -> { });
        }

        /** {@link #issuerDiscovery(String)} with settings for the {@link RemoteJwkSet} it makes (cache times, ...). */
        public Builder issuerDiscovery(String issuer, Consumer<RemoteJwkSet.Builder> jwksSettings) {
            this.discoveryIssuer = Objects.requireNonNull(issuer, "issuer");
            this.discoverySettings = Objects.requireNonNull(jwksSettings, "jwksSettings");
            return this;
        }

        /**
         * Remembers up to {@code maxEntries} verified tokens (by SHA-256 of the token) so a token presented again
         * skips parsing and the signature check; {@code exp}/{@code nbf} (with leeway) and the revocation check
         * re-run on every hit, and a hit counts only while the key source still selects the same key object (a
         * refetched, changed {@link RemoteJwkSet} invalidates). Results are identical to an uncached verifier's.
         * Tokens without {@code kid} or {@code exp} are never cached. Off by default.
         *
         * <pre>{@code
         * JwtVerifier.builder()...verifiedTokenCache(10_000).build();
         * }</pre>
         */
        public Builder verifiedTokenCache(int maxEntries) {
            if (maxEntries <= 0) {
                throw new IllegalArgumentException("verifiedTokenCache needs a positive size, got " + maxEntries);
            }
            this.cacheEntries = maxEntries;
            return this;
        }

        public JwtVerifier build() {
            List<String> all = new ArrayList<>(problems);
            if (discoveryIssuer != null) {
                if (keys != null) {
                    all.add("issuerDiscovery(..) and keys(..) contradict each other: discovery supplies the keys");
                }
                if (!issuers.isEmpty() || ignoreIssuer) {
                    all.add("issuerDiscovery(..) pins the issuer: drop expectIssuer(..)/ignoreIssuer()");
                }
            } else if (keys == null) {
                all.add("no trusted keys: call keys(..) or key(..)");
            }
            if (accessTokenProfile) {
                if (ignoreIssuer || ignoreAudience) {
                    all.add("accessTokenProfile() requires checking the issuer and audience (RFC 9068 §4)");
                }
                if (allowMissingExpiration) {
                    all.add("accessTokenProfile() requires \"exp\" (RFC 9068 §2.2); drop allowMissingExpiration()");
                }
                if (type != null && !JwsHeader.sameMediaType(type, "at+jwt")) {
                    all.add("accessTokenProfile() requires typ at+jwt, not " + type);
                }
            }
            boolean issuerDecided = !issuers.isEmpty() || ignoreIssuer || discoveryIssuer != null;
            if (!issuerDecided) {
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
            if (discoveryIssuer == null) {
                return new JwtVerifier(this, keys, null, null);
            }
            return buildDiscovered();
        }

        private JwtVerifier buildDiscovered() {
            HttpFetcher fetcher = new HttpFetcher(null, HttpFetcher.DEFAULT_CONNECT_TIMEOUT,
                    HttpFetcher.DEFAULT_READ_TIMEOUT, limits.maxJwkSetBytes());
            IssuerDiscovery.Metadata metadata = IssuerDiscovery.discover(discoveryIssuer, fetcher, limits);
            RemoteJwkSet.Builder jwks = RemoteJwkSet.builder(metadata.jwksUri()).clock(clock).limits(limits);
            discoverySettings.accept(jwks);
            RemoteJwkSet remote = jwks.build();
            return new JwtVerifier(this, remote, metadata.issuer(), remote);
        }
    }
}
