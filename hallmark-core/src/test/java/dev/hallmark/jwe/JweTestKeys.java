package dev.hallmark.jwe;

import dev.hallmark.jwk.Jwk;
import dev.hallmark.jwk.OctJwk;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.NamedParameterSpec;

/** Recipient keys for the JWE tests, generated once per JVM, without {@code alg} so every algorithm can use them. */
public final class JweTestKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    public static final Jwk RSA = generate("RSA", null);
    public static final Jwk P256 = generate("EC", "secp256r1");
    public static final Jwk P384 = generate("EC", "secp384r1");
    public static final Jwk P521 = generate("EC", "secp521r1");
    public static final Jwk X25519 = generate("XDH", "X25519");
    public static final Jwk X448 = generate("XDH", "X448");
    public static final OctJwk PASSWORD = (OctJwk) OctJwk.of("correct horse battery staple".getBytes(StandardCharsets.UTF_8));

    private JweTestKeys() {
    }

    public static OctJwk secret(int bytes) {
        byte[] k = new byte[bytes];
        RANDOM.nextBytes(k);
        return OctJwk.of(k);
    }

    /** A recipient key for {@code alg} (and, for {@code dir}, {@code enc}); one of each curve for ECDH. */
    public static Jwk[] keysFor(JweAlgorithm alg, ContentEncryption enc) {
        return switch (alg.family()) {
            case RSA1_5, RSA_OAEP -> new Jwk[] {RSA};
            case AES_KW, AES_GCM_KW -> new Jwk[] {secret(alg.kekBytes())};
            case DIRECT -> new Jwk[] {secret(enc.cekBytes())};
            case PBES2 -> new Jwk[] {PASSWORD};
            case ECDH_ES, ECDH_ES_KW -> new Jwk[] {P256, P384, P521, X25519, X448};
        };
    }

    /** What a decrypter trusts for a recipient key: the key itself (private or secret). */
    private static Jwk generate(String type, String curve) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance(type);
            if (curve == null) {
                g.initialize(2048, RANDOM);
            } else if (type.equals("EC")) {
                g.initialize(new ECGenParameterSpec(curve), RANDOM);
            } else {
                g.initialize(new NamedParameterSpec(curve), RANDOM);
            }
            return Jwk.fromKeyPair(g.generateKeyPair());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
