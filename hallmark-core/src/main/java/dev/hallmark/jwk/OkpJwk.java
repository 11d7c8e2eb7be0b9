package dev.hallmark.jwk;

import dev.hallmark.internal.codec.Base64Url;
import dev.hallmark.internal.crypto.OkpCurve;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** An octet key pair (RFC 8037): Ed25519 or Ed448 for EdDSA, X25519 or X448 for ECDH-ES. */
public final class OkpJwk extends Jwk {

    private final OkpCurve curve;
    private final byte[] x;
    private final byte[] d;
    private final PublicKey publicKey;
    private final PrivateKey privateKey;

    OkpJwk(KeyMetadata meta, OkpCurve curve, byte[] x, byte[] d, PublicKey publicKey, PrivateKey privateKey) {
        super(meta);
        this.curve = curve;
        this.x = x.clone();
        this.d = d == null ? null : d.clone();
        this.publicKey = publicKey;
        this.privateKey = privateKey;
    }

    @Override
    public String keyType() {
        return "OKP";
    }

    /** The JWK {@code crv}: {@code Ed25519}, {@code Ed448}, {@code X25519} or {@code X448}. */
    public String curveName() {
        return curve.jwkName();
    }

    OkpCurve curve() {
        return curve;
    }

    /** The raw public key octets (the {@code x} member). */
    public byte[] publicBytes() {
        return x.clone();
    }

    @Override
    public boolean isPrivate() {
        return d != null;
    }

    @Override
    public OkpJwk toPublicJwk() {
        return d == null ? this : new OkpJwk(meta, curve, x, null, publicKey, null);
    }

    @Override
    public PublicKey publicKey() {
        return publicKey;
    }

    @Override
    public Optional<PrivateKey> privateKey() {
        return Optional.ofNullable(privateKey);
    }

    @Override
    Map<String, Object> thumbprintMembers() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("crv", curve.jwkName());
        m.put("kty", "OKP");
        m.put("x", Base64Url.encode(x));
        return m;
    }

    @Override
    void writeKeyMembers(Map<String, Object> json, boolean includePrivate) {
        json.put("crv", curve.jwkName());
        json.put("x", Base64Url.encode(x));
        if (includePrivate && d != null) {
            json.put("d", Base64Url.encode(d));
        }
    }

    @Override
    OkpJwk withMetadata(KeyMetadata metadata) {
        return new OkpJwk(metadata, curve, x, d, publicKey, privateKey);
    }

    @Override
    String describe() {
        return "OKP " + curve.jwkName();
    }
}
