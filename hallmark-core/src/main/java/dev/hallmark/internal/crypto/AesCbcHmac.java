package dev.hallmark.internal.crypto;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-CBC with HMAC-SHA2 (RFC 7518 §5.2): A128CBC-HS256, A192CBC-HS384, A256CBC-HS512. The key is MAC_KEY followed
 * by ENC_KEY, each half of it; the tag is the HMAC of AAD, IV, ciphertext and the AAD length in bits, truncated to
 * the length of one half.
 *
 * <p>Decryption checks the tag, in constant time, before it touches the ciphertext: a padding error can then only
 * happen for a ciphertext the key holder produced, so there is no padding oracle, and every failure is the same
 * {@link CryptoFailure}. Engines are cached per thread.
 */
public final class AesCbcHmac {

    public static final int IV_BYTES = 16;

    private static final ThreadLocal<Cipher> CBC = ThreadLocal.withInitial(() -> {
        try {
            // padding is added and checked here, not by the JCA: its BadPaddingException (and the engine it then
            // has to rebuild) made a padding failure measurably slower than a tag failure
            return Cipher.getInstance("AES/CBC/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-CBC unavailable", e);
        }
    });
    private static final ThreadLocal<Mac[]> MACS = ThreadLocal.withInitial(() -> new Mac[3]);

    private AesCbcHmac() {
    }

    /** Ciphertext and tag, separately. */
    public record Sealed(byte[] ciphertext, byte[] tag) {
    }

    /** {@code key} is 32, 48 or 64 bytes (MAC_KEY || ENC_KEY); {@code iv} 16 bytes. */
    public static Sealed encrypt(byte[] key, byte[] iv, byte[] plaintext, byte[] aad) {
        int half = half(key);
        if (iv.length != IV_BYTES) {
            throw new IllegalArgumentException("AES-CBC uses a 128-bit IV");
        }
        byte[] ciphertext = cbc(Cipher.ENCRYPT_MODE, Arrays.copyOfRange(key, half, key.length), iv, pad(plaintext));
        return new Sealed(ciphertext, tag(key, half, aad, iv, ciphertext));
    }

    /** The plaintext, or {@link CryptoFailure} when any length, the tag or the padding is wrong. */
    public static byte[] decrypt(byte[] key, byte[] iv, byte[] ciphertext, byte[] tag, byte[] aad) {
        int half = half(key);
        // Lengths are public; checking them first reveals nothing the attacker did not choose.
        if (iv.length != IV_BYTES || tag.length != half || ciphertext.length == 0 || ciphertext.length % 16 != 0) {
            throw CryptoFailure.get();
        }
        byte[] expected = tag(key, half, aad, iv, ciphertext);
        if (!MessageDigest.isEqual(expected, tag)) {
            throw CryptoFailure.get();
        }
        return cbcDecrypt(Arrays.copyOfRange(key, half, key.length), iv, ciphertext);
    }

    /**
     * The inner AES-CBC-PKCS#7 layer alone, for tests against the CBC vectors; {@link CryptoFailure} on bad padding
     * or length. Never call it on unauthenticated input outside {@link #decrypt}.
     */
    static byte[] cbcDecrypt(byte[] encKey, byte[] iv, byte[] ciphertext) {
        if (ciphertext.length == 0 || ciphertext.length % 16 != 0) {
            throw CryptoFailure.get(); // PKCS#7 always adds at least one byte, so there is at least one block
        }
        return unpad(cbc(Cipher.DECRYPT_MODE, encKey, iv, ciphertext));
    }

    /** PKCS#7 (RFC 5652 §6.3): 1 to 16 bytes, each holding the count. */
    private static byte[] pad(byte[] plaintext) {
        int n = 16 - plaintext.length % 16;
        byte[] out = Arrays.copyOf(plaintext, plaintext.length + n);
        Arrays.fill(out, plaintext.length, out.length, (byte) n);
        return out;
    }

    /**
     * Removes PKCS#7 padding, looking at the last 16 bytes whatever the padding claims and deciding once, at the end,
     * so a bad pad costs what a good one does.
     */
    private static byte[] unpad(byte[] padded) {
        int n = padded.length;
        int pad = padded[n - 1] & 0xff;
        int bad = ((pad - 1) >>> 31) | ((16 - pad) >>> 31); // pad == 0, or pad > 16
        for (int i = 0; i < 16; i++) {
            int diff = (padded[n - 1 - i] & 0xff) ^ pad;
            int inPad = (i - pad) >>> 31; // 1 while i < pad
            bad |= inPad & ((diff | -diff) >>> 31);
        }
        if (bad != 0) {
            throw CryptoFailure.get();
        }
        return Arrays.copyOf(padded, n - pad);
    }

    private static byte[] cbc(int mode, byte[] encKey, byte[] iv, byte[] input) {
        Cipher c = CBC.get();
        try {
            c.init(mode, new SecretKeySpec(encKey, "AES"), new IvParameterSpec(iv));
            return c.doFinal(input);
        } catch (GeneralSecurityException | RuntimeException e) {
            CBC.remove();
            if (mode == Cipher.ENCRYPT_MODE) {
                throw new IllegalStateException("AES-CBC encryption failed", e);
            }
            throw CryptoFailure.get();
        }
    }

    private static byte[] tag(byte[] key, int half, byte[] aad, byte[] iv, byte[] ciphertext) {
        Mac mac = mac(half);
        try {
            mac.init(new SecretKeySpec(key, 0, half, mac.getAlgorithm()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC refused its key", e);
        }
        mac.update(aad);
        mac.update(iv);
        mac.update(ciphertext);
        long al = (long) aad.length * 8;
        for (int i = 7; i >= 0; i--) {
            mac.update((byte) (al >>> (8 * i)));
        }
        return Arrays.copyOf(mac.doFinal(), half);
    }

    private static Mac mac(int half) {
        int slot = half == 16 ? 0 : half == 24 ? 1 : 2;
        Mac[] macs = MACS.get();
        if (macs[slot] == null) {
            try {
                macs[slot] = Mac.getInstance(half == 16 ? "HmacSHA256" : half == 24 ? "HmacSHA384" : "HmacSHA512");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HMAC unavailable", e);
            }
        }
        return macs[slot];
    }

    private static int half(byte[] key) {
        if (key.length != 32 && key.length != 48 && key.length != 64) {
            throw new IllegalArgumentException("an AES-CBC-HMAC key has 32, 48 or 64 bytes, not " + key.length);
        }
        return key.length / 2;
    }
}
