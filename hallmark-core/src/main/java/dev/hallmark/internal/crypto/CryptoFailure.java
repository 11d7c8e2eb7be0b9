package dev.hallmark.internal.crypto;

/**
 * A decryption-side primitive refused its input: bad tag, bad padding, bad unwrap, invalid peer key, wrong length.
 * Deliberately carries no detail and no stack trace: the JWE layer turns every one of these into the same
 * {@code DECRYPTION_FAILED} rejection, and nothing about which check failed may leak (RFC 7516 §11.4, §11.5).
 */
public final class CryptoFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private static final CryptoFailure INSTANCE = new CryptoFailure();

    private CryptoFailure() {
        super("decryption failed", null, false, false);
    }

    /** The one failure; shared, since it carries nothing that differs between failures. */
    public static CryptoFailure get() {
        return INSTANCE;
    }
}
