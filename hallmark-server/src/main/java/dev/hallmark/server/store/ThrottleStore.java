package dev.hallmark.server.store;

import java.time.Instant;

/** Counters for login throttling, updated atomically so parallel attempts cannot exceed a limit. */
public interface ThrottleStore {

    /**
     * Adds one failure to {@code key} and returns the count within the current window; a window that ended before
     * {@code now} starts again at one, lasting until {@code now + window}.
     */
    int recordFailure(String key, Instant now, java.time.Duration window);

    /** The failures counted for {@code key} in a window still open at {@code now}. */
    int failures(String key, Instant now);

    void reset(String key);

    /**
     * Takes back one counted attempt for {@code key} (never below zero), for an attempt that turned out to succeed:
     * attempts are counted before the password is checked, so without this a busy shared address (a NAT, an office
     * proxy) would be locked out by its own successful logins.
     */
    void forgive(String key);

    /** Deletes counters whose window ended at or before {@code now} (they count as zero anyway); returns how many. */
    int purgeExpired(Instant now);
}
