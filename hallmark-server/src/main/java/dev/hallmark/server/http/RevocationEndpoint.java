package dev.hallmark.server.http;

import dev.hallmark.jwt.VerifiedJwt;
import dev.hallmark.server.issue.ClientAuthenticator;
import dev.hallmark.server.issue.OAuthException;
import dev.hallmark.server.issue.SecretTokens;
import dev.hallmark.server.store.ClientRecord;
import dev.hallmark.server.store.RefreshTokenRecord;
import dev.hallmark.server.store.RefreshTokenStore;
import dev.hallmark.server.store.RevocationStore;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code POST /oauth2/revoke} (RFC 7009). Revoking a refresh token revokes its whole family and every access token
 * issued from it; revoking an access token puts its {@code jti} on the revocation feed. Unknown tokens, and tokens
 * of other clients, get 200 and change nothing (RFC 7009 §2.2: the answer must not tell whether a token exists).
 */
public final class RevocationEndpoint implements Endpoint {

    private final ClientAuthenticator clients;
    private final AccessTokens accessTokens;
    private final RefreshTokenStore refreshTokens;
    private final RevocationStore revocations;
    private final Clock clock;

    RevocationEndpoint(ClientAuthenticator clients, AccessTokens accessTokens, RefreshTokenStore refreshTokens,
                       RevocationStore revocations, Clock clock) {
        this.clients = clients;
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.revocations = revocations;
        this.clock = clock;
    }

    @Override
    public void handle(Exchange x) {
        java.util.Map<String, String> form = x.form();
        ClientRecord client = clients.authenticate(TokenEndpoint.credentials(x, form));
        String token = form.get("token");
        if (token == null || token.isEmpty()) {
            throw OAuthException.invalidRequest("token is required");
        }
        Instant now = clock.instant();
        Optional<RefreshTokenRecord> refresh = refreshTokens.find(SecretTokens.hash(token))
                .filter(r -> r.clientId().equals(client.clientId()));
        if (refresh.isPresent()) {
            refreshTokens.revokeFamily(refresh.get().familyId(), now);
            revocations.revokeFamily(refresh.get().familyId(), now);
        } else if (token.indexOf('.') > 0) {
            Optional<VerifiedJwt> jwt = accessTokens.verify(token, false);
            if (jwt.isPresent() && client.clientId().equals(jwt.get().claims().getString("client_id").orElse(null))) {
                revocations.revoke(jwt.get().claims().jwtId().orElseThrow(), now);
            }
        }
        x.empty(200);
    }
}
