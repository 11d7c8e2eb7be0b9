package dev.hallmark.server.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One refresh token, stored only as the SHA-256 hash of its value. Tokens issued from one original grant share a
 * family; rotating marks the old token {@link State#ROTATED} and names its successor.
 *
 * @param tokenHash base64url SHA-256 of the opaque token
 * @param familyId the family (one per original grant)
 * @param clientId the client it was issued to
 * @param userId the user, or null for tokens without one
 * @param scope the granted scope, space-separated
 * @param issuedAt when it was issued
 * @param expiresAt when it stops working even if unused
 * @param state its state
 * @param replacedBy hash of the token it was rotated into, or null
 * @param rotatedAt when it was rotated, or null
 */
public record RefreshTokenRecord(String tokenHash, String familyId, String clientId, String userId, String scope,
                                 Instant issuedAt, Instant expiresAt, State state, String replacedBy,
                                 Instant rotatedAt) {

    /** Lifecycle of a refresh token. */
    public enum State { ACTIVE, ROTATED, REVOKED }

    public RefreshTokenRecord {
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(familyId, "familyId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(state, "state");
    }
}
