package dev.hallmark.jws;

import dev.hallmark.internal.crypto.EcCurve;
import dev.hallmark.internal.crypto.EcdsaScheme;
import dev.hallmark.internal.crypto.EdDsaScheme;
import dev.hallmark.internal.crypto.HmacScheme;
import dev.hallmark.internal.crypto.RsaScheme;
import dev.hallmark.internal.crypto.SignatureScheme;
import dev.hallmark.jwk.EcJwk;
import dev.hallmark.jwk.Jwk;
import dev.hallmark.jwk.OctJwk;
import dev.hallmark.jwk.OkpJwk;
import dev.hallmark.jwk.RsaJwk;

import java.util.Optional;

/**
 * The JWS algorithms of RFC 7518 §3 and RFC 8037 §3.1. There is deliberately no {@code none}: an unsecured JWS
 * cannot be produced or accepted by this library, in any spelling.
 *
 * <pre>{@code
 * JwsAlgorithm alg = JwsAlgorithm.fromName("ES256").orElseThrow();
 * }</pre>
 */
public enum JwsAlgorithm {
    HS256(Family.HMAC, "oct", null, 32, new HmacScheme("HmacSHA256")),
    HS384(Family.HMAC, "oct", null, 48, new HmacScheme("HmacSHA384")),
    HS512(Family.HMAC, "oct", null, 64, new HmacScheme("HmacSHA512")),
    RS256(Family.RSA, "RSA", null, 0, RsaScheme.pkcs1("SHA256withRSA")),
    RS384(Family.RSA, "RSA", null, 0, RsaScheme.pkcs1("SHA384withRSA")),
    RS512(Family.RSA, "RSA", null, 0, RsaScheme.pkcs1("SHA512withRSA")),
    PS256(Family.RSA, "RSA", null, 0, RsaScheme.pss("SHA-256", 32)),
    PS384(Family.RSA, "RSA", null, 0, RsaScheme.pss("SHA-384", 48)),
    PS512(Family.RSA, "RSA", null, 0, RsaScheme.pss("SHA-512", 64)),
    ES256(Family.EC, "EC", "P-256", 0, new EcdsaScheme("SHA-256", EcCurve.P_256)),
    ES384(Family.EC, "EC", "P-384", 0, new EcdsaScheme("SHA-384", EcCurve.P_384)),
    ES512(Family.EC, "EC", "P-521", 0, new EcdsaScheme("SHA-512", EcCurve.P_521)),
    /** Edwards-curve signatures with an Ed25519 or Ed448 key (RFC 8037). */
    EdDSA(Family.EDDSA, "OKP", null, 0, new EdDsaScheme());

    /** Which kind of key an algorithm needs. */
    public enum Family { HMAC, RSA, EC, EDDSA }

    private final Family family;
    private final String keyType;
    private final String curve;
    private final int minSecretBytes;
    private final SignatureScheme scheme;

    JwsAlgorithm(Family family, String keyType, String curve, int minSecretBytes, SignatureScheme scheme) {
        this.family = family;
        this.keyType = keyType;
        this.curve = curve;
        this.minSecretBytes = minSecretBytes;
        this.scheme = scheme;
    }

    /** The algorithm with exactly this {@code alg} name (case-sensitive, RFC 7515 §4.1.1). */
    public static Optional<JwsAlgorithm> fromName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    private static final java.util.Map<String, JwsAlgorithm> BY_NAME;

    static {
        java.util.Map<String, JwsAlgorithm> m = new java.util.HashMap<>();
        for (JwsAlgorithm a : values()) {
            m.put(a.name(), a);
        }
        BY_NAME = java.util.Map.copyOf(m);
    }

    public Family family() {
        return family;
    }

    /** The JWK {@code kty} this algorithm needs. */
    public String keyType() {
        return keyType;
    }

    /** The JWK {@code crv} for ES algorithms; empty for others (EdDSA takes Ed25519 or Ed448). */
    public Optional<String> curve() {
        return Optional.ofNullable(curve);
    }

    /** Shortest HMAC secret allowed: the hash size (RFC 7518 §3.2); 0 for asymmetric algorithms. */
    public int minSecretBytes() {
        return minSecretBytes;
    }

    /**
     * True when {@code key} is of the right type and curve for this algorithm, and names no other algorithm in its
     * own {@code alg}. Key strength is checked separately.
     */
    public boolean fits(Jwk key) {
        if (key.algorithm().isPresent() && !key.algorithm().get().equals(name())) {
            return false;
        }
        return switch (family) {
            case HMAC -> key instanceof OctJwk;
            case RSA -> key instanceof RsaJwk;
            case EC -> key instanceof EcJwk ec && ec.curveName().equals(curve);
            case EDDSA -> key instanceof OkpJwk okp
                    && (okp.curveName().equals("Ed25519") || okp.curveName().equals("Ed448"));
        };
    }

    SignatureScheme scheme() {
        return scheme;
    }

    /** The default algorithm for a key that does not name one: by curve for EC and OKP, RS256 and HS256 otherwise. */
    static JwsAlgorithm defaultFor(Jwk key) {
        if (key.algorithm().isPresent()) {
            return fromName(key.algorithm().get()).orElseThrow(() -> new IllegalArgumentException(
                    "key alg \"" + key.algorithm().get() + "\" is not a JWS algorithm"));
        }
        if (key instanceof EcJwk ec) {
            return switch (ec.curveName()) {
                case "P-256" -> ES256;
                case "P-384" -> ES384;
                default -> ES512;
            };
        }
        if (key instanceof OkpJwk okp) {
            if (okp.curveName().startsWith("Ed")) {
                return EdDSA;
            }
            throw new IllegalArgumentException(okp.curveName() + " keys are for key agreement, not signatures");
        }
        return key instanceof RsaJwk ? RS256 : HS256;
    }
}
