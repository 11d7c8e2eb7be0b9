package dev.hallmark.servlet;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds the one bearer token of a request (RFC 6750 §2): the {@code Authorization: Bearer} header (§2.1) or the
 * configured cookie. The URI query (§2.3) and the form body (§2.2) are refused outright: a token in a URL ends up in
 * logs and {@code Referer} headers, and a form-body token invites cross-site requests.
 */
final class BearerCredentials {

    /** What the request carries. */
    sealed interface Lookup permits Found, Missing, Invalid {
    }

    /** Where a token was found; the cookie alone needs CSRF checks for state-changing requests. */
    enum Source { HEADER, COOKIE, HEADER_AND_COOKIE }

    /** Exactly one token. */
    record Found(String token, Source source) implements Lookup {
        @Override
        public String toString() {
            return "Found{source=" + source + "}";
        }
    }

    /** No bearer credentials at all (RFC 6750 §3.1: the challenge then carries no error code). */
    record Missing() implements Lookup {
    }

    /** A malformed request: 400 {@code invalid_request}; {@code why} is for the log, never for the client. */
    record Invalid(String why) implements Lookup {
    }

    static final String QUERY_PARAMETER = "access_token";

    // RFC 6750 §2.1: credentials = "Bearer" 1*SP b64token;
    // b64token = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="
    private static final Pattern B64TOKEN = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");
    private static final String SCHEME = "Bearer";

    private BearerCredentials() {
    }

    static Lookup read(HttpServletRequest request, String cookieName) {
        try {
            // Reads the query and, for a form POST, the form body: the filter parses a form exactly as a servlet would.
            if (request.getParameterValues(QUERY_PARAMETER) != null) {
                return new Invalid("access_token request parameter (RFC 6750 §2.2/§2.3 are not accepted)");
            }
        } catch (RuntimeException e) {
            return new Invalid("request parameters could not be parsed");
        }
        List<String> headers = Collections.list(orEmpty(request.getHeaders("Authorization")));
        if (headers.size() > 1) {
            return new Invalid("more than one Authorization header");
        }
        String fromHeader = null;
        if (headers.size() == 1) {
            String value = headers.get(0).strip();
            if (hasBearerScheme(value)) {
                String token = value.substring(SCHEME.length()).stripLeading();
                if (value.length() == SCHEME.length() || value.charAt(SCHEME.length()) != ' '
                        || !B64TOKEN.matcher(token).matches()) {
                    return new Invalid("Authorization: Bearer is not \"Bearer\" 1*SP b64token (RFC 6750 §2.1)");
                }
                fromHeader = token;
            }
        }
        String fromCookie = null;
        if (cookieName != null) {
            Cookie[] cookies = request.getCookies();
            int seen = 0;
            for (Cookie c : cookies == null ? new Cookie[0] : cookies) {
                if (c.getName().equals(cookieName)) {
                    seen++;
                    fromCookie = c.getValue();
                }
            }
            if (seen > 1) {
                // a second cookie of the same name is what a cookie planted by a sibling domain looks like
                return new Invalid("cookie " + cookieName + " sent more than once");
            }
            if (fromCookie != null && fromCookie.isEmpty()) {
                fromCookie = null;
            } else if (fromCookie != null && !B64TOKEN.matcher(fromCookie).matches()) {
                return new Invalid("cookie " + cookieName + " does not hold a b64token");
            }
        }
        if (fromHeader != null && fromCookie != null) {
            return sameToken(fromHeader, fromCookie)
                    ? new Found(fromHeader, Source.HEADER_AND_COOKIE)
                    : new Invalid("Authorization header and cookie carry different tokens (RFC 6750 §3.1)");
        }
        if (fromHeader != null) {
            return new Found(fromHeader, Source.HEADER);
        }
        if (fromCookie != null) {
            return new Found(fromCookie, Source.COOKIE);
        }
        return new Missing();
    }

    private static boolean hasBearerScheme(String value) {
        // auth-scheme is case-insensitive (RFC 9110 §11.1); "Bearerx" is another scheme
        return value.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
                && (value.length() == SCHEME.length() || value.charAt(SCHEME.length()) == ' '
                || value.charAt(SCHEME.length()) == '\t');
    }

    private static boolean sameToken(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }

    private static Enumeration<String> orEmpty(Enumeration<String> e) {
        return e == null ? Collections.emptyEnumeration() : e;
    }
}
