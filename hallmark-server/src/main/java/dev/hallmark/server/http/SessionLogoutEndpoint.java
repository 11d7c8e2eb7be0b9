package dev.hallmark.server.http;

import dev.hallmark.server.issue.BrowserSessions;

import java.util.Optional;

/**
 * {@code POST /session/logout}: after the CSRF checks, revokes the refresh-token family (and every access token
 * issued from it) and clears the cookies with {@code Max-Age=0}; 204. Without a known refresh cookie there is nothing
 * to revoke: 401 with {@code WWW-Authenticate: Cookie}, cookies cleared all the same.
 */
public final class SessionLogoutEndpoint implements Endpoint {

    private final BrowserSessions sessions;
    private final SessionCookies cookies;

    SessionLogoutEndpoint(BrowserSessions sessions, SessionCookies cookies) {
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
        if (refresh.isEmpty() || !sessions.logout(refresh.get())) {
            SessionRefreshEndpoint.unauthorized(x, cookies);
            return;
        }
        cookies.clear(x);
        x.empty(204);
    }
}
