package dev.hallmark.server.http;

import dev.hallmark.server.issue.BrowserSessions;
import dev.hallmark.server.issue.IssuedTokens;
import dev.hallmark.server.issue.OAuthException;
import dev.hallmark.server.issue.PasswordLogin;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /session/login} (form: {@code username}, {@code password}, {@code client_id} of a first-party client):
 * sets the session cookies and answers {@code {"csrf_token","expires_in"}}; the tokens never appear in the body.
 * Refused: a cross-origin request (403 {@code csrf}), a bad client ({@code unauthorized_client}), bad credentials
 * ({@code invalid_grant}), too many attempts (429 {@code login_throttled}).
 */
public final class SessionLoginEndpoint implements Endpoint {

    private final BrowserSessions sessions;
    private final SessionCookies cookies;

    SessionLoginEndpoint(BrowserSessions sessions, SessionCookies cookies) {
        this.sessions = sessions;
        this.cookies = cookies;
    }

    @Override
    public void handle(Exchange x) {
        if (!cookies.originAllowed(x)) {
            x.discardBody();
            SessionCookies.refuseCsrf(x);
            return;
        }
        Map<String, String> form = x.form();
        String username = form.get("username");
        String password = form.get("password");
        if (username == null || username.isEmpty() || password == null || password.isEmpty()) {
            throw OAuthException.invalidRequest("username and password are required");
        }
        IssuedTokens tokens;
        try {
            tokens = sessions.login(form.get("client_id"), username, password.toCharArray(), x.remoteAddress());
        } catch (PasswordLogin.LoginThrottledException e) {
            x.json(429, Map.of("error", "login_throttled", "error_description", e.getMessage()));
            return;
        }
        String csrf = cookies.set(x, tokens);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("csrf_token", csrf);
        body.put("expires_in", tokens.expiresIn().getSeconds());
        x.json(200, body);
    }
}
