package dev.hallmark.internal.crypto;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * PBKDF2 (RFC 8018 §5.2) over the JDK's HMAC, as PBES2 uses it (RFC 7518 §4.8). Hallmark runs the loop itself
 * rather than through {@code SecretKeyFactory}, whose PBKDF2 takes a {@code char[]} password and so cannot take
 * arbitrary password bytes. The iteration count is bounded by the caller (the JWE layer checks {@code p2c} against
 * {@code Limits} before calling here). HMAC engines are cached per thread.
 */
public final class Pbkdf2 {

    private final String macName;
    private final ThreadLocal<Mac> macs;

    private Pbkdf2(String macName) {
        this.macName = macName;
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                return Mac.getInstance(macName);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(macName + " unavailable", e);
            }
        });
    }

    /** PBKDF2 with HMAC-SHA-256, -384 or -512 ({@code "HmacSHA256"} ...). */
    public static Pbkdf2 with(String macName) {
        return new Pbkdf2(macName);
    }

    public byte[] derive(byte[] password, byte[] salt, int iterations, int keyBytes) {
        if (iterations < 1 || keyBytes < 1) {
            throw new IllegalArgumentException("PBKDF2 needs at least one iteration and one output byte");
        }
        Mac mac = macs.get();
        try {
            // HMAC keys may be empty per RFC 2104, but SecretKeySpec refuses empty keys: a one-byte zero key is
            // the same HMAC key (keys are zero-padded to the block size).
            mac.init(new SecretKeySpec(password.length == 0 ? new byte[1] : password, macName));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(macName + " refused the password", e);
        }
        int hLen = mac.getMacLength();
        int blocks = (keyBytes + hLen - 1) / hLen;
        byte[] out = new byte[blocks * hLen];
        byte[] u = new byte[hLen];
        for (int block = 1; block <= blocks; block++) {
            mac.update(salt);
            mac.update(new byte[] {(byte) (block >>> 24), (byte) (block >>> 16), (byte) (block >>> 8), (byte) block});
            try {
                mac.doFinal(u, 0);
                int off = (block - 1) * hLen;
                System.arraycopy(u, 0, out, off, hLen);
                for (int i = 1; i < iterations; i++) {
                    mac.update(u);
                    mac.doFinal(u, 0);
                    for (int k = 0; k < hLen; k++) {
                        out[off + k] ^= u[k];
                    }
                }
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
        return Arrays.copyOf(out, keyBytes);
    }
}
