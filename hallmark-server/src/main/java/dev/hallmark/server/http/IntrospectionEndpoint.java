package dev.hallmark.server.http;

import dev.hallmark.jwt.Claims;
import dev.hallmark.jwt.VerifiedJwt;
import dev.hallmark.server.issue.ClientAuthenticator;
import dev.hallmark.server.issue.OAuthException;
import dev.hallmark.server.issue.SecretTokens;
import dev.hallmark.server.store.RefreshTokenRecord;
import dev.hallmark.server.store.RefreshTokenStore;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /oauth2/introspect} (RFC 7662): any authenticated client may ask; an inactive, unknown, expired or
 * revoked token answers only {@code {"active":false}}.
 */
public final class IntrospectionEndpoint implements Endpoint {

    private final ClientAuthenticator clients;
    private final AccessTokens accessTokens;
    private final RefreshTokenStore refreshTokens;
    private final Clock clock;

    IntrospectionEndpoint(ClientAuthenticator clients, AccessTokens accessTokens, RefreshTokenStore refreshTokens,
                          Clock clock) {
        this.clients = clients;
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.clock = clock;
    }

    @Override
    public void handle(Exchange x) {
        Map<String, String> form = x.form();
        clients.authenticate(TokenEndpoint.credentials(x, form));
        String token = form.get("token");
        if (token == null || token.isEmpty()) {
            throw OAuthException.invalidRequest("token is required");
        }
        x.setHeader("Pragma", "no-cache");
        x.json(200, introspect(token));
    }

    private Map<String, Object> introspect(String token) {
        Map<String, Object> out = new LinkedHashMap<>();
        Optional<VerifiedJwt> jwt = token.indexOf('.') > 0 ? accessTokens.verify(token, true) : Optional.empty();
        if (jwt.isPresent()) {
            Claims c = jwt.get().claims();
            out.put("active", true);
            c.getString("scope").ifPresent(s -> out.put("scope", s));
            out.put("client_id", c.getString("client_id").orElse(""));
            c.subject().ifPresent(s -> out.put("sub", s));
            out.put("aud", c.audience().size() == 1 ? c.audience().get(0) : c.audience());
            c.issuer().ifPresent(s -> out.put("iss", s));
            c.expiresAt().ifPresent(t -> out.put("exp", t.getEpochSecond()));
            c.issuedAt().ifPresent(t -> out.put("iat", t.getEpochSecond()));
            c.jwtId().ifPresent(s -> out.put("jti", s));
            out.put("token_type", "Bearer");
            return out;
        }
        Optional<RefreshTokenRecord> refresh = refreshTokens.find(SecretTokens.hash(token))
                .filter(r -> r.state() == RefreshTokenRecord.State.ACTIVE && r.expiresAt().isAfter(clock.instant()));
        if (refresh.isPresent()) {
            RefreshTokenRecord r = refresh.get();
            out.put("active", true);
            out.put("scope", r.scope());
            out.put("client_id", r.clientId());
            if (r.userId() != null) {
                out.put("sub", r.userId());
            }
            out.put("exp", r.expiresAt().getEpochSecond());
            out.put("iat", r.issuedAt().getEpochSecond());
            out.put("token_type", "refresh_token");
            return out;
        }
        return Map.of("active", false);
    }
}
