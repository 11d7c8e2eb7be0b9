package dev.hallmark.server.http;

import dev.hallmark.server.issue.BrowserSessions;
import dev.hallmark.server.issue.ClientAuthenticator;
import dev.hallmark.server.keys.KeyManager;
import dev.hallmark.server.store.Store;

import java.time.Clock;

/** Registers the endpoints that manage issued tokens: introspection, revocation and the revocation feed. */
public final class Endpoints {

    private Endpoints() {
    }

    public static void registerTokenManagement(Router router, ClientAuthenticator clients, KeyManager keys, Store store,
                                               Clock clock, String issuer) {
        AccessTokens accessTokens = new AccessTokens(keys, store.revocations(), clock, issuer);
        router.route("POST", "/oauth2/introspect",
                        new IntrospectionEndpoint(clients, accessTokens, store.refreshTokens(), clock))
                .route("POST", "/oauth2/revoke",
                        new RevocationEndpoint(clients, accessTokens, store.refreshTokens(), store.revocations(), clock))
                .route("GET", "/oauth2/revocations", new RevocationFeedEndpoint(clients, store.revocations(), clock));
    }

    /** Registers cookie login for first-party browser apps under {@code /session}. */
    public static void registerSessions(Router router, BrowserSessions sessions, String issuer,
                                        boolean secureCookies) {
        SessionCookies cookies = new SessionCookies(secureCookies, SessionCookies.originOf(issuer));
        router.route("POST", "/session/login", new SessionLoginEndpoint(sessions, cookies))
                .route("POST", "/session/refresh", new SessionRefreshEndpoint(sessions, cookies))
                .route("POST", "/session/logout", new SessionLogoutEndpoint(sessions, cookies));
    }
}
