package dev.hallmark.server.http;

import dev.hallmark.server.issue.BrowserSessions;
import dev.hallmark.server.issue.IssuedTokens;
import dev.hallmark.server.issue.OAuthException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /session/refresh}: after the CSRF checks (Origin and {@code X-CSRF-Token}), rotates the refresh cookie
 * and replaces all three cookies. A missing or invalid refresh cookie is 401 with {@code WWW-Authenticate: Cookie}
 * and the cookies cleared.
 */
public final class SessionRefreshEndpoint implements Endpoint {

    private final BrowserSessions sessions;
    private final SessionCookies cookies;

    SessionRefreshEndpoint(BrowserSessions sessions, SessionCookies cookies) {
        this.sessions = sessions;
        this.cookies = cookies;
    }

    @Override
    public void handle(Exchange x) {
        x.discardBody();
        if (!cookies.originAllowed(x) || !cookies.csrfTokenMatches(x)) {
            SessionCookies.refuseCsrf(x);
            return;
        }
        Optional<String> refresh = SessionCookies.read(x, cookies.refreshName);
        IssuedTokens tokens;
        try {
            tokens = sessions.refresh(refresh.orElseThrow(() -> OAuthException.invalidGrant("no refresh cookie")));
        } catch (OAuthException e) {
            unauthorized(x, cookies);
            return;
        }
        String csrf = cookies.set(x, tokens);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("csrf_token", csrf);
        body.put("expires_in", tokens.expiresIn().getSeconds());
        x.json(200, body);
    }

    static void unauthorized(Exchange x, SessionCookies cookies) {
        cookies.clear(x);
        x.setHeader("WWW-Authenticate", "Cookie realm=\"hallmark\"");
        x.json(401, Map.of("error", "invalid_session"));
    }
}
