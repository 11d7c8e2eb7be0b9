package dev.hallmark.internal.crypto;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES Key Wrap (RFC 3394 §2.2 with the default initial value), as A128KW/A192KW/A256KW and the wrapping step of
 * ECDH-ES+AxxxKW and PBES2 use it (RFC 7518 §4.4). Written over the JDK's AES block cipher so that every unwrap
 * failure is the same {@link CryptoFailure}, whatever the provider would have thrown. Thread-safe; the AES engine is
 * cached per thread.
 */
public final class AesKeyWrap {

    private static final byte[] DEFAULT_IV = {(byte) 0xa6, (byte) 0xa6, (byte) 0xa6, (byte) 0xa6,
        (byte) 0xa6, (byte) 0xa6, (byte) 0xa6, (byte) 0xa6};

    private static final ThreadLocal<Cipher> AES = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/ECB/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES unavailable", e);
        }
    });

    private AesKeyWrap() {
    }

    /** Wraps {@code key} (at least 16 bytes, a multiple of 8) under {@code kek} (16, 24 or 32 bytes). */
    public static byte[] wrap(byte[] kek, byte[] key) {
        checkKek(kek);
        if (key.length < 16 || key.length % 8 != 0) {
            throw new IllegalArgumentException("AES key wrap needs a key of at least 16 bytes, a multiple of 8");
        }
        int n = key.length / 8;
        byte[] a = DEFAULT_IV.clone();
        byte[] r = key.clone();
        byte[] block = new byte[16];
        Cipher aes = init(Cipher.ENCRYPT_MODE, kek);
        for (int j = 0; j <= 5; j++) {
            for (int i = 1; i <= n; i++) {
                System.arraycopy(a, 0, block, 0, 8);
                System.arraycopy(r, (i - 1) * 8, block, 8, 8);
                aesBlock(aes, block);
                System.arraycopy(block, 0, a, 0, 8);
                xorCounter(a, (long) n * j + i);
                System.arraycopy(block, 8, r, (i - 1) * 8, 8);
            }
        }
        byte[] out = new byte[8 + key.length];
        System.arraycopy(a, 0, out, 0, 8);
        System.arraycopy(r, 0, out, 8, r.length);
        return out;
    }

    /**
     * Unwraps and checks the integrity value; throws {@link CryptoFailure} for any input that is not exactly a
     * valid wrap under {@code kek}, with no partial output.
     */
    public static byte[] unwrap(byte[] kek, byte[] wrapped) {
        checkKek(kek);
        if (wrapped.length < 24 || wrapped.length % 8 != 0) {
            throw CryptoFailure.get();
        }
        int n = wrapped.length / 8 - 1;
        byte[] a = new byte[8];
        System.arraycopy(wrapped, 0, a, 0, 8);
        byte[] r = new byte[n * 8];
        System.arraycopy(wrapped, 8, r, 0, r.length);
        byte[] block = new byte[16];
        Cipher aes = init(Cipher.DECRYPT_MODE, kek);
        for (int j = 5; j >= 0; j--) {
            for (int i = n; i >= 1; i--) {
                xorCounter(a, (long) n * j + i);
                System.arraycopy(a, 0, block, 0, 8);
                System.arraycopy(r, (i - 1) * 8, block, 8, 8);
                aesBlock(aes, block);
                System.arraycopy(block, 0, a, 0, 8);
                System.arraycopy(block, 8, r, (i - 1) * 8, 8);
            }
        }
        if (!MessageDigest.isEqual(a, DEFAULT_IV)) {
            java.util.Arrays.fill(r, (byte) 0);
            throw CryptoFailure.get();
        }
        return r;
    }

    private static void checkKek(byte[] kek) {
        if (kek.length != 16 && kek.length != 24 && kek.length != 32) {
            throw new IllegalArgumentException("an AES key-encryption key has 16, 24 or 32 bytes, not " + kek.length);
        }
    }

    private static Cipher init(int mode, byte[] kek) {
        Cipher aes = AES.get();
        try {
            aes.init(mode, new SecretKeySpec(kek, "AES"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES refused a " + kek.length + "-byte key", e);
        }
        return aes;
    }

    private static void aesBlock(Cipher aes, byte[] block) {
        try {
            aes.update(block, 0, 16, block, 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES block operation failed", e);
        }
    }

    private static void xorCounter(byte[] a, long t) {
        for (int k = 7; k >= 0 && t != 0; k--) {
            a[k] ^= (byte) t;
            t >>>= 8;
        }
    }
}
