package dev.hallmark.server.issue;

import dev.hallmark.server.store.ClientRecord;
import dev.hallmark.server.store.ClientStore;
import dev.hallmark.server.store.RefreshTokenRecord;
import dev.hallmark.server.store.RefreshTokenStore;
import dev.hallmark.server.store.RevocationStore;
import dev.hallmark.server.store.UserRecord;
import dev.hallmark.server.store.UserStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Login, refresh and logout for first-party browser apps, whose tokens travel in cookies. The client here is public
 * (a browser cannot keep a secret), so it is only named: it must exist, be first-party and not be disabled. The
 * tokens are the same as the password and refresh grants issue; the HTTP layer decides how they reach the browser.
 */
public final class BrowserSessions {

    private final ClientStore clients;
    private final UserStore users;
    private final PasswordLogin login;
    private final TokenIssuer issuer;
    private final RefreshTokens refreshTokens;
    private final RefreshTokenStore refreshStore;
    private final RevocationStore revocations;
    private final Clock clock;

    public BrowserSessions(ClientStore clients, UserStore users, PasswordLogin login, TokenIssuer issuer,
                           RefreshTokens refreshTokens, RefreshTokenStore refreshStore, RevocationStore revocations,
                           Clock clock) {
        this.clients = clients;
        this.users = users;
        this.login = login;
        this.issuer = issuer;
        this.refreshTokens = refreshTokens;
        this.refreshStore = refreshStore;
        this.revocations = revocations;
        this.clock = clock;
    }

    /**
     * Checks the password (throttled, see {@link PasswordLogin}) and starts a refresh-token family. Refusals:
     * {@code unauthorized_client} for a client that is unknown, third-party or disabled; {@code invalid_grant} for bad
     * credentials; {@link PasswordLogin.LoginThrottledException} when over a limit.
     */
    public IssuedTokens login(String clientId, String username, char[] password, String remoteAddress) {
        ClientRecord client = firstPartyClient(clientId)
                .orElseThrow(() -> new OAuthException("unauthorized_client",
                        "client_id must name an enabled first-party client"));
        UserRecord user = login.authenticate(username, password, remoteAddress);
        String scope = TokenIssuer.resolveScope(client, null);
        RefreshTokens.Issued refresh = refreshTokens.issue(client.clientId(), user.userId(), scope);
        return new IssuedTokens(issuer.accessToken(client, user, scope, refresh.familyId()), issuer.accessLifetime(),
                scope, refresh.token(), remaining(refresh));
    }

    /**
     * Rotates the refresh token (reuse revokes the family, as for the refresh grant) and issues a new access token.
     * Any refusal is {@code invalid_grant}.
     */
    public IssuedTokens refresh(String refreshToken) {
        RefreshTokenRecord record = refreshStore.find(SecretTokens.hash(refreshToken))
                .orElseThrow(() -> OAuthException.invalidGrant("refresh token is invalid"));
        ClientRecord client = firstPartyClient(record.clientId())
                .orElseThrow(() -> OAuthException.invalidGrant("the client is no longer allowed"));
        RefreshTokens.Rotation rotation = refreshTokens.redeem(refreshToken, client.clientId());
        String userId = rotation.redeemed().userId();
        UserRecord user = userId == null ? null : users.findById(userId).filter(u -> !u.disabled())
                .orElseThrow(() -> OAuthException.invalidGrant("the user is no longer active"));
        String scope = rotation.redeemed().scope();
        String accessToken = issuer.accessToken(client, user, scope, rotation.redeemed().familyId());
        // a reuse racing this rotation may have revoked the family before the new access token was recorded
        refreshTokens.settle(rotation);
        return new IssuedTokens(accessToken, issuer.accessLifetime(), scope, rotation.successor().token(),
                remaining(rotation.successor()));
    }

    /** The refresh token's remaining time, for the cookie's Max-Age (the family ends at a fixed instant). */
    private Duration remaining(RefreshTokens.Issued refresh) {
        Duration left = Duration.between(clock.instant(), refresh.expiresAt());
        return left.isNegative() ? Duration.ZERO : left;
    }

    /**
     * Revokes the family of {@code refreshToken} with every access token issued from it; false when the token is
     * unknown (logging out twice is not an error).
     */
    public boolean logout(String refreshToken) {
        Optional<RefreshTokenRecord> record = refreshStore.find(SecretTokens.hash(refreshToken));
        if (record.isEmpty()) {
            return false;
        }
        Instant now = clock.instant();
        refreshStore.revokeFamily(record.get().familyId(), now);
        revocations.revokeFamily(record.get().familyId(), now);
        return true;
    }

    private Optional<ClientRecord> firstPartyClient(String clientId) {
        if (clientId == null || clientId.isEmpty()) {
            return Optional.empty();
        }
        return clients.find(clientId).filter(c -> c.firstParty() && !c.disabled());
    }
}
