package dev.hallmark.jwe;

import dev.hallmark.jwk.EcJwk;
import dev.hallmark.jwk.Jwk;
import dev.hallmark.jwk.OctJwk;
import dev.hallmark.jwk.OkpJwk;
import dev.hallmark.jwk.RsaJwk;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The JWE key-management algorithms (RFC 7518 §4, RFC 8037 §3.2 for X25519/X448, RFC 9864-era registrations for
 * RSA-OAEP-384/-512): how the content-encryption key reaches each recipient.
 *
 * <pre>{@code
 * JweAlgorithm alg = JweAlgorithm.fromName("ECDH-ES+A256KW").orElseThrow();
 * }</pre>
 *
 * <p>{@link #RSA1_5} is here so that old tokens can be read, and only by a decrypter that enables it explicitly; no
 * encrypter produces it (RFC 8725 §3.2 and the padding-oracle history of PKCS#1 v1.5 encryption).
 */
public enum JweAlgorithm {
    RSA1_5("RSA1_5", Family.RSA1_5, 0),
    RSA_OAEP("RSA-OAEP", Family.RSA_OAEP, 0),
    RSA_OAEP_256("RSA-OAEP-256", Family.RSA_OAEP, 0),
    RSA_OAEP_384("RSA-OAEP-384", Family.RSA_OAEP, 0),
    RSA_OAEP_512("RSA-OAEP-512", Family.RSA_OAEP, 0),
    A128KW("A128KW", Family.AES_KW, 16),
    A192KW("A192KW", Family.AES_KW, 24),
    A256KW("A256KW", Family.AES_KW, 32),
    /** Direct use of a shared symmetric key as the content-encryption key (RFC 7518 §4.5). */
    DIR("dir", Family.DIRECT, 0),
    ECDH_ES("ECDH-ES", Family.ECDH_ES, 0),
    ECDH_ES_A128KW("ECDH-ES+A128KW", Family.ECDH_ES_KW, 16),
    ECDH_ES_A192KW("ECDH-ES+A192KW", Family.ECDH_ES_KW, 24),
    ECDH_ES_A256KW("ECDH-ES+A256KW", Family.ECDH_ES_KW, 32),
    A128GCMKW("A128GCMKW", Family.AES_GCM_KW, 16),
    A192GCMKW("A192GCMKW", Family.AES_GCM_KW, 24),
    A256GCMKW("A256GCMKW", Family.AES_GCM_KW, 32),
    PBES2_HS256_A128KW("PBES2-HS256+A128KW", Family.PBES2, 16),
    PBES2_HS384_A192KW("PBES2-HS384+A192KW", Family.PBES2, 24),
    PBES2_HS512_A256KW("PBES2-HS512+A256KW", Family.PBES2, 32);

    /** How an algorithm delivers the content-encryption key. */
    public enum Family { RSA1_5, RSA_OAEP, AES_KW, DIRECT, ECDH_ES, ECDH_ES_KW, AES_GCM_KW, PBES2 }

    private static final Map<String, JweAlgorithm> BY_NAME;

    static {
        Map<String, JweAlgorithm> m = new HashMap<>();
        for (JweAlgorithm a : values()) {
            m.put(a.headerName, a);
        }
        BY_NAME = Map.copyOf(m);
    }

    private final String headerName;
    private final Family family;
    private final int kekBytes;

    JweAlgorithm(String headerName, Family family, int kekBytes) {
        this.headerName = headerName;
        this.family = family;
        this.kekBytes = kekBytes;
    }

    /** The algorithm with exactly this {@code alg} name (case-sensitive). */
    public static Optional<JweAlgorithm> fromName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** The {@code alg} header value, e.g. {@code ECDH-ES+A256KW}. */
    public String headerName() {
        return headerName;
    }

    public Family family() {
        return family;
    }

    /** Size of the AES key-encryption key for the KW and GCMKW steps; 0 where there is none. */
    int kekBytes() {
        return kekBytes;
    }

    /** True when one content-encryption key can be sent to several recipients with this algorithm. */
    public boolean wrapsKey() {
        return family != Family.DIRECT && family != Family.ECDH_ES;
    }

    /**
     * True when {@code key} is of the right type (and size or curve) for this algorithm and names no other
     * algorithm in its own {@code alg}. A {@code dir} key must also fit the content encryption: see
     * {@link ContentEncryption#cekBytes()}.
     */
    public boolean fits(Jwk key) {
        if (key.algorithm().isPresent() && !key.algorithm().get().equals(headerName)) {
            boolean dirKeyNamedForItsEnc = family == Family.DIRECT
                    && ContentEncryption.fromName(key.algorithm().get()).isPresent();
            if (!dirKeyNamedForItsEnc) {
                return false;
            }
        }
        return switch (family) {
            case RSA1_5, RSA_OAEP -> key instanceof RsaJwk;
            case AES_KW, AES_GCM_KW -> key instanceof OctJwk oct && oct.length() == kekBytes;
            case DIRECT -> key instanceof OctJwk;
            case PBES2 -> key instanceof OctJwk;
            case ECDH_ES, ECDH_ES_KW -> key instanceof EcJwk
                    || key instanceof OkpJwk okp && (okp.curveName().equals("X25519") || okp.curveName().equals("X448"));
        };
    }

    /** The name in headers and messages. */
    @Override
    public String toString() {
        return headerName;
    }
}
