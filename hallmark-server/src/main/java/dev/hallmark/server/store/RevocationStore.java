package dev.hallmark.server.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Issued access tokens and the ones revoked before their expiry. */
public interface RevocationStore {

    /** Records an issued access token. */
    void recordIssued(AccessTokenRecord token);

    Optional<AccessTokenRecord> findIssued(String jti);

    /** Revokes one access token (idempotent); false when it is unknown or already expired. */
    boolean revoke(String jti, Instant now);

    /** Revokes the unexpired access tokens issued from a refresh-token family; returns how many. */
    int revokeFamily(String familyId, Instant now);

    int revokeByUser(String userId, Instant now);

    int revokeByClient(String clientId, Instant now);

    boolean isRevoked(String jti);

    /** Revocations after {@code cursor} whose token has not expired at {@code now}, oldest first, at most {@code limit}. */
    List<RevokedToken> feed(long cursor, Instant now, int limit);

    /** Deletes issued-token records and revocations whose tokens expired before {@code now}; returns how many. */
    int purgeExpired(Instant now);
}
