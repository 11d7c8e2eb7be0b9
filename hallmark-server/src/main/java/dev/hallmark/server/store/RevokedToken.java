package dev.hallmark.server.store;

import java.time.Instant;

/**
 * An entry of the revocation feed.
 *
 * @param cursor position in the feed, increasing
 * @param jti the revoked access token
 * @param expiresAt when the token would have expired; the entry is dropped after it
 */
public record RevokedToken(long cursor, String jti, Instant expiresAt) {
}
