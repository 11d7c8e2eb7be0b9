package dev.hallmark.server.store;

import java.time.Instant;
import java.util.Optional;

/** Refresh tokens and their families. */
public interface RefreshTokenStore {

    void insert(RefreshTokenRecord token);

    Optional<RefreshTokenRecord> find(String tokenHash);

    /**
     * Atomically marks {@code oldHash} rotated (only if it is still {@link RefreshTokenRecord.State#ACTIVE}) and
     * inserts {@code successor}. False, with nothing changed, when the old token was no longer active: a concurrent
     * or replayed use, which the caller treats as reuse.
     */
    boolean rotate(String oldHash, RefreshTokenRecord successor, Instant now);

    /** Revokes every token of a family; returns how many changed. */
    int revokeFamily(String familyId, Instant now);

    /** Revokes every refresh token of a user; returns how many changed. */
    int revokeByUser(String userId, Instant now);

    /** Revokes every refresh token of a client; returns how many changed. */
    int revokeByClient(String clientId, Instant now);

    /** Deletes refresh tokens that expired at or before {@code now}, whatever their state; returns how many. */
    int purgeExpired(Instant now);
}
