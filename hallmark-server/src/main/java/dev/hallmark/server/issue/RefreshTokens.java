package dev.hallmark.server.issue;

import dev.hallmark.server.store.RefreshTokenRecord;
import dev.hallmark.server.store.RefreshTokenRecord.State;
import dev.hallmark.server.store.RefreshTokenStore;
import dev.hallmark.server.store.RevocationStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Opaque refresh tokens, stored only as hashes and rotated on every use (RFC 9700 §4.14.2). Presenting a token that
 * was already rotated is reuse: the whole family is revoked, with every access token issued from it. A grace window
 * (default zero) lets only the immediately previous token be retried, for clients that lost a response.
 */
public final class RefreshTokens {

    /** A redeemed token: what the new tokens are issued for, and the family they continue. */
    public record Redeemed(String familyId, String clientId, String userId, String scope) {
    }

    /**
     * A new refresh token: its value (given to the client once), its family, and when it stops working (the family's
     * absolute end: rotation never extends it).
     */
    public record Issued(String token, String familyId, Instant expiresAt) {
        @Override
        public String toString() {
            return "Issued{familyId=" + familyId + "}";
        }
    }

    private final RefreshTokenStore store;
    private final RevocationStore revocations;
    private final Clock clock;
    private final Duration lifetime;
    private final Duration grace;
    private final AtomicLong reuseDetections = new AtomicLong();

    public RefreshTokens(RefreshTokenStore store, RevocationStore revocations, Clock clock, Duration lifetime,
                         Duration grace) {
        this.store = store;
        this.revocations = revocations;
        this.clock = clock;
        this.lifetime = lifetime;
        this.grace = grace;
    }

    /** A token starting a new family. */
    public Issued issue(String clientId, String userId, String scope) {
        String token = SecretTokens.newSecret();
        String family = UUID.randomUUID().toString();
        Instant now = clock.instant();
        Instant expiresAt = now.plus(lifetime);
        store.insert(new RefreshTokenRecord(SecretTokens.hash(token), family, clientId, userId, scope, now,
                expiresAt, State.ACTIVE, null, null));
        return new Issued(token, family, expiresAt);
    }

    /**
     * Redeems {@code token} for {@code clientId} and rotates it: the returned successor replaces it. Any failure is
     * {@code invalid_grant}; reuse also revokes the family.
     */
    public Rotation redeem(String token, String clientId) {
        Instant now = clock.instant();
        String hash = SecretTokens.hash(token);
        RefreshTokenRecord record = store.find(hash)
                .orElseThrow(() -> OAuthException.invalidGrant("refresh token is invalid"));
        if (!record.clientId().equals(clientId)) {
            throw OAuthException.invalidGrant("refresh token is invalid");
        }
        if (record.state() == State.REVOKED || !record.expiresAt().isAfter(now)) {
            throw OAuthException.invalidGrant("refresh token is invalid");
        }
        if (record.state() == State.ROTATED) {
            Optional<RefreshTokenRecord> successor = withinGrace(record, now);
            if (successor.isEmpty()) {
                revokeFamily(record.familyId(), now);
                throw OAuthException.invalidGrant("refresh token was already used");
            }
            record = successor.get();
        }
        String next = SecretTokens.newSecret();
        RefreshTokenRecord successor = new RefreshTokenRecord(SecretTokens.hash(next), record.familyId(),
                record.clientId(), record.userId(), record.scope(), now, record.expiresAt(), State.ACTIVE, null, null);
        if (!store.rotate(record.tokenHash(), successor, now)) {
            // someone else rotated it between our read and our write: a concurrent use of one token
            revokeFamily(record.familyId(), now);
            throw OAuthException.invalidGrant("refresh token was already used");
        }
        return new Rotation(new Redeemed(record.familyId(), record.clientId(), record.userId(), record.scope()),
                new Issued(next, record.familyId(), record.expiresAt()));
    }

    /**
     * Call after the access token of {@code rotation} is recorded. A concurrent reuse may have revoked the family
     * between the rotation and that record, which the family revocation could not see; revoking the family again
     * now covers the new access token too.
     */
    public void settle(Rotation rotation) {
        boolean alive = store.find(SecretTokens.hash(rotation.successor().token()))
                .filter(r -> r.state() == State.ACTIVE).isPresent();
        if (!alive) {
            revocations.revokeFamily(rotation.successor().familyId(), clock.instant());
        }
    }

    /** The result of a redemption. */
    public record Rotation(Redeemed redeemed, Issued successor) {
    }

    private Optional<RefreshTokenRecord> withinGrace(RefreshTokenRecord rotated, Instant now) {
        if (grace.isZero() || rotated.rotatedAt() == null || rotated.replacedBy() == null
                || rotated.rotatedAt().plus(grace).isBefore(now)) {
            return Optional.empty();
        }
        return store.find(rotated.replacedBy()).filter(s -> s.state() == State.ACTIVE);
    }

    private void revokeFamily(String familyId, Instant now) {
        reuseDetections.incrementAndGet();
        store.revokeFamily(familyId, now);
        revocations.revokeFamily(familyId, now);
    }

    /** How many reuses were detected since start, for metrics. */
    public long reuseDetections() {
        return reuseDetections.get();
    }
}
