package dev.hallmark.jwk;

import java.math.BigInteger;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** An RSA key (RFC 7518 §6.3), public or private, with CRT members when the private key has them. */
public final class RsaJwk extends Jwk {

    private final RSAPublicKey publicKey;
    private final RSAPrivateKey privateKey;

    RsaJwk(KeyMetadata meta, RSAPublicKey publicKey, RSAPrivateKey privateKey) {
        super(meta);
        this.publicKey = publicKey;
        this.privateKey = privateKey;
    }

    @Override
    public String keyType() {
        return "RSA";
    }

    @Override
    public boolean isPrivate() {
        return privateKey != null;
    }

    @Override
    public RsaJwk toPublicJwk() {
        return privateKey == null ? this : new RsaJwk(meta, publicKey, null);
    }

    @Override
    public RSAPublicKey publicKey() {
        return publicKey;
    }

    @Override
    public Optional<PrivateKey> privateKey() {
        return Optional.ofNullable(privateKey);
    }

    /** Size of the modulus in bits. */
    public int modulusBits() {
        return publicKey.getModulus().bitLength();
    }

    @Override
    Map<String, Object> thumbprintMembers() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("e", Octets.uint(publicKey.getPublicExponent()));
        m.put("kty", "RSA");
        m.put("n", Octets.uint(publicKey.getModulus()));
        return m;
    }

    @Override
    void writeKeyMembers(Map<String, Object> json, boolean includePrivate) {
        json.put("n", Octets.uint(publicKey.getModulus()));
        json.put("e", Octets.uint(publicKey.getPublicExponent()));
        if (includePrivate && privateKey != null) {
            json.put("d", Octets.uint(privateKey.getPrivateExponent()));
            if (privateKey instanceof RSAPrivateCrtKey crt && crt.getPrimeP() != null
                    && crt.getPrimeP().signum() > 0) {
                json.put("p", Octets.uint(crt.getPrimeP()));
                json.put("q", Octets.uint(crt.getPrimeQ()));
                json.put("dp", Octets.uint(crt.getPrimeExponentP()));
                json.put("dq", Octets.uint(crt.getPrimeExponentQ()));
                json.put("qi", Octets.uint(crt.getCrtCoefficient()));
            }
        }
    }

    @Override
    RsaJwk withMetadata(KeyMetadata metadata) {
        return new RsaJwk(metadata, publicKey, privateKey);
    }

    @Override
    String describe() {
        return "RSA " + modulusBits();
    }

    BigInteger modulus() {
        return publicKey.getModulus();
    }
}
