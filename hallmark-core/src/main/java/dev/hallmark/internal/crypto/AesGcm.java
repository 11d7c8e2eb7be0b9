package dev.hallmark.internal.crypto;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-GCM with a 96-bit IV and a 128-bit tag, the only parameters JOSE uses: A128GCM/A192GCM/A256GCM content
 * encryption (RFC 7518 §5.3) and the A128GCMKW/A192GCMKW/A256GCMKW key wrap (§4.7). Decryption engines are cached
 * per thread; encryption takes a fresh engine, because the JDK refuses to re-initialise one GCM engine for
 * encryption with a key and IV it has used before, and a caller may legitimately repeat a deterministic test.
 */
public final class AesGcm {

    public static final int IV_BYTES = 12;
    public static final int TAG_BYTES = 16;

    private static final ThreadLocal<Cipher> DECRYPT = ThreadLocal.withInitial(AesGcm::newCipher);

    private AesGcm() {
    }

    /** Ciphertext and tag, separately. */
    public record Sealed(byte[] ciphertext, byte[] tag) {
    }

    public static Sealed encrypt(byte[] key, byte[] iv, byte[] plaintext, byte[] aad) {
        checkKey(key);
        if (iv.length != IV_BYTES) {
            throw new IllegalArgumentException("A*GCM uses a 96-bit IV");
        }
        Cipher c = newCipher();
        try {
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BYTES * 8, iv));
            c.updateAAD(aad);
            byte[] out = c.doFinal(plaintext);
            int ctLen = out.length - TAG_BYTES;
            return new Sealed(java.util.Arrays.copyOf(out, ctLen), java.util.Arrays.copyOfRange(out, ctLen, out.length));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /** The plaintext, or {@link CryptoFailure} for a wrong IV or tag length or a tag that does not verify. */
    public static byte[] decrypt(byte[] key, byte[] iv, byte[] ciphertext, byte[] tag, byte[] aad) {
        checkKey(key);
        if (iv.length != IV_BYTES || tag.length != TAG_BYTES) {
            throw CryptoFailure.get();
        }
        Cipher c = DECRYPT.get();
        try {
            c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BYTES * 8, iv));
            c.updateAAD(aad);
            byte[] input = new byte[ciphertext.length + TAG_BYTES];
            System.arraycopy(ciphertext, 0, input, 0, ciphertext.length);
            System.arraycopy(tag, 0, input, ciphertext.length, TAG_BYTES);
            return c.doFinal(input);
        } catch (GeneralSecurityException | RuntimeException e) {
            // AEADBadTagException and anything else the provider throws: one outcome
            DECRYPT.remove();
            throw CryptoFailure.get();
        }
    }

    private static void checkKey(byte[] key) {
        if (key.length != 16 && key.length != 24 && key.length != 32) {
            throw new IllegalArgumentException("an AES-GCM key has 16, 24 or 32 bytes, not " + key.length);
        }
    }

    private static Cipher newCipher() {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }
}
