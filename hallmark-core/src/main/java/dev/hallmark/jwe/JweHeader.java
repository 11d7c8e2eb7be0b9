package dev.hallmark.jwe;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The JOSE header of a JWE as one recipient sees it (RFC 7516 §4): protected, shared unprotected and per-recipient
 * parameters merged (they may not overlap). Immutable. Only the protected ones are integrity protected; the others
 * are listed by {@link #protectedParameters()} for callers who care.
 */
public final class JweHeader {

    /** Parameters JWE and JWA define; they may not be listed in {@code crit} (RFC 7516 §4.1.13). */
    static final Set<String> REGISTERED = Set.of("alg", "enc", "zip", "jku", "jwk", "kid", "x5u", "x5c", "x5t",
            "x5t#S256", "typ", "cty", "crit", "epk", "apu", "apv", "iv", "tag", "p2s", "p2c");

    private final Map<String, Object> params;
    private final Set<String> protectedNames;

    JweHeader(Map<String, Object> params, Set<String> protectedNames) {
        this.params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        this.protectedNames = Set.copyOf(protectedNames);
    }

    /** The {@code alg} value as written. */
    public String algorithm() {
        return string("alg").orElse("");
    }

    /** The {@code enc} value as written. */
    public String encryption() {
        return string("enc").orElse("");
    }

    /** {@code DEF} when the plaintext was compressed. */
    public Optional<String> compression() {
        return string("zip");
    }

    public Optional<String> keyId() {
        return string("kid");
    }

    public Optional<String> type() {
        return string("typ");
    }

    /** {@code cty}; {@code JWT} marks a nested JWT (RFC 7519 §5.2). */
    public Optional<String> contentType() {
        return string("cty");
    }

    /** The {@code crit} list; empty when absent. */
    @SuppressWarnings("unchecked")
    public List<String> critical() {
        Object c = params.get("crit");
        return c instanceof List<?> l ? (List<String>) l : List.of();
    }

    public Optional<Object> get(String name) {
        return Optional.ofNullable(params.get(name));
    }

    /** All parameters, merged. */
    public Map<String, Object> asMap() {
        return params;
    }

    /** Names of the parameters that came from the integrity-protected header. */
    public Set<String> protectedParameters() {
        return protectedNames;
    }

    private Optional<String> string(String name) {
        Object v = params.get(name);
        return v instanceof String s ? Optional.of(s) : Optional.empty();
    }

    @Override
    public String toString() {
        return "JweHeader" + params.keySet();
    }
}
