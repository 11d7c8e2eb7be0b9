package dev.hallmark.jwk;

import dev.hallmark.Limits;
import dev.hallmark.internal.crypto.EcCurve;
import dev.hallmark.internal.crypto.OkpCurve;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.util.Objects;

/**
 * Generates a new private key for an algorithm, with {@code alg}, {@code use} and a {@code kid} (its RFC 7638
 * thumbprint unless given).
 *
 * <pre>{@code
 * Jwk es256 = KeyGenerator.forAlgorithm("ES256").generate();
 * Jwk rsa = KeyGenerator.forAlgorithm("PS256").rsaBits(3072).keyId("2026-11").generate();
 * Jwk ed448 = KeyGenerator.forAlgorithm("EdDSA").curve("Ed448").generate();
 * }</pre>
 *
 * <p>Algorithms: HS256/384/512, RS256/384/512, PS256/384/512, ES256/384/512, EdDSA (JWS); RSA-OAEP,
 * RSA-OAEP-256/384/512, A128KW/A192KW/A256KW, A128GCMKW/A192GCMKW/A256GCMKW, ECDH-ES and ECDH-ES+A*KW, dir, and the
 * content encryptions A128GCM/A192GCM/A256GCM, A128CBC-HS256/A192CBC-HS384/A256CBC-HS512 (JWE).
 */
public final class KeyGenerator {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String alg;
    private Integer rsaBits;
    private String curve;
    private Integer secretBytes;
    private String keyId;

    private KeyGenerator(String alg) {
        this.alg = alg;
    }

    public static KeyGenerator forAlgorithm(String alg) {
        Objects.requireNonNull(alg, "alg");
        return new KeyGenerator(alg);
    }

    /** RSA modulus size; default 2048, at least 2048. */
    public KeyGenerator rsaBits(int bits) {
        if (bits < 2048 || bits > Limits.RSA_BITS_CEILING || bits % 8 != 0) {
            throw new IllegalArgumentException("RSA key size must be a multiple of 8 in 2048.." + Limits.RSA_BITS_CEILING);
        }
        this.rsaBits = bits;
        return this;
    }

    /** Curve for EdDSA ({@code Ed25519} default, {@code Ed448}) or ECDH-ES (P-256 default, P-384, P-521, X25519, X448). */
    public KeyGenerator curve(String crv) {
        this.curve = Objects.requireNonNull(crv, "crv");
        return this;
    }

    /** Secret size in bytes for HMAC (at least the hash size) and {@code dir} keys. */
    public KeyGenerator secretBytes(int bytes) {
        if (bytes <= 0 || bytes > 1024) {
            throw new IllegalArgumentException("secret size must be in 1..1024 bytes");
        }
        this.secretBytes = bytes;
        return this;
    }

    public KeyGenerator keyId(String kid) {
        this.keyId = Objects.requireNonNull(kid, "kid");
        return this;
    }

    public Jwk generate() {
        checkOptions();
        String use = isJws() ? "sig" : "enc";
        Jwk key = switch (alg) {
            case "HS256" -> secret(secretBytes == null ? 32 : secretBytes);
            case "HS384" -> secret(secretBytes == null ? 48 : secretBytes);
            case "HS512" -> secret(secretBytes == null ? 64 : secretBytes);
            case "RS256", "RS384", "RS512", "PS256", "PS384", "PS512",
                 "RSA-OAEP", "RSA-OAEP-256", "RSA-OAEP-384", "RSA-OAEP-512" -> rsa();
            case "ES256" -> ec(EcCurve.P_256);
            case "ES384" -> ec(EcCurve.P_384);
            case "ES512" -> ec(EcCurve.P_521);
            case "EdDSA" -> okp(curve == null ? "Ed25519" : curve, true);
            case "ECDH-ES", "ECDH-ES+A128KW", "ECDH-ES+A192KW", "ECDH-ES+A256KW" -> ecdh();
            case "A128KW", "A128GCMKW", "A128GCM" -> secret(16);
            case "A192KW", "A192GCMKW", "A192GCM" -> secret(24);
            case "A256KW", "A256GCMKW", "A256GCM", "A128CBC-HS256" -> secret(32);
            case "A192CBC-HS384" -> secret(48);
            case "A256CBC-HS512" -> secret(64);
            case "dir" -> secret(secretBytes == null ? 32 : secretBytes);
            default -> throw new IllegalArgumentException("cannot generate a key for algorithm \"" + alg + "\"");
        };
        key = key.withAlgorithm(alg).withUse(use);
        return key.withKeyId(keyId != null ? keyId : Thumbprint.of(key));
    }

    /** An option the algorithm does not take is a caller mistake: refused, never silently ignored. */
    private void checkOptions() {
        if (rsaBits != null && !alg.matches("(RS|PS)(256|384|512)|RSA-OAEP(-256|-384|-512)?")) {
            throw new IllegalArgumentException(alg + " takes no RSA size");
        }
        if (curve != null && !alg.matches("ES(256|384|512)|EdDSA|ECDH-ES(\\+A(128|192|256)KW)?")) {
            throw new IllegalArgumentException(alg + " takes no curve");
        }
        if (secretBytes != null) {
            if (!alg.matches("HS(256|384|512)|dir")) {
                throw new IllegalArgumentException(alg + " takes no secret size (AES keys have exactly their own)");
            }
            int atLeast = alg.equals("dir") ? 1 : Integer.parseInt(alg.substring(2)) / 8;
            if (secretBytes < atLeast) {
                throw new IllegalArgumentException(alg + " needs a secret of at least " + atLeast
                        + " bytes (RFC 7518 §3.2)");
            }
        }
    }

    private boolean isJws() {
        return alg.matches("(HS|RS|PS|ES)(256|384|512)|EdDSA");
    }

    private Jwk secret(int bytes) {
        byte[] k = new byte[bytes];
        RANDOM.nextBytes(k);
        JwkParser.checkSymmetric(k.length, alg);
        return new OctJwk(KeyMetadata.EMPTY, k);
    }

    private Jwk rsa() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(new RSAKeyGenParameterSpec(rsaBits == null ? 2048 : rsaBits, RSAKeyGenParameterSpec.F4), RANDOM);
            return JcaKeys.fromKeyPair(g.generateKeyPair(), Limits.DEFAULT);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA key generation failed", e);
        }
    }

    private Jwk ec(EcCurve c) {
        if (curve != null && !curve.equals(c.jwkName())) {
            throw new IllegalArgumentException(alg + " uses " + c.jwkName() + ", not " + curve);
        }
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec(c.standardName()), RANDOM);
            return JcaKeys.fromKeyPair(g.generateKeyPair(), Limits.DEFAULT);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("EC key generation failed", e);
        }
    }

    private Jwk ecdh() {
        String crv = curve == null ? "P-256" : curve;
        var ec = EcCurve.byJwkName(crv);
        return ec.isPresent() ? ec(ec.get()) : okp(crv, false);
    }

    private Jwk okp(String crv, boolean signature) {
        OkpCurve c = OkpCurve.byJwkName(crv).filter(o -> o.isSignatureCurve() == signature).orElseThrow(() ->
                new IllegalArgumentException(alg + " cannot use curve " + crv));
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance(c.jcaName());
            g.initialize(new NamedParameterSpec(c.jwkName()), RANDOM);
            KeyPair pair = g.generateKeyPair();
            return JcaKeys.fromKeyPair(pair, Limits.DEFAULT);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(crv + " key generation failed", e);
        }
    }
}
