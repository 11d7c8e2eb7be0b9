package dev.hallmark.internal.crypto;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import javax.crypto.Cipher;

/**
 * RSAES-PKCS1-v1_5 decryption of a content-encryption key (JWE {@code RSA1_5}), with the RFC 3218 §2.3.2
 * mitigation that RFC 7516 §11.5 asks for: a random key of the right length is drawn before decrypting, and
 * whenever decryption fails or yields a key of another length the random key is used instead. The content
 * decryption then fails on its tag, so a padding error and a tag error are one and the same outcome. There is no
 * encryption side: new tokens should not use RSA1_5.
 */
public final class RsaPkcs1Decryption {

    private static final ThreadLocal<Cipher> ENGINES = ThreadLocal.withInitial(RsaPkcs1Decryption::newCipher);

    private RsaPkcs1Decryption() {
    }

    /** The decrypted key when it is valid and {@code keyLength} bytes long, else random bytes of that length. */
    public static byte[] decryptOrRandom(PrivateKey key, byte[] ciphertext, int keyLength, SecureRandom random) {
        byte[] fallback = new byte[keyLength];
        random.nextBytes(fallback);
        byte[] decrypted;
        try {
            decrypted = decrypt(key, ciphertext);
        } catch (CryptoFailure e) {
            return fallback;
        }
        return decrypted.length == keyLength ? decrypted : fallback;
    }

    /** Plain decryption, {@link CryptoFailure} on any error; for tests of the primitive alone. */
    static byte[] decrypt(PrivateKey key, byte[] ciphertext) {
        Cipher c = ENGINES.get();
        try {
            c.init(Cipher.DECRYPT_MODE, key);
            return c.doFinal(ciphertext);
        } catch (GeneralSecurityException | RuntimeException e) {
            ENGINES.remove();
            throw CryptoFailure.get();
        }
    }

    private static Cipher newCipher() {
        try {
            return Cipher.getInstance("RSA/ECB/PKCS1Padding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA PKCS#1 v1.5 unavailable", e);
        }
    }
}
