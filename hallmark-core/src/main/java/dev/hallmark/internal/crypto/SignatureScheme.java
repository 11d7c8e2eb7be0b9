package dev.hallmark.internal.crypto;

import java.security.Key;

/**
 * One JWS signature algorithm bound to its JCA implementation. Instances are immutable and thread-safe; each keeps
 * its JCA engines in a per-thread cache, never in a shared field.
 */
public interface SignatureScheme {

    /** Signs {@code data} with a private key (or an HMAC secret). */
    byte[] sign(Key key, byte[] data);

    /**
     * Verifies {@code signature} over {@code len} bytes of {@code data} from {@code off}. Returns false for any
     * signature that is not exactly valid, including wrong lengths and out-of-range values; never throws for
     * malformed signatures.
     */
    boolean verify(Key key, byte[] data, int off, int len, byte[] signature);
}
