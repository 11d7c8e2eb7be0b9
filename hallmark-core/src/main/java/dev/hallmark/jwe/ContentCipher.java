package dev.hallmark.jwe;

import dev.hallmark.internal.crypto.AesCbcHmac;
import dev.hallmark.internal.crypto.AesGcm;

/** Content encryption and decryption for each {@link ContentEncryption} (RFC 7518 §5). */
final class ContentCipher {

    record Sealed(byte[] ciphertext, byte[] tag) {
    }

    private ContentCipher() {
    }

    static Sealed encrypt(ContentEncryption enc, byte[] cek, byte[] iv, byte[] plaintext, byte[] aad) {
        if (enc.isGcm()) {
            AesGcm.Sealed s = AesGcm.encrypt(cek, iv, plaintext, aad);
            return new Sealed(s.ciphertext(), s.tag());
        }
        AesCbcHmac.Sealed s = AesCbcHmac.encrypt(cek, iv, plaintext, aad);
        return new Sealed(s.ciphertext(), s.tag());
    }

    /** The plaintext, or {@code CryptoFailure}; the CEK length was checked by the caller. */
    static byte[] decrypt(ContentEncryption enc, byte[] cek, byte[] iv, byte[] ciphertext, byte[] tag, byte[] aad) {
        return enc.isGcm() ? AesGcm.decrypt(cek, iv, ciphertext, tag, aad)
                : AesCbcHmac.decrypt(cek, iv, ciphertext, tag, aad);
    }
}
