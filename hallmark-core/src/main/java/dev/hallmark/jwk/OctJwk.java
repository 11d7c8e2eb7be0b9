package dev.hallmark.jwk;

import dev.hallmark.internal.codec.Base64Url;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * A symmetric key (RFC 7518 §6.4): an HMAC secret or an AES key. Always secret: it has no public form and is never
 * written to a public JWK Set.
 *
 * <pre>{@code
 * OctJwk key = OctJwk.of(secretBytes).withAlgorithm("HS256");
 * }</pre>
 */
public final class OctJwk extends Jwk {

    private final byte[] k;
    private final SecretKey jcaKey;

    OctJwk(KeyMetadata meta, byte[] k) {
        super(meta);
        this.k = k.clone();
        // SecretKeySpec refuses empty keys; an empty secret is rejected as WEAK_KEY before it gets here.
        this.jcaKey = new SecretKeySpec(this.k, "RAW");
    }

    /** A symmetric key of these bytes with no metadata; size rules apply once an {@code alg} is set. */
    public static OctJwk of(byte[] secret) {
        JwkParser.checkSymmetric(secret.length, null);
        return new OctJwk(KeyMetadata.EMPTY, secret);
    }

    @Override
    public String keyType() {
        return "oct";
    }

    @Override
    public boolean isPrivate() {
        return true;
    }

    @Override
    public Jwk toPublicJwk() {
        throw new IllegalStateException("a symmetric key has no public form");
    }

    @Override
    public PublicKey publicKey() {
        throw new IllegalStateException("a symmetric key has no public key");
    }

    @Override
    public Optional<PrivateKey> privateKey() {
        return Optional.empty();
    }

    /** A copy of the secret. Handle it as a secret. */
    public byte[] secretBytes() {
        return k.clone();
    }

    /** Length of the secret in octets. */
    public int length() {
        return k.length;
    }

    /**
     * The secret as a JCA key for HMAC or AES, made once per key. Handle it as a secret; {@code getEncoded()} on the
     * result returns the raw bytes.
     */
    public SecretKey toSecretKey() {
        return jcaKey;
    }

    @Override
    public OctJwk withAlgorithm(String alg) {
        JwkParser.checkSymmetric(k.length, alg);
        return (OctJwk) super.withAlgorithm(alg);
    }

    @Override
    Map<String, Object> thumbprintMembers() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("k", Base64Url.encode(k));
        m.put("kty", "oct");
        return m;
    }

    @Override
    void writeKeyMembers(Map<String, Object> json, boolean includePrivate) {
        if (includePrivate) {
            json.put("k", Base64Url.encode(k));
        }
    }

    @Override
    OctJwk withMetadata(KeyMetadata metadata) {
        return new OctJwk(metadata, k);
    }

    @Override
    String describe() {
        return "oct " + (k.length * 8) + " bits";
    }
}
