package dev.hallmark.jws;

import java.util.Arrays;

/**
 * The last few protected headers a verifier accepted, by their exact encoded bytes. Tokens from one issuer share a
 * handful of headers (one per signing key), so a hit skips base64url, JSON, the header checks and the algorithm and
 * key-matcher lookups, which are most of the non-cryptographic cost of a token. Only a header that passed every
 * header step (parse, {@code crit}, the {@code b64} rule, a supported {@code alg}) is stored, and a hit needs
 * byte-for-byte equality, so the result is the one a fresh parse of those bytes would give. Fixed size; a full slot is simply overwritten, so varied headers cost a miss, never memory.
 * Thread-safe: entries are immutable, and a racing reader sees either the old or the new entry.
 */
final class HeaderCache {

    private static final int SLOTS = 8;
    /** Longer headers are not worth keeping (and would let one slot pin a large array). */
    static final int MAX_SEGMENT_BYTES = 512;

    /** A header segment with what its header decides for the signature check. */
    record Entry(byte[] segment, SignatureCheck.Prepared prepared) {
    }

    private final Entry[] slots = new Entry[SLOTS];

    /** The entry for {@code bytes[off..off+len)}, or null. */
    Entry find(byte[] bytes, int off, int len) {
        if (len > MAX_SEGMENT_BYTES || len == 0) {
            return null;
        }
        Entry e = slots[slot(bytes, off, len)];
        if (e != null && Arrays.equals(e.segment, 0, e.segment.length, bytes, off, off + len)) {
            return e;
        }
        return null;
    }

    /** Remembers a header that passed every header check. */
    void put(byte[] bytes, int off, int len, SignatureCheck.Prepared prepared) {
        if (len > MAX_SEGMENT_BYTES || len == 0) {
            return;
        }
        slots[slot(bytes, off, len)] = new Entry(Arrays.copyOfRange(bytes, off, off + len), prepared);
    }

    /** Headers of one issuer differ mostly in their {@code kid}, near the end: mix the length and a few late bytes. */
    private static int slot(byte[] b, int off, int len) {
        int last = off + len - 1;
        int h = len * 31 + b[last] * 17 + b[last - (len >> 1)] * 7 + b[last - (len >> 2)] * 3 + b[off + (len >> 3)];
        return (h ^ (h >>> 4)) & (SLOTS - 1);
    }
}
