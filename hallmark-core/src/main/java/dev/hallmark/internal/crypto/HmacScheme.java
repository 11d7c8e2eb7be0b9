package dev.hallmark.internal.crypto;

import dev.hallmark.internal.codec.ConstantTime;

import java.security.Key;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * HS256/384/512 (RFC 7518 §3.2): full-length tags only, compared in constant time.
 *
 * <p>HMAC (RFC 2104) is H((K ^ opad) || H((K ^ ipad) || m)). The two padded-key blocks depend on the key alone, so
 * each thread hashes them once per key and keeps the two digest states; a MAC then clones both states instead of
 * hashing the pads again. The JCA {@code Mac} re-hashes the inner pad after every {@code doFinal} and the outer pad
 * within it: two compression-function calls of the seven or so a token costs. Both digests write into the thread's
 * own tag buffer ({@code digest(buf, off, len)}), which a verification compares in place and then zeroes, so a MAC
 * allocates only the two clones; re-hashing the outer pad instead of cloning its state halved the allocation again
 * but cost a compression, and measured slower (docs/decisions.md). The result is the same HMAC, checked against the
 * JCA {@code Mac} and RFC 4231 by the tests.
 */
public final class HmacScheme implements SignatureScheme {

    private final String digestName;
    private final int blockBytes;
    private final int macBytes;
    private final ThreadLocal<Keyed> keyed = new ThreadLocal<>();

    /** {@code jcaName} is {@code HmacSHA256}, {@code HmacSHA384} or {@code HmacSHA512}. */
    public HmacScheme(String jcaName) {
        this.digestName = switch (jcaName) {
            case "HmacSHA256" -> "SHA-256";
            case "HmacSHA384" -> "SHA-384";
            case "HmacSHA512" -> "SHA-512";
            default -> throw new IllegalArgumentException("not an HMAC-SHA2 name: " + jcaName);
        };
        this.blockBytes = jcaName.equals("HmacSHA256") ? 64 : 128;
        this.macBytes = newDigest().getDigestLength(); // and fail at class initialisation, not at the first token
    }

    @Override
    public byte[] sign(Key key, byte[] data) {
        Keyed k = keyedFor(key);
        mac(k, data, 0, data.length);
        byte[] tag = k.tag.clone(); // the caller's own copy: the thread's buffer is reused by the next MAC
        Arrays.fill(k.tag, (byte) 0);
        return tag;
    }

    @Override
    public boolean verify(Key key, byte[] data, int off, int len, byte[] signature) {
        Keyed k = keyedFor(key);
        mac(k, data, off, len);
        boolean equal = ConstantTime.equal(k.tag, signature);
        // the right tag for this input must not outlive the comparison, even in the thread's own buffer
        Arrays.fill(k.tag, (byte) 0);
        return equal;
    }

    private Keyed keyedFor(Key key) {
        Keyed k = keyed.get();
        if (k == null || k.key != key) {
            k = prepare(key);
            keyed.set(k);
        }
        return k;
    }

    /**
     * Leaves the MAC of the input in {@code k.tag}. The inner hash goes through the same buffer, and both digests
     * write into it ({@code digest(buf, off, len)}) rather than each allocating its result.
     */
    private void mac(Keyed k, byte[] data, int off, int len) {
        MessageDigest inner = copy(k.inner);
        inner.update(data, off, len);
        digestInto(inner, k.tag);
        MessageDigest outer = copy(k.outer);
        outer.update(k.tag);
        digestInto(outer, k.tag);
    }

    private static void digestInto(MessageDigest digest, byte[] out) {
        try {
            digest.digest(out, 0, out.length);
        } catch (java.security.DigestException e) {
            // the buffer is exactly the digest length, so this cannot happen with a working provider
            throw new IllegalStateException("digest into a buffer failed", e);
        }
    }

    /** The digest states after the inner and outer padded-key blocks (RFC 2104 §2). */
    private Keyed prepare(Key key) {
        if (!"RAW".equals(key.getFormat())) {
            throw new IllegalArgumentException("an HMAC key must be a raw secret, not " + key.getFormat());
        }
        byte[] secret = key.getEncoded();
        if (secret == null) {
            throw new IllegalArgumentException("the HMAC key does not reveal its bytes");
        }
        byte[] block = new byte[blockBytes];
        try {
            if (secret.length > blockBytes) {
                byte[] hashed = newDigest().digest(secret);
                System.arraycopy(hashed, 0, block, 0, hashed.length);
                Arrays.fill(hashed, (byte) 0);
            } else {
                System.arraycopy(secret, 0, block, 0, secret.length);
            }
            MessageDigest inner = newDigest();
            MessageDigest outer = newDigest();
            for (int i = 0; i < blockBytes; i++) {
                block[i] ^= 0x36;
            }
            inner.update(block);
            for (int i = 0; i < blockBytes; i++) {
                block[i] ^= 0x36 ^ 0x5c;
            }
            outer.update(block);
            return new Keyed(key, inner, outer, new byte[macBytes]);
        } finally {
            Arrays.fill(secret, (byte) 0);
            Arrays.fill(block, (byte) 0);
        }
    }

    private MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance(digestName);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(digestName + " unavailable", e);
        }
    }

    private static MessageDigest copy(MessageDigest state) {
        try {
            return (MessageDigest) state.clone();
        } catch (CloneNotSupportedException e) {
            // the JDK's SHA-2 digests are cloneable; a provider that is not cannot serve here
            throw new IllegalStateException("digest cannot be cloned", e);
        }
    }

    /**
     * One thread's padded-key digest states for the key it used last (compared by identity), and the buffer its
     * MACs are computed into (zeroed after each use).
     */
    private record Keyed(Key key, MessageDigest inner, MessageDigest outer, byte[] tag) {
        /** The digest states are derived from the secret: never shown. */
        @Override
        public String toString() {
            return "HmacScheme.Keyed[state redacted]";
        }
    }
}
