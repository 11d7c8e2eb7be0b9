package dev.hallmark.internal.crypto;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.XECPublicKeySpec;
import javax.crypto.KeyAgreement;

/**
 * The key agreement of ECDH-ES (RFC 7518 §4.6, RFC 8037 §3.2): the shared secret Z of a private key and the
 * sender's ephemeral public key, which is attacker-controlled and validated before use. An EC point must lie on
 * the recipient's curve and not be the identity (invalid-curve attacks recover the private key otherwise); an
 * X25519/X448 key must have the right length, and an all-zero shared secret (a low-order point) is refused
 * (RFC 7748 §6). Every refusal is the same {@link CryptoFailure}. Agreement engines are cached per thread.
 */
public final class EcdhEs {

    private static final ThreadLocal<KeyAgreement> ECDH = ThreadLocal.withInitial(() -> agreement("ECDH"));
    private static final ThreadLocal<KeyAgreement> XDH = ThreadLocal.withInitial(() -> agreement("XDH"));

    private EcdhEs() {
    }

    /**
     * Z for a recipient key on curve {@code recipientCurve} (a JWK {@code crv}) and the sender's {@code epk} header
     * value, which must be a public JWK of the same type and curve: {@code kty}, {@code crv}, and {@code x}
     * (and {@code y}) of exactly the curve's size in strict base64url. Anything else is a {@link CryptoFailure}.
     */
    public static byte[] sharedSecret(PrivateKey recipient, String recipientCurve, Object epk) {
        if (!(epk instanceof java.util.Map<?, ?> jwk) || !recipientCurve.equals(jwk.get("crv"))) {
            throw CryptoFailure.get();
        }
        java.util.Optional<EcCurve> ec = EcCurve.byJwkName(recipientCurve);
        if (ec.isPresent()) {
            if (!"EC".equals(jwk.get("kty")) || jwk.containsKey("d")) {
                throw CryptoFailure.get();
            }
            int size = ec.get().size();
            return sharedSecret(ec.get(), recipient, new BigInteger(1, octets(jwk.get("x"), size)),
                    new BigInteger(1, octets(jwk.get("y"), size)));
        }
        OkpCurve okp = OkpCurve.byJwkName(recipientCurve).orElseThrow(CryptoFailure::get);
        if (!"OKP".equals(jwk.get("kty")) || jwk.containsKey("d")) {
            throw CryptoFailure.get();
        }
        return sharedSecret(okp, recipient, octets(jwk.get("x"), okp.size()));
    }

    private static byte[] octets(Object member, int size) {
        if (!(member instanceof String text)) {
            throw CryptoFailure.get();
        }
        byte[] out;
        try {
            out = dev.hallmark.internal.codec.Base64Url.decode(text, "epk");
        } catch (dev.hallmark.JoseException e) {
            throw CryptoFailure.get();
        }
        if (out.length != size) {
            throw CryptoFailure.get();
        }
        return out;
    }

    /** Z for a NIST-curve recipient and the sender's point (x, y), checked to be on {@code curve}. */
    public static byte[] sharedSecret(EcCurve curve, PrivateKey recipient, BigInteger x, BigInteger y) {
        ECPoint point = new ECPoint(x, y);
        if (!curve.contains(point)) {
            throw CryptoFailure.get();
        }
        PublicKey peer;
        try {
            peer = KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, curve.spec()));
        } catch (GeneralSecurityException e) {
            throw CryptoFailure.get();
        }
        byte[] z = agree(ECDH, recipient, peer);
        if (z.length != curve.size()) {
            throw CryptoFailure.get();
        }
        return z;
    }

    /** Z for an X25519/X448 recipient and the sender's public key octets. */
    public static byte[] sharedSecret(OkpCurve curve, PrivateKey recipient, byte[] publicKey) {
        if (curve.isSignatureCurve() || publicKey.length != curve.size()) {
            throw CryptoFailure.get();
        }
        PublicKey peer;
        try {
            peer = KeyFactory.getInstance("XDH").generatePublic(
                    new XECPublicKeySpec(curve.parameterSpec(), curve.decodeU(publicKey)));
        } catch (GeneralSecurityException e) {
            throw CryptoFailure.get();
        }
        byte[] z = agree(XDH, recipient, peer);
        int any = 0;
        for (byte b : z) {
            any |= b;
        }
        if (any == 0 || z.length != curve.size()) {
            throw CryptoFailure.get();
        }
        return z;
    }

    /** A fresh ephemeral key pair on the recipient's NIST curve. */
    public static KeyPair ephemeral(EcCurve curve, SecureRandom random) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(curve.spec(), random);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a " + curve.jwkName() + " key", e);
        }
    }

    /** A fresh ephemeral X25519 or X448 key pair. */
    public static KeyPair ephemeral(OkpCurve curve, SecureRandom random) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("XDH");
            g.initialize(curve.parameterSpec(), random);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a " + curve.jwkName() + " key", e);
        }
    }

    private static byte[] agree(ThreadLocal<KeyAgreement> engines, PrivateKey recipient, PublicKey peer) {
        KeyAgreement ka = engines.get();
        try {
            ka.init(recipient);
            ka.doPhase(peer, true);
            return ka.generateSecret();
        } catch (GeneralSecurityException | RuntimeException e) {
            // the JDK refuses small-order X25519/X448 points itself; whatever it refuses is refused here
            engines.remove();
            throw CryptoFailure.get();
        }
    }

    private static KeyAgreement agreement(String name) {
        try {
            return KeyAgreement.getInstance(name);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(name + " unavailable", e);
        }
    }
}
