package dev.hallmark.servlet;

import dev.hallmark.JoseException;
import dev.hallmark.Limits;
import dev.hallmark.jws.JwsHeader;
import dev.hallmark.jws.UnverifiedJws;
import dev.hallmark.jwt.JwtVerifier;
import dev.hallmark.jwt.VerifiedJwt;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Authenticates every request with a bearer JWT (RFC 6750) verified by a {@link JwtVerifier}, and enforces per-path
 * scope rules. Immutable and thread-safe: build once, register with the container.
 *
 * <pre>{@code
 * JwtAuthenticationFilter filter = JwtAuthenticationFilter.builder(verifier)
 *         .realm("orders-api")
 *         .cookie("__Host-hallmark-at")                  // optional: also accept the issuer's session cookie
 *         .publicPath("/health")
 *         .requireScopes("GET /orders/*", "orders:read")
 *         .requireScopes("POST /orders/*", "orders:write")
 *         .build();
 * }</pre>
 *
 * <p>For each request: the first access rule whose method and path match decides (a public rule lets the request
 * through untouched; a scope rule needs all its scopes, a GET rule covering HEAD too; no rule needs only a valid
 * token). The token comes from the {@code Authorization: Bearer} header or the configured cookie, never from the
 * query or a form body. A verified
 * request reaches the application wrapped: {@code getUserPrincipal()} is a {@link JwtPrincipal} (name = {@code sub}),
 * {@code isUserInRole} checks the roles claim (and the scopes if {@link Builder#scopesAsRoles()}),
 * {@code getAuthType()} is {@code "BEARER"}, and the {@link VerifiedJwt} is the request attribute
 * {@link #VERIFIED_JWT_ATTRIBUTE}.
 *
 * <p>Refusals (RFC 6750 §3), always with {@code WWW-Authenticate: Bearer realm="..."} and
 * {@code Cache-Control: no-store}: 401 without an error code when no credentials were sent; 401
 * {@code invalid_token} when the token fails verification; 403 {@code insufficient_scope} with the needed
 * {@code scope}; 400 {@code invalid_request} for a token in the query or form, two Authorization headers, a header
 * and a cookie with different tokens, or a malformed header. A state-changing request authenticated by the cookie
 * alone must also pass CSRF checks (see {@link Builder#cookie}), else 403 {@code {"error":"csrf"}}. The client
 * learns only that code; the
 * {@link dev.hallmark.Reason} is logged (logger {@code dev.hallmark.servlet.JwtAuthenticationFilter}, level INFO)
 * with the token's {@code kid} and {@code alg}, never the token.
 */
public final class JwtAuthenticationFilter implements Filter {

    /** The request attribute holding the {@link VerifiedJwt} of an authenticated request. */
    public static final String VERIFIED_JWT_ATTRIBUTE = VerifiedJwt.class.getName();

    private static final System.Logger LOG = System.getLogger(JwtAuthenticationFilter.class.getName());

    private final JwtVerifier verifier;
    private final String realm;
    private final String cookieName;
    private final CookieCsrfCheck csrf;
    private final List<AccessRule> rules;
    private final String rolesClaim;
    private final boolean scopesAsRoles;

    private JwtAuthenticationFilter(Builder b) {
        this.verifier = b.verifier;
        this.realm = b.realm;
        this.cookieName = b.cookieName;
        this.csrf = new CookieCsrfCheck(b.csrfCookieName, b.allowedOrigins);
        this.rules = List.copyOf(b.rules);
        this.rolesClaim = b.rolesClaim;
        this.scopesAsRoles = b.scopesAsRoles;
    }

    /** A builder for a filter that verifies tokens with this verifier. */
    public static Builder builder(JwtVerifier verifier) {
        return new Builder(verifier);
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        if (!(req instanceof HttpServletRequest request) || !(res instanceof HttpServletResponse response)) {
            throw new ServletException("JwtAuthenticationFilter handles HTTP requests only");
        }
        String path = pathOf(request);
        AccessRule rule = ruleFor(request.getMethod(), path);
        if (rule != null && rule.isPublic()) {
            chain.doFilter(request, response);
            return;
        }
        BearerCredentials.Lookup lookup = BearerCredentials.read(request, cookieName);
        if (lookup instanceof BearerCredentials.Invalid invalid) {
            log(Level.INFO, request, path, "invalid_request: " + invalid.why());
            BearerChallenge.invalidRequest(response, realm);
            return;
        }
        if (!(lookup instanceof BearerCredentials.Found found)) {
            log(Level.DEBUG, request, path, "no bearer credentials");
            BearerChallenge.missing(response, realm);
            return;
        }
        if (found.source() == BearerCredentials.Source.COOKIE) {
            String refusal = csrf.refusal(request);
            if (refusal != null) {
                log(Level.INFO, request, path, "csrf: " + refusal);
                BearerChallenge.csrf(response);
                return;
            }
        }
        VerifiedJwt jwt;
        JwtPrincipal principal;
        try {
            jwt = verifier.verify(found.token());
            principal = JwtPrincipal.of(jwt, rolesClaim);
        } catch (JoseException e) {
            log(Level.INFO, request, path, "invalid_token: reason=" + e.reason() + " source="
                    + found.source().name().toLowerCase(Locale.ROOT) + " " + headerSummary(found.token()));
            BearerChallenge.invalidToken(response, realm);
            return;
        }
        if (rule != null && !principal.scopes().containsAll(rule.scopes())) {
            log(Level.INFO, request, path, "insufficient_scope: needs " + rule.scopes() + " kid="
                    + LogText.of(jwt.header().keyId().orElse(null)) + " alg=" + LogText.of(jwt.header().algorithm()));
            BearerChallenge.insufficientScope(response, realm, rule.scopes());
            return;
        }
        request.setAttribute(VERIFIED_JWT_ATTRIBUTE, jwt);
        chain.doFilter(new AuthenticatedRequest(request, principal, scopesAsRoles), response);
    }

    private AccessRule ruleFor(String method, String path) {
        for (AccessRule r : rules) {
            if (r.applies(method, path)) {
                return r;
            }
        }
        return null;
    }

    private static String pathOf(HttpServletRequest request) {
        // decoded and normalized by the container, unlike getRequestURI()
        String servletPath = request.getServletPath();
        String pathInfo = request.getPathInfo();
        String path = (servletPath == null ? "" : servletPath) + (pathInfo == null ? "" : pathInfo);
        return path.isEmpty() ? "/" : path;
    }

    /** The untrusted header's kid and alg, for the log line of a rejected token; "-" when it cannot be read. */
    private static String headerSummary(String token) {
        try {
            JwsHeader header = UnverifiedJws.decode(token, Limits.DEFAULT).header();
            return "kid=" + LogText.of(header.keyId().orElse(null)) + " alg=" + LogText.of(header.algorithm());
        } catch (RuntimeException e) {
            return "kid=- alg=-";
        }
    }

    private static void log(Level level, HttpServletRequest request, String path, String what) {
        if (LOG.isLoggable(level)) {
            LOG.log(level, "bearer authentication refused {0} {1}: {2}",
                    LogText.of(request.getMethod()), LogText.of(path), what);
        }
    }

    @Override
    public String toString() {
        return "JwtAuthenticationFilter{realm=" + realm + ", cookie=" + cookieName
                + (cookieName == null ? "" : ", " + csrf) + ", rules=" + rules
                + ", rolesClaim=" + rolesClaim + ", scopesAsRoles=" + scopesAsRoles + "}";
    }

    /**
     * Configures a {@link JwtAuthenticationFilter}. Invalid values fail at once with
     * {@link IllegalArgumentException}.
     */
    public static final class Builder {
        // RFC 6749 §3.3 scope-token = 1*NQCHAR; also safe inside the challenge's quoted-string
        private static final Pattern SCOPE_TOKEN = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]+");
        // RFC 9110 §5.6.2 token: cookie names (RFC 6265 §4.1.1) and claim names we accept
        private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+\\-.^_`|~0-9A-Za-z]+");
        private static final Pattern REALM = Pattern.compile("[\\x20\\x21\\x23-\\x5B\\x5D-\\x7E]+");

        private final JwtVerifier verifier;
        private String realm = "api";
        private String cookieName;
        private String csrfCookieName = "__Host-hallmark-csrf";
        private final Set<String> allowedOrigins = new LinkedHashSet<>();
        private final List<AccessRule> rules = new ArrayList<>();
        private String rolesClaim = "roles";
        private boolean scopesAsRoles;

        private Builder(JwtVerifier verifier) {
            this.verifier = Objects.requireNonNull(verifier, "verifier");
        }

        /** The {@code realm} of every challenge (default {@code api}); printable ASCII without quotes or backslash. */
        public Builder realm(String value) {
            if (value == null || !REALM.matcher(value).matches()) {
                throw new IllegalArgumentException("realm must be printable ASCII without '\"' or '\\'");
            }
            this.realm = value;
            return this;
        }

        /**
         * Also accepts the token from this cookie (e.g. {@code __Host-hallmark-at}, set by the issuer's cookie
         * login). Off by default. A request with both the header and the cookie must carry the same token in each.
         *
         * <p>A state-changing request (not GET, HEAD, OPTIONS, TRACE) authenticated by the cookie alone must also pass
         * the CSRF checks: header {@code X-CSRF-Token} equal to the {@link #csrfCookie} (the issuer's
         * {@code __Host-hallmark-csrf}), no {@code Sec-Fetch-Site: cross-site}, and an allowed {@code Origin} when
         * {@link #allowedOrigins} are set; otherwise 403 {@code {"error":"csrf"}}.
         */
        public Builder cookie(String name) {
            if (name == null || !TOKEN.matcher(name).matches()) {
                throw new IllegalArgumentException("not a cookie name: " + name);
            }
            this.cookieName = name;
            return this;
        }

        /** The double-submit cookie of the CSRF checks (default {@code __Host-hallmark-csrf}). */
        public Builder csrfCookie(String name) {
            if (name == null || !TOKEN.matcher(name).matches()) {
                throw new IllegalArgumentException("not a cookie name: " + name);
            }
            this.csrfCookieName = name;
            return this;
        }

        /**
         * The origins ({@code scheme://host[:port]}) whose pages may send cookie-authenticated state-changing
         * requests; when set, such a request must carry one of them in {@code Origin}. Default: no origin check.
         */
        public Builder allowedOrigins(String... origins) {
            for (String o : origins) {
                if (o == null || !o.matches("https?://[^/?#\\s]+")) {
                    throw new IllegalArgumentException("an origin is scheme://host[:port]: " + o);
                }
                allowedOrigins.add(o);
            }
            return this;
        }

        /**
         * Lets requests matching {@code rule} through without looking for a token. {@code rule} is
         * {@code [METHOD ]PATTERN}, e.g. {@code /health} or {@code OPTIONS /*}; PATTERN is exact, {@code /x/*}
         * (that path and below) or {@code /*}.
         */
        public Builder publicPath(String rule) {
            rules.add(parse(rule, true, Set.of()));
            return this;
        }

        /**
         * Requests matching {@code rule} ({@code [METHOD ]PATTERN} as in {@link #publicPath}) need every one of
         * these scopes; otherwise 403 {@code insufficient_scope}. Rules are tried in the order added; the first match
         * decides.
         */
        public Builder requireScopes(String rule, String... scopes) {
            Set<String> needed = new LinkedHashSet<>();
            for (String s : scopes) {
                if (s == null || !SCOPE_TOKEN.matcher(s).matches()) {
                    throw new IllegalArgumentException("not a scope token (RFC 6749 §3.3): " + s);
                }
                needed.add(s);
            }
            if (needed.isEmpty()) {
                throw new IllegalArgumentException("requireScopes needs at least one scope");
            }
            rules.add(parse(rule, false, needed));
            return this;
        }

        /** The claim holding the caller's roles for {@code isUserInRole} (default {@code roles}). */
        public Builder rolesClaim(String name) {
            if (name == null || !TOKEN.matcher(name).matches()) {
                throw new IllegalArgumentException("not a claim name: " + name);
            }
            this.rolesClaim = name;
            return this;
        }

        /** Makes {@code isUserInRole(s)} also true for every granted scope {@code s}. Off by default. */
        public Builder scopesAsRoles() {
            this.scopesAsRoles = true;
            return this;
        }

        public JwtAuthenticationFilter build() {
            return new JwtAuthenticationFilter(this);
        }

        private static AccessRule parse(String rule, boolean isPublic, Set<String> scopes) {
            Objects.requireNonNull(rule, "rule");
            String[] parts = rule.strip().split(" +");
            if (parts.length == 1) {
                return new AccessRule(null, new PathPattern(parts[0]), isPublic, scopes);
            }
            if (parts.length == 2 && TOKEN.matcher(parts[0]).matches()) {
                return new AccessRule(parts[0], new PathPattern(parts[1]), isPublic, scopes);
            }
            throw new IllegalArgumentException("a rule is [METHOD ]PATTERN, got: " + rule);
        }
    }
}
