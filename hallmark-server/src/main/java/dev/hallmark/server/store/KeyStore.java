package dev.hallmark.server.store;

import java.time.Instant;
import java.util.List;

/** Signing keys. */
public interface KeyStore {

    void insert(SigningKeyRecord key);

    /** Every key, oldest first. */
    List<SigningKeyRecord> list();

    /**
     * Atomically makes {@code newKid} (a published key) the active key and retires {@code expectedActiveKid} (null
     * when there is no active key yet), with the given deletion time. False, with nothing changed, when the active key
     * is no longer {@code expectedActiveKid}: another instance rotated first.
     */
    boolean activate(String newKid, String expectedActiveKid, Instant now, Instant retiredDeleteAfter);

    /** Deletes retired keys whose {@code deleteAfter} has passed; returns how many. */
    int deleteExpired(Instant now);
}
