package dev.hallmark.jwt;

import dev.hallmark.jwk.Jwk;
import dev.hallmark.jwk.JwkMatcher;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The opt-in cache of one {@link JwtVerifier}: SHA-256 of the exact token bytes to the {@link VerifiedJwt} and what
 * its signature check depended on. Only successes are stored, so garbage cannot fill it. The verifier re-runs the
 * time and revocation checks on every hit and re-selects the key, so a hit answers exactly what a full verification
 * would.
 *
 * <p>Bounded without a global lock on the hot path: two generations of concurrent maps. New entries go to the young
 * one; when it holds half the bound it becomes the old one and the previous old one is dropped; a hit in the old
 * generation moves the entry to the young one. That keeps recently used tokens (roughly LRU) in at most the bound.
 */
final class VerifiedJwtCache {

    /**
     * What a hit needs to re-check: the result, the matcher its key was selected with and the selected key. Its life
     * ends at the token's {@code exp} (plus leeway): the verifier's time check then fails and removes it.
     */
    record Entry(VerifiedJwt jwt, JwkMatcher matcher, Jwk selectedKey) {
    }

    /** A SHA-256 digest; collisions are cryptographically infeasible, so equal digests mean equal tokens. */
    static final class Key {
        private final byte[] digest;
        private final int hash;

        private Key(byte[] digest) {
            this.digest = digest;
            this.hash = (digest[0] & 0xff) << 24 | (digest[1] & 0xff) << 16 | (digest[2] & 0xff) << 8 | (digest[3] & 0xff);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(digest, k.digest);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private final int generationSize;
    private final int maxTokenChars;
    private final ThreadLocal<MessageDigest> sha256 = ThreadLocal.withInitial(VerifiedJwtCache::newDigest);
    private volatile ConcurrentHashMap<Key, Entry> young = new ConcurrentHashMap<>();
    private volatile ConcurrentHashMap<Key, Entry> old = new ConcurrentHashMap<>();
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    VerifiedJwtCache(int maxEntries, int maxTokenChars) {
        this.generationSize = Math.max(1, maxEntries / 2);
        this.maxTokenChars = maxTokenChars;
    }

    /**
     * The key of a token, or null when it cannot be cached: over the size limit (verification refuses it first
     * anyway) or not ASCII (a compact JWS is ASCII; anything else fails verification, so hashing an exact byte form
     * of it would only cost time).
     */
    Key keyOf(String token) {
        int n = token.length();
        if (n > maxTokenChars) {
            return null;
        }
        byte[] ascii = new byte[n];
        for (int i = 0; i < n; i++) {
            char c = token.charAt(i);
            if (c > 0x7f) {
                return null;
            }
            ascii[i] = (byte) c;
        }
        return new Key(sha256.get().digest(ascii));
    }

    Entry get(Key key) {
        Entry e = young.get(key);
        if (e == null) {
            e = old.get(key);
            if (e != null) {
                put(key, e);
            }
        }
        if (e == null) {
            misses.increment();
        } else {
            hits.increment();
        }
        return e;
    }

    void put(Key key, Entry entry) {
        ConcurrentHashMap<Key, Entry> y = young;
        y.put(key, entry);
        if (y.size() >= generationSize) {
            rotate(y);
        }
    }

    void remove(Key key) {
        young.remove(key);
        old.remove(key);
    }

    int size() {
        return young.size() + old.size();
    }

    long hits() {
        return hits.sum();
    }

    long misses() {
        return misses.sum();
    }

    private synchronized void rotate(ConcurrentHashMap<Key, Entry> full) {
        if (young != full) {
            return;
        }
        old = full;
        young = new ConcurrentHashMap<>();
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
