package dev.hallmark.servlet;

import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Writes RFC 6750 §3 refusals: the status, a {@code WWW-Authenticate: Bearer} challenge with the realm, the error
 * code and (for {@code insufficient_scope}) the scopes needed, {@code Cache-Control: no-store}, and a small JSON body
 * naming the same error code. Nothing more: the reason a token failed stays in the server's log.
 */
final class BearerChallenge {

    static final String INVALID_REQUEST = "invalid_request";
    static final String INVALID_TOKEN = "invalid_token";
    static final String INSUFFICIENT_SCOPE = "insufficient_scope";

    private BearerChallenge() {
    }

    /** 401 without an error code: the request carried no credentials (RFC 6750 §3.1, last paragraph). */
    static void missing(HttpServletResponse response, String realm) throws IOException {
        send(response, HttpServletResponse.SC_UNAUTHORIZED, realm, null, Set.of());
    }

    static void invalidRequest(HttpServletResponse response, String realm) throws IOException {
        send(response, HttpServletResponse.SC_BAD_REQUEST, realm, INVALID_REQUEST, Set.of());
    }

    static void invalidToken(HttpServletResponse response, String realm) throws IOException {
        send(response, HttpServletResponse.SC_UNAUTHORIZED, realm, INVALID_TOKEN, Set.of());
    }

    static void insufficientScope(HttpServletResponse response, String realm, Set<String> needed) throws IOException {
        send(response, HttpServletResponse.SC_FORBIDDEN, realm, INSUFFICIENT_SCOPE, needed);
    }

    /** 403 for a cookie-authenticated request that failed the CSRF checks: not an RFC 6750 matter, no challenge. */
    static void csrf(HttpServletResponse response) throws IOException {
        byte[] body = "{\"error\":\"csrf\"}".getBytes(StandardCharsets.UTF_8);
        response.resetBuffer();
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static void send(HttpServletResponse response, int status, String realm, String error,
                             Set<String> scopes) throws IOException {
        // realm and scopes were checked at build time to need no escaping inside a quoted-string
        StringBuilder challenge = new StringBuilder("Bearer realm=\"").append(realm).append('"');
        if (error != null) {
            challenge.append(", error=\"").append(error).append('"');
        }
        if (!scopes.isEmpty()) {
            challenge.append(", scope=\"").append(String.join(" ", scopes)).append('"');
        }
        response.resetBuffer();
        response.setStatus(status);
        response.setHeader("WWW-Authenticate", challenge.toString());
        response.setHeader("Cache-Control", "no-store");
        if (error == null) {
            response.setContentLength(0);
            return;
        }
        byte[] body = ("{\"error\":\"" + error + "\"}").getBytes(StandardCharsets.UTF_8);
        response.setContentType("application/json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
