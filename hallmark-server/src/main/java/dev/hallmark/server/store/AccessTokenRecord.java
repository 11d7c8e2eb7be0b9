package dev.hallmark.server.store;

import java.time.Instant;
import java.util.Objects;

/**
 * What the issuer remembers of an access token it signed, so it can be revoked and introspected.
 *
 * @param jti the token's {@code jti}
 * @param clientId the client it was issued to
 * @param userId the user, or null
 * @param familyId the refresh-token family it came from, or null
 * @param scope the granted scope
 * @param audience the audience
 * @param issuedAt its {@code iat}
 * @param expiresAt its {@code exp}
 */
public record AccessTokenRecord(String jti, String clientId, String userId, String familyId, String scope,
                                String audience, Instant issuedAt, Instant expiresAt) {

    public AccessTokenRecord {
        Objects.requireNonNull(jti, "jti");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
