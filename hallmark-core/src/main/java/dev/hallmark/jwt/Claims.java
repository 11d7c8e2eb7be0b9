package dev.hallmark.jwt;

import dev.hallmark.JoseException;
import dev.hallmark.Limits;
import dev.hallmark.Reason;
import dev.hallmark.internal.json.JsonWriter;
import dev.hallmark.internal.json.StrictJson;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A JWT claims set (RFC 7519 §4): immutable, with typed accessors for the registered claims and for custom claims
 * of any JSON type. The registered claims' types were checked when the set was made.
 *
 * <pre>{@code
 * Claims claims = Claims.builder()
 *         .issuer("https://auth.example.com")
 *         .subject("user-42")
 *         .audience("orders-api")
 *         .expiresAt(clock.instant().plus(Duration.ofMinutes(15)))
 *         .claim("roles", List.of("admin"))
 *         .build();
 * List<String> roles = claims.getStringList("roles").orElse(List.of());
 * }</pre>
 */
public final class Claims {

    private final Map<String, Object> values;
    // the registered claims, type-checked and converted once: a verifier reads each of them on every token
    private final String issuer;
    private final Instant expiresAt;
    private final Instant notBefore;
    private final Instant issuedAt;
    private final List<String> audience;

    /** {@code unmodifiable}: a map nobody else holds a writable view of, unmodifiable all the way down. */
    private Claims(Map<String, Object> unmodifiable) {
        this.values = unmodifiable;
        for (String name : STRING_CLAIMS) {
            if (!StrictJson.absentOrString(values, name)) {
                throw new JoseException(Reason.MALFORMED, "claim \"" + name + "\" must be a string (RFC 7519 §4.1)");
            }
        }
        this.issuer = (String) values.get("iss");
        this.expiresAt = date("exp");
        this.notBefore = date("nbf");
        this.issuedAt = date("iat");
        this.audience = readAudience();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Parses a claims set from JSON under {@code limits}; registered claims of the wrong type are {@code MALFORMED}. */
    public static Claims parse(byte[] json, Limits limits) {
        // the parser's map is fresh and unmodifiable all the way down: no copy needed
        return new Claims(StrictJson.parseObject(json, limits, "JWT claims"));
    }

    /**
     * {@link #parse(byte[], Limits)} of an array nobody changes afterwards (a verified payload's own copy): the
     * claims may keep their plain strings in it and make each on first read.
     */
    static Claims parseOwned(byte[] json, Limits limits) {
        return new Claims(StrictJson.parseRetained(json, limits, "JWT claims"));
    }

    public static Claims parse(String json) {
        return parse(json.getBytes(java.nio.charset.StandardCharsets.UTF_8), Limits.DEFAULT);
    }

    private static final List<String> STRING_CLAIMS = List.of("iss", "sub", "jti");

    /** A registered NumericDate claim, null when absent; present with another type (JSON null too) is MALFORMED. */
    private Instant date(String name) {
        Object v = values.get(name);
        if (v == null && !values.containsKey(name)) {
            return null;
        }
        return NumericDate.parse(name, v);
    }

    public Optional<String> issuer() {
        return Optional.ofNullable(issuer);
    }

    public Optional<String> subject() {
        return getString("sub");
    }

    /** The audiences: {@code aud} as a string or an array of strings (RFC 7519 §4.1.3); empty when absent. */
    public List<String> audience() {
        return audience;
    }

    private List<String> readAudience() {
        Object v = values.get("aud");
        if (v == null) {
            if (values.containsKey("aud")) {
                throw new JoseException(Reason.MALFORMED, "claim \"aud\" must be a string or an array of strings");
            }
            return List.of();
        }
        if (v instanceof String s) {
            return List.of(s);
        }
        if (v instanceof List<?> list) {
            List<String> out = new ArrayList<>(list.size());
            for (Object o : list) {
                if (!(o instanceof String s)) {
                    throw new JoseException(Reason.MALFORMED, "claim \"aud\" must be a string or an array of strings (RFC 7519 §4.1.3)");
                }
                out.add(s);
            }
            return List.copyOf(out);
        }
        throw new JoseException(Reason.MALFORMED, "claim \"aud\" must be a string or an array of strings (RFC 7519 §4.1.3)");
    }

    public Optional<Instant> expiresAt() {
        return Optional.ofNullable(expiresAt);
    }

    public Optional<Instant> notBefore() {
        return Optional.ofNullable(notBefore);
    }

    public Optional<Instant> issuedAt() {
        return Optional.ofNullable(issuedAt);
    }

    /** {@code exp}, or null: for the verifier's per-token checks, without an {@code Optional} per read. */
    Instant expiresAtOrNull() {
        return expiresAt;
    }

    Instant notBeforeOrNull() {
        return notBefore;
    }

    String issuerOrNull() {
        return issuer;
    }

    public Optional<String> jwtId() {
        return getString("jti");
    }

    public boolean contains(String name) {
        return values.containsKey(name);
    }

    /**
     * Any claim as parsed JSON: {@code String}, {@code Boolean}, {@code Long}, {@code BigInteger},
     * {@code BigDecimal}, {@code Map<String,Object>} or {@code List<Object>}. Empty for absent and JSON null.
     */
    public Optional<Object> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /** A string claim; {@code MALFORMED} when present with another type. */
    public Optional<String> getString(String name) {
        return typed(name, String.class, "a string");
    }

    public Optional<Boolean> getBoolean(String name) {
        return typed(name, Boolean.class, "a boolean");
    }

    /** An integer claim that fits a long; {@code MALFORMED} for fractions, big integers and other types. */
    public Optional<Long> getLong(String name) {
        return typed(name, Long.class, "an integer");
    }

    /** A numeric claim of any size or precision. */
    public Optional<BigDecimal> getDecimal(String name) {
        Object v = values.get(name);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof Long l) {
            return Optional.of(BigDecimal.valueOf(l));
        }
        if (v instanceof BigInteger bi) {
            return Optional.of(new BigDecimal(bi));
        }
        if (v instanceof BigDecimal bd) {
            return Optional.of(bd);
        }
        throw wrongType(name, "a number");
    }

    /** A NumericDate claim as an instant. */
    public Optional<Instant> getInstant(String name) {
        Object v = values.get(name);
        return v == null ? Optional.empty() : Optional.of(NumericDate.parse(name, v));
    }

    /** A claim that is an array of strings, or a single string read as a one-element list (as {@code aud} is). */
    public Optional<List<String>> getStringList(String name) {
        Object v = values.get(name);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof String s) {
            return Optional.of(List.of(s));
        }
        if (v instanceof List<?> list) {
            for (Object o : list) {
                if (!(o instanceof String)) {
                    throw wrongType(name, "an array of strings");
                }
            }
            @SuppressWarnings("unchecked")
            List<String> strings = (List<String>) list;
            return Optional.of(strings);
        }
        throw wrongType(name, "an array of strings");
    }

    /** A claim that is a JSON object. */
    @SuppressWarnings("unchecked")
    public Optional<Map<String, Object>> getObject(String name) {
        Object v = values.get(name);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof Map<?, ?> m) {
            return Optional.of((Map<String, Object>) m);
        }
        throw wrongType(name, "an object");
    }

    /** All claims in their parsed JSON form, unmodifiable. */
    public Map<String, Object> asMap() {
        return values;
    }

    public String toJson() {
        return JsonWriter.writeString(values);
    }

    byte[] toJsonBytes() {
        return JsonWriter.write(values);
    }

    /** A builder holding these claims, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.values.putAll(values);
        return b;
    }

    private <T> Optional<T> typed(String name, Class<T> type, String what) {
        Object v = values.get(name);
        if (v == null) {
            return Optional.empty();
        }
        if (!type.isInstance(v)) {
            throw wrongType(name, what);
        }
        return Optional.of(type.cast(v));
    }

    private static JoseException wrongType(String name, String what) {
        return new JoseException(Reason.MALFORMED, "claim \"" + name + "\" must be " + what);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Claims c && c.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    /** Claim names only: claim values may be personal data and do not belong in logs. */
    @Override
    public String toString() {
        return "Claims" + values.keySet();
    }

    /** Builds {@link Claims}. Values may be strings, numbers, booleans, instants, maps, collections or null. */
    public static final class Builder {
        private final Map<String, Object> values = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder issuer(String iss) {
            return claim("iss", iss);
        }

        public Builder subject(String sub) {
            return claim("sub", sub);
        }

        /** One audience, written as a string. */
        public Builder audience(String aud) {
            return claim("aud", aud);
        }

        /** Several audiences, written as an array. */
        public Builder audience(Collection<String> aud) {
            return claim("aud", List.copyOf(aud));
        }

        public Builder expiresAt(Instant exp) {
            return claim("exp", exp);
        }

        public Builder notBefore(Instant nbf) {
            return claim("nbf", nbf);
        }

        public Builder issuedAt(Instant iat) {
            return claim("iat", iat);
        }

        public Builder jwtId(String jti) {
            return claim("jti", jti);
        }

        /** Any claim; an {@link Instant} is written as a NumericDate. */
        public Builder claim(String name, Object value) {
            Objects.requireNonNull(name, "name");
            values.put(name, toJsonValue(value));
            return this;
        }

        public Builder remove(String name) {
            values.remove(name);
            return this;
        }

        boolean has(String name) {
            return values.containsKey(name);
        }

        /** The claims; a registered claim of the wrong type is a caller mistake: {@link IllegalArgumentException}. */
        public Claims build() {
            try {
                return new Claims(Collections.unmodifiableMap(new LinkedHashMap<>(values)));
            } catch (JoseException e) {
                throw new IllegalArgumentException(e.getMessage().substring(e.reason().name().length() + 2), e);
            }
        }

        private static Object toJsonValue(Object v) {
            if (v == null || v instanceof String || v instanceof Boolean || v instanceof Long
                    || v instanceof BigInteger || v instanceof BigDecimal) {
                return v;
            }
            if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
                return ((Number) v).longValue();
            }
            if (v instanceof Double || v instanceof Float) {
                double d = ((Number) v).doubleValue();
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    throw new IllegalArgumentException("JSON has no NaN or infinity");
                }
                return new BigDecimal(Double.toString(d));
            }
            if (v instanceof Instant i) {
                return NumericDate.toJson(i);
            }
            if (v instanceof Map<?, ?> m) {
                Map<String, Object> out = new LinkedHashMap<>();
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    if (!(e.getKey() instanceof String k)) {
                        throw new IllegalArgumentException("JSON member names must be strings");
                    }
                    out.put(k, toJsonValue(e.getValue()));
                }
                return Collections.unmodifiableMap(out);
            }
            if (v instanceof Collection<?> c) {
                List<Object> out = new ArrayList<>(c.size());
                for (Object o : c) {
                    out.add(toJsonValue(o));
                }
                return Collections.unmodifiableList(out);
            }
            throw new IllegalArgumentException("cannot use " + v.getClass().getName() + " as a claim value");
        }
    }
}
