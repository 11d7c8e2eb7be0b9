package dev.hallmark.servlet;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

/**
 * Cross-site request forgery protection for requests authenticated by the cookie alone: a browser attaches cookies to
 * requests another site makes it send, but never an {@code Authorization} header. A state-changing request (any
 * method but GET, HEAD, OPTIONS and TRACE) authenticated by the cookie must carry the double-submit token (header
 * {@code X-CSRF-Token} equal to the issuer's readable CSRF cookie, as the issuer's own session endpoints require),
 * must not be marked cross-site by {@code Sec-Fetch-Site}, and, when origins are configured, must come from one of
 * them ({@code Origin}).
 */
final class CookieCsrfCheck {

    static final String HEADER = "X-CSRF-Token";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final String cookieName;
    private final Set<String> allowedOrigins;

    CookieCsrfCheck(String cookieName, Set<String> allowedOrigins) {
        this.cookieName = cookieName;
        this.allowedOrigins = Set.copyOf(allowedOrigins);
    }

    /** Why the request is refused, or null when it may proceed. */
    String refusal(HttpServletRequest request) {
        if (SAFE_METHODS.contains(request.getMethod())) {
            return null;
        }
        if ("cross-site".equals(request.getHeader("Sec-Fetch-Site"))) {
            return "Sec-Fetch-Site: cross-site";
        }
        if (!allowedOrigins.isEmpty()) {
            String origin = request.getHeader("Origin");
            if (origin == null || !allowedOrigins.contains(origin)) {
                return "Origin missing or not allowed";
            }
        }
        String header = request.getHeader(HEADER);
        String cookie = null;
        int seen = 0;
        Cookie[] cookies = request.getCookies();
        for (Cookie c : cookies == null ? new Cookie[0] : cookies) {
            if (c.getName().equals(cookieName)) {
                seen++;
                cookie = c.getValue();
            }
        }
        // a second cookie of the same name may be planted: count it as none
        if (header == null || seen != 1 || cookie.isEmpty()
                || !MessageDigest.isEqual(header.getBytes(StandardCharsets.UTF_8),
                        cookie.getBytes(StandardCharsets.UTF_8))) {
            return HEADER + " missing or not equal to cookie " + cookieName;
        }
        return null;
    }

    @Override
    public String toString() {
        return "csrfCookie=" + cookieName + ", origins=" + allowedOrigins;
    }
}
