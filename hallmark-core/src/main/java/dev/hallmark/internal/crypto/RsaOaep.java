package dev.hallmark.internal.crypto;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.MGF1ParameterSpec;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;

/**
 * RSAES-OAEP (RFC 8017 §7.1) with MGF1 over the same hash and an empty label: RSA-OAEP (SHA-1, RFC 7518 §4.3),
 * RSA-OAEP-256, and the RSA-OAEP-384/-512 registered later. The parameters are always given explicitly: the JDK's
 * default for "OAEPWithSHA-256AndMGF1Padding" uses MGF1 with SHA-1, which is not RSA-OAEP-256. Engines are cached per
 * thread.
 */
public final class RsaOaep {

    private final OAEPParameterSpec params;
    private final ThreadLocal<Cipher> engines = ThreadLocal.withInitial(RsaOaep::newCipher);

    private RsaOaep(OAEPParameterSpec params) {
        this.params = params;
    }

    /** OAEP with {@code hash} ("SHA-1", "SHA-256", "SHA-384", "SHA-512") for both the label hash and MGF1. */
    public static RsaOaep withHash(String hash) {
        MGF1ParameterSpec mgf = switch (hash) {
            case "SHA-1" -> MGF1ParameterSpec.SHA1;
            case "SHA-256" -> MGF1ParameterSpec.SHA256;
            case "SHA-384" -> MGF1ParameterSpec.SHA384;
            case "SHA-512" -> MGF1ParameterSpec.SHA512;
            default -> throw new IllegalArgumentException(hash);
        };
        return new RsaOaep(new OAEPParameterSpec(hash, "MGF1", mgf, PSource.PSpecified.DEFAULT));
    }

    public byte[] encrypt(PublicKey key, byte[] message, SecureRandom random) {
        Cipher c = newCipher();
        try {
            c.init(Cipher.ENCRYPT_MODE, key, params, random);
            return c.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("RSA-OAEP cannot encrypt " + message.length + " bytes with this key", e);
        }
    }

    /** The message, or {@link CryptoFailure} for any ciphertext that does not decrypt. */
    public byte[] decrypt(PrivateKey key, byte[] ciphertext) {
        Cipher c = engines.get();
        try {
            c.init(Cipher.DECRYPT_MODE, key, params);
            return c.doFinal(ciphertext);
        } catch (GeneralSecurityException | RuntimeException e) {
            engines.remove();
            throw CryptoFailure.get();
        }
    }

    private static Cipher newCipher() {
        try {
            return Cipher.getInstance("RSA/ECB/OAEPPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA-OAEP unavailable", e);
        }
    }
}
