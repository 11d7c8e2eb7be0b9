package dev.hallmark.server.http;

import dev.hallmark.server.issue.IssuedTokens;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The browser-session cookies (RFC 6265bis) and their CSRF checks. With {@code secure} (the default and the only
 * safe choice outside localhost) the names carry the {@code __Host-}/{@code __Secure-} prefixes, which browsers only
 * accept with {@code Secure}; without it the prefixes are dropped, because a prefixed cookie without {@code Secure}
 * would be rejected.
 *
 * <ul>
 *   <li>access token: {@code __Host-hallmark-at}, {@code HttpOnly; Secure; SameSite=Strict; Path=/};</li>
 *   <li>refresh token: {@code __Secure-hallmark-rt}, {@code HttpOnly; Secure; SameSite=Strict; Path=/session}
 *       (sent only to the session endpoints, never to APIs; {@code /session} rather than {@code /session/refresh} so
 *       that logout receives it and can revoke the family);</li>
 *   <li>CSRF double-submit token: {@code __Host-hallmark-csrf}, {@code Secure; SameSite=Strict; Path=/}, readable
 *       by the page's script, which echoes it in {@code X-CSRF-Token}.</li>
 * </ul>
 */
final class SessionCookies {

    static final String REFRESH_PATH = "/session";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final boolean secure;
    private final String issuerOrigin;
    final String accessName;
    final String refreshName;
    final String csrfName;

    SessionCookies(boolean secure, String issuerOrigin) {
        this.secure = secure;
        this.issuerOrigin = issuerOrigin;
        this.accessName = (secure ? "__Host-" : "") + "hallmark-at";
        this.refreshName = (secure ? "__Secure-" : "") + "hallmark-rt";
        this.csrfName = (secure ? "__Host-" : "") + "hallmark-csrf";
    }

    /**
     * Sets the three cookies for {@code tokens} and returns the new CSRF token. The refresh and CSRF cookies live as
     * long as the refresh token has left, which is the family's remaining time: rotation never extends a family, so a
     * cookie outliving it would only be sent to be refused.
     */
    String set(Exchange x, IssuedTokens tokens) {
        long refreshSeconds = ceilSeconds(tokens.refreshExpiresIn());
        String csrf = newCsrfToken();
        x.addHeader("Set-Cookie", cookie(accessName, tokens.accessToken(), tokens.expiresIn().getSeconds(), "/", true));
        x.addHeader("Set-Cookie", cookie(refreshName, tokens.refreshToken(), refreshSeconds,
                REFRESH_PATH, true));
        x.addHeader("Set-Cookie", cookie(csrfName, csrf, refreshSeconds, "/", false));
        return csrf;
    }

    /** Expires all three cookies ({@code Max-Age=0}, same name, path and prefix attributes). */
    void clear(Exchange x) {
        x.addHeader("Set-Cookie", cookie(accessName, "", 0, "/", true));
        x.addHeader("Set-Cookie", cookie(refreshName, "", 0, REFRESH_PATH, true));
        x.addHeader("Set-Cookie", cookie(csrfName, "", 0, "/", false));
    }

    private String cookie(String name, String value, long maxAge, String path, boolean httpOnly) {
        StringBuilder b = new StringBuilder().append(name).append('=').append(value)
                .append("; Max-Age=").append(maxAge).append("; Path=").append(path);
        if (secure) {
            b.append("; Secure");
        }
        if (httpOnly) {
            b.append("; HttpOnly");
        }
        return b.append("; SameSite=Strict").toString();
    }

    /** Whole seconds rounded up, so a fresh family's cookie says exactly its configured lifetime. */
    private static long ceilSeconds(java.time.Duration d) {
        return d.getNano() == 0 ? d.getSeconds() : d.getSeconds() + 1;
    }

    static String newCsrfToken() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /**
     * The request's cookie {@code name}; empty when absent, empty-valued or sent more than once (a duplicate means
     * someone planted a second cookie of that name, so neither is trusted).
     */
    static Optional<String> read(Exchange x, String name) {
        String header = x.header("Cookie");
        if (header == null) {
            return Optional.empty();
        }
        Map<String, String> found = new HashMap<>();
        Set<String> repeated = new HashSet<>();
        for (String part : header.split(";")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String n = part.substring(0, eq).trim();
            if (found.put(n, part.substring(eq + 1).trim()) != null) {
                repeated.add(n);
            }
        }
        String v = found.get(name);
        return v == null || v.isEmpty() || repeated.contains(name) ? Optional.empty() : Optional.of(v);
    }

    /**
     * The Origin check every session endpoint makes: {@code Origin} equals the issuer's origin, or is absent and
     * {@code Sec-Fetch-Site: same-origin}. A present {@code Sec-Fetch-Site} other than {@code same-origin} is refused
     * even with a matching Origin.
     */
    boolean originAllowed(Exchange x) {
        String site = x.header("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin")) {
            return false;
        }
        String origin = x.header("Origin");
        if (origin == null) {
            return "same-origin".equals(site);
        }
        return origin.equals(issuerOrigin);
    }

    /** The double-submit check: {@code X-CSRF-Token} equals the CSRF cookie, compared in constant time. */
    boolean csrfTokenMatches(Exchange x) {
        String header = x.header("X-CSRF-Token");
        Optional<String> cookie = read(x, csrfName);
        if (header == null || header.isEmpty() || cookie.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(header.getBytes(StandardCharsets.UTF_8),
                cookie.get().getBytes(StandardCharsets.UTF_8));
    }

    static void refuseCsrf(Exchange x) {
        x.json(403, Map.of("error", "csrf"));
    }

    /** The origin ({@code scheme://host[:port]}, RFC 6454) of the issuer URL. */
    static String originOf(String issuer) {
        URI u = URI.create(issuer);
        String scheme = u.getScheme().toLowerCase(Locale.ROOT);
        String host = u.getHost().toLowerCase(Locale.ROOT);
        int port = u.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("https") && port == 443)
                || (scheme.equals("http") && port == 80);
        return scheme + "://" + host + (defaultPort ? "" : ":" + port);
    }
}
