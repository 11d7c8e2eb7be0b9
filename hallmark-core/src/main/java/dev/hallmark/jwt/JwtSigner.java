package dev.hallmark.jwt;

import dev.hallmark.internal.json.JsonOutput;
import dev.hallmark.internal.json.JsonWriter;
import dev.hallmark.jwk.Jwk;
import dev.hallmark.jws.JwsAlgorithm;
import dev.hallmark.jws.JwsHeader;
import dev.hallmark.jws.JwsSigner;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Signs claims as a compact JWT. The key fixes {@code alg} and {@code kid}; {@code iat} is stamped from the clock
 * when the claims lack it. Immutable and thread-safe.
 *
 * <pre>{@code
 * JwtSigner signer = JwtSigner.builder(privateJwk).expiresAfter(Duration.ofMinutes(15)).build();
 * String token = signer.sign(Claims.builder().issuer("https://auth.example.com").subject("user-42")
 *         .audience("orders-api").build());
 * }</pre>
 */
public final class JwtSigner {

    /** Enough for a typical access token's claims, so the buffer rarely grows. */
    private static final int PAYLOAD_CAPACITY = 512;

    private final JwsSigner jws;
    private final Clock clock;
    private final Duration lifetime;

    private JwtSigner(Builder b) {
        JwsHeader.Builder header = JwsHeader.builder();
        if (b.type != null) {
            header.type(b.type);
        }
        b.headerParameters.forEach(header::parameter);
        JwsSigner.Builder jwsBuilder = JwsSigner.builder(b.key).header(header.build());
        if (b.algorithm != null) {
            jwsBuilder.algorithm(b.algorithm);
        }
        this.jws = jwsBuilder.build();
        this.clock = b.clock;
        this.lifetime = b.lifetime;
    }

    public static Builder builder(Jwk key) {
        return new Builder(key);
    }

    public JwsAlgorithm algorithm() {
        return jws.algorithm();
    }

    /** The compact JWT of these claims, with {@code iat} (and {@code exp}, if a lifetime is set) added when absent. */
    public String sign(Claims claims) {
        Map<String, Object> values = claims.asMap();
        JsonOutput json = new JsonOutput(PAYLOAD_CAPACITY);
        // the claims were checked when they were built, so they are written as they are rather than copied into a
        // builder and checked again; iat and exp follow them, in this order, as Claims.Builder would put them
        JsonWriter.startObject(json);
        JsonWriter.members(json, values);
        boolean stampIat = !values.containsKey("iat");
        boolean stampExp = lifetime != null && !values.containsKey("exp");
        if (stampIat || stampExp) {
            Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            if (stampIat) {
                JsonWriter.member(json, "iat", NumericDate.toJson(now));
            }
            if (stampExp) {
                JsonWriter.member(json, "exp", NumericDate.toJson(now.plus(lifetime)));
            }
        }
        JsonWriter.endObject(json);
        return jws.sign(json.buffer(), 0, json.size());
    }

    @Override
    public String toString() {
        return "JwtSigner{" + jws + "}";
    }

    /** Builds a {@link JwtSigner}; {@code typ} defaults to {@code JWT}. */
    public static final class Builder {
        private final Jwk key;
        private JwsAlgorithm algorithm;
        private String type = "JWT";
        private Clock clock = Clock.systemUTC();
        private Duration lifetime;
        private final Map<String, Object> headerParameters = new LinkedHashMap<>();

        private Builder(Jwk key) {
            this.key = Objects.requireNonNull(key, "key");
        }

        /** For a key without {@code alg}: the algorithm to use (else the default for its type). */
        public Builder algorithm(JwsAlgorithm value) {
            this.algorithm = Objects.requireNonNull(value, "algorithm");
            return this;
        }

        /** The header {@code typ}, e.g. {@code at+jwt} for RFC 9068 access tokens; null to leave it out. */
        public Builder type(String value) {
            this.type = value;
            return this;
        }

        /** Another protected header parameter. */
        public Builder headerParameter(String name, Object value) {
            headerParameters.put(name, value);
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** Sets {@code exp} to {@code iat} plus this lifetime for claims that carry no {@code exp}. */
        public Builder expiresAfter(Duration value) {
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("lifetime must be positive");
            }
            this.lifetime = value;
            return this;
        }

        public JwtSigner build() {
            return new JwtSigner(this);
        }
    }
}
