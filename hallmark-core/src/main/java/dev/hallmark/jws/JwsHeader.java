package dev.hallmark.jws;

import dev.hallmark.JoseException;
import dev.hallmark.Reason;
import dev.hallmark.internal.codec.Printable;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A JOSE header of a JWS (RFC 7515 §4): the protected parameters, merged with any unprotected ones of the JSON
 * serialization. Immutable.
 *
 * <p>Header values are attacker-controlled until the signature is verified, and some never become trustworthy:
 * {@code jwk}, {@code jku}, {@code x5u} and {@code x5c} are available for inspection but never used to find a key
 * (RFC 8725 §3.10).
 *
 * <pre>{@code
 * JwsHeader h = JwsHeader.builder().type("at+jwt").parameter("ver", 2).build();
 * }</pre>
 */
public final class JwsHeader {

    /** Parameters the JWS and JWA specifications define; they may not be listed in {@code crit} (RFC 7515 §4.1.11). */
    static final Set<String> REGISTERED = Set.of("alg", "jku", "jwk", "kid", "x5u", "x5c", "x5t", "x5t#S256", "typ",
            "cty", "crit");

    private static final List<String> STRING_PARAMS = List.of("kid", "typ", "cty", "jku", "x5u", "x5t", "x5t#S256");

    private final Map<String, Object> params;

    JwsHeader(Map<String, Object> params) {
        this.params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** Wraps a map that is already unmodifiable and owned by nobody else (as {@code StrictJson} returns). */
    private JwsHeader(Map<String, Object> unmodifiable, boolean owned) {
        this.params = unmodifiable;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The {@code alg} value as written; it is a known {@link JwsAlgorithm} once verification has passed. */
    public String algorithm() {
        Object a = params.get("alg");
        return a instanceof String s ? s : "";
    }

    public Optional<String> keyId() {
        return string("kid");
    }

    /** The {@code typ} value as written. */
    public Optional<String> type() {
        return string("typ");
    }

    public Optional<String> contentType() {
        return string("cty");
    }

    /** The {@code crit} list; empty when absent. */
    @SuppressWarnings("unchecked")
    public List<String> critical() {
        Object c = params.get("crit");
        return c instanceof List<?> l ? (List<String>) l : List.of();
    }

    /** False when the payload is unencoded (RFC 7797 {@code "b64": false}). */
    public boolean base64EncodedPayload() {
        return !Boolean.FALSE.equals(params.get("b64"));
    }

    /** Any header parameter, as parsed JSON (String, Long, BigInteger, BigDecimal, Boolean, Map, List). */
    public Optional<Object> get(String name) {
        return Optional.ofNullable(params.get(name));
    }

    public Map<String, Object> asMap() {
        return params;
    }

    private Optional<String> string(String name) {
        Object v = params.get(name);
        return v instanceof String s ? Optional.of(s) : Optional.empty();
    }

    /**
     * Compares media types as RFC 7515 §4.1.9 asks: case-insensitively, with an omitted {@code application/}
     * prefix restored.
     */
    public static boolean sameMediaType(String a, String b) {
        return normalizeMediaType(a).equals(normalizeMediaType(b));
    }

    static String normalizeMediaType(String t) {
        String lower = t.toLowerCase(Locale.ROOT);
        return lower.indexOf('/') < 0 ? "application/" + lower : lower;
    }

    /** Checks the types of the registered parameters this library reads (RFC 7515 §4.1). */
    static JwsHeader validated(Map<String, Object> params) {
        Object alg = params.get("alg");
        if (!(alg instanceof String)) {
            throw new JoseException(Reason.MALFORMED, "JWS header must have a string \"alg\" (RFC 7515 §4.1.1)");
        }
        for (String name : STRING_PARAMS) {
            if (params.containsKey(name) && !(params.get(name) instanceof String)) {
                throw new JoseException(Reason.MALFORMED, "JWS header \"" + name + "\" must be a string (RFC 7515 §4.1)");
            }
        }
        if (params.containsKey("jwk") && !(params.get("jwk") instanceof Map)) {
            throw new JoseException(Reason.MALFORMED, "JWS header \"jwk\" must be an object (RFC 7515 §4.1.3)");
        }
        if (params.containsKey("x5c") && !(params.get("x5c") instanceof List)) {
            throw new JoseException(Reason.MALFORMED, "JWS header \"x5c\" must be an array (RFC 7515 §4.1.6)");
        }
        return new JwsHeader(Collections.unmodifiableMap(params), true);
    }

    @Override
    /** The algorithm, key id and parameter names, made safe to log: header values come from attackers. */
    public String toString() {
        StringBuilder b = new StringBuilder("JwsHeader{alg=").append(Printable.of(algorithm()));
        keyId().ifPresent(k -> b.append(", kid=").append(Printable.of(k)));
        b.append(", parameters=[");
        int n = 0;
        for (String name : params.keySet()) {
            if (n++ > 0) {
                b.append(", ");
            }
            if (n > 20) {
                b.append("...");
                break;
            }
            b.append(Printable.of(name));
        }
        return b.append("]}").toString();
    }

    /** Builds the extra parameters of a header to sign; {@code alg} and {@code kid} come from the signing key. */
    public static final class Builder {
        private final Map<String, Object> params = new LinkedHashMap<>();
        private final List<String> crit = new ArrayList<>();

        private Builder() {
        }

        public Builder type(String typ) {
            params.put("typ", typ);
            return this;
        }

        public Builder contentType(String cty) {
            params.put("cty", cty);
            return this;
        }

        /** Marks the payload as unencoded (RFC 7797): sets {@code "b64": false} and lists it in {@code crit}. */
        public Builder unencodedPayload() {
            params.put("b64", Boolean.FALSE);
            if (!crit.contains("b64")) {
                crit.add("b64");
            }
            return this;
        }

        /** Any other parameter; {@code alg}, {@code kid}, {@code crit} and {@code b64} are set by dedicated means. */
        public Builder parameter(String name, Object value) {
            if (name.equals("alg") || name.equals("crit") || name.equals("b64") || name.equals("kid")) {
                throw new IllegalArgumentException("\"" + name + "\" is set from the key or by a dedicated method");
            }
            params.put(name, value);
            return this;
        }

        /** Adds a parameter the verifier must understand, listed in {@code crit} (RFC 7515 §4.1.11). */
        public Builder criticalParameter(String name, Object value) {
            if (REGISTERED.contains(name)) {
                throw new IllegalArgumentException("\"" + name + "\" is registered and may not be in crit");
            }
            params.put(name, value);
            if (!crit.contains(name)) {
                crit.add(name);
            }
            return this;
        }

        public JwsHeader build() {
            Map<String, Object> copy = new LinkedHashMap<>(params);
            if (!crit.isEmpty()) {
                copy.put("crit", List.copyOf(crit));
            }
            return new JwsHeader(copy);
        }
    }
}
