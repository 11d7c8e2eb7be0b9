package dev.hallmark.bench;

import dev.hallmark.jwe.ContentEncryption;
import dev.hallmark.jwe.JweEncrypter;
import dev.hallmark.jwk.Jwk;
import dev.hallmark.jwk.KeyGenerator;
import dev.hallmark.jwk.OctJwk;

import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The encrypted tokens every library decrypts: the claims set of the standard fixture token (the very payload bytes
 * of {@link Fixtures#tokenHS256}) as plaintext, header {@code {"alg","enc":"A256GCM","kid","typ":"JWT"}}, once with
 * {@code dir} and a 256-bit key, once with {@code ECDH-ES+A256KW} to a P-256 key. Encrypted by Hallmark once per JVM.
 */
public final class JweFixtures {

    public final Jwk dirKey = KeyGenerator.forAlgorithm("dir").secretBytes(32).generate();
    public final Jwk ecdhKey = KeyGenerator.forAlgorithm("ECDH-ES+A256KW").generate();

    /** The plaintext: the standard token's claims JSON, byte for byte. */
    public final byte[] plaintext;
    public final String dirA256GCM;
    public final String ecdhEsA256KW;

    private static JweFixtures shared;

    public static synchronized JweFixtures shared() {
        if (shared == null) {
            shared = new JweFixtures();
        }
        return shared;
    }

    private JweFixtures() {
        String[] parts = Fixtures.shared().tokenHS256.split("\\.");
        plaintext = Base64.getUrlDecoder().decode(parts[1]);
        dirA256GCM = encrypter(dirKey).encrypt(plaintext);
        ecdhEsA256KW = encrypter(ecdhKey.toPublicJwk()).encrypt(plaintext);
    }

    private static JweEncrypter encrypter(Jwk recipient) {
        return JweEncrypter.builder(recipient).encryption(ContentEncryption.A256GCM).type("JWT").build();
    }

    /** The {@code dir} key as the JCA sees it. */
    public SecretKey dirSecret() {
        return new SecretKeySpec(((OctJwk) dirKey).secretBytes(), "AES");
    }

    /** The same token with one ciphertext character changed: every library must refuse it. */
    public static String tamperCiphertext(String compact) {
        String[] p = compact.split("\\.", -1);
        char c = p[3].charAt(0);
        p[3] = (c == 'A' ? 'B' : 'A') + p[3].substring(1);
        return String.join(".", p);
    }
}
