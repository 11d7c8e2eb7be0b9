package dev.hallmark.servlet;

import dev.hallmark.jwt.Claims;
import dev.hallmark.jwt.VerifiedJwt;

import java.security.Principal;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The caller of a request that {@link JwtAuthenticationFilter} authenticated: {@code request.getUserPrincipal()}.
 * Its name is the token's {@code sub}; the verified token, its scopes and its roles are at hand.
 *
 * <pre>{@code
 * JwtPrincipal caller = (JwtPrincipal) request.getUserPrincipal();
 * String clientId = caller.claims().getString("client_id").orElse("-");
 * boolean canWrite = caller.scopes().contains("orders:write");
 * }</pre>
 */
public final class JwtPrincipal implements Principal {

    private final VerifiedJwt jwt;
    private final Set<String> scopes;
    private final Set<String> roles;

    private JwtPrincipal(VerifiedJwt jwt, Set<String> scopes, Set<String> roles) {
        this.jwt = jwt;
        this.scopes = scopes;
        this.roles = roles;
    }

    /**
     * Reads scopes ({@code scope}, space-separated as RFC 6749 §3.3 and RFC 9068 §2.2.3 define it, or an array of
     * strings) and roles (the named claim, an array of strings or one space-separated string).
     *
     * @throws dev.hallmark.JoseException {@code MALFORMED} when either claim has another JSON type
     */
    static JwtPrincipal of(VerifiedJwt jwt, String rolesClaim) {
        Objects.requireNonNull(jwt, "jwt");
        return new JwtPrincipal(jwt, words(jwt.claims(), "scope"), words(jwt.claims(), rolesClaim));
    }

    private static Set<String> words(Claims claims, String name) {
        Object value = claims.get(name).orElse(null);
        if (value == null) {
            return Set.of();
        }
        List<String> items = value instanceof String s
                ? Arrays.asList(s.split(" "))
                : claims.getStringList(name).orElseThrow();
        Set<String> out = new LinkedHashSet<>();
        for (String item : items) {
            if (!item.isEmpty()) {
                out.add(item);
            }
        }
        return Collections.unmodifiableSet(out);
    }

    /** The token's {@code sub}, or the empty string when it has none (require {@code sub} in the verifier). */
    @Override
    public String getName() {
        return jwt.claims().subject().orElse("");
    }

    /** The verified token. */
    public VerifiedJwt jwt() {
        return jwt;
    }

    /** The verified token's claims. */
    public Claims claims() {
        return jwt.claims();
    }

    /** The granted scopes, in token order; empty when the token has no {@code scope}. */
    public Set<String> scopes() {
        return scopes;
    }

    /** The roles from the configured roles claim (default {@code roles}); empty when absent. */
    public Set<String> roles() {
        return roles;
    }

    /** Never prints the token, which is a bearer credential. */
    @Override
    public String toString() {
        return "JwtPrincipal{name=" + getName() + ", scopes=" + scopes + ", roles=" + roles + "}";
    }
}
