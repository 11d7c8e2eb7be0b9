package dev.hallmark.jwk;

import dev.hallmark.internal.crypto.EcCurve;

import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** An elliptic-curve key on P-256, P-384 or P-521 (RFC 7518 §6.2); its point was checked to be on the curve. */
public final class EcJwk extends Jwk {

    private final EcCurve curve;
    private final ECPublicKey publicKey;
    private final ECPrivateKey privateKey;

    EcJwk(KeyMetadata meta, EcCurve curve, ECPublicKey publicKey, ECPrivateKey privateKey) {
        super(meta);
        this.curve = curve;
        this.publicKey = publicKey;
        this.privateKey = privateKey;
    }

    @Override
    public String keyType() {
        return "EC";
    }

    /** The JWK {@code crv}: {@code P-256}, {@code P-384} or {@code P-521}. */
    public String curveName() {
        return curve.jwkName();
    }

    EcCurve curve() {
        return curve;
    }

    @Override
    public boolean isPrivate() {
        return privateKey != null;
    }

    @Override
    public EcJwk toPublicJwk() {
        return privateKey == null ? this : new EcJwk(meta, curve, publicKey, null);
    }

    @Override
    public ECPublicKey publicKey() {
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
        m.put("kty", "EC");
        m.put("x", Octets.fixedUint(publicKey.getW().getAffineX(), curve.size()));
        m.put("y", Octets.fixedUint(publicKey.getW().getAffineY(), curve.size()));
        return m;
    }

    @Override
    void writeKeyMembers(Map<String, Object> json, boolean includePrivate) {
        json.put("crv", curve.jwkName());
        json.put("x", Octets.fixedUint(publicKey.getW().getAffineX(), curve.size()));
        json.put("y", Octets.fixedUint(publicKey.getW().getAffineY(), curve.size()));
        if (includePrivate && privateKey != null) {
            json.put("d", Octets.fixedUint(privateKey.getS(), curve.size()));
        }
    }

    @Override
    EcJwk withMetadata(KeyMetadata metadata) {
        return new EcJwk(metadata, curve, publicKey, privateKey);
    }

    @Override
    String describe() {
        return "EC " + curve.jwkName();
    }
}
