package dev.hallmark.jwk;

import dev.hallmark.Limits;
import dev.hallmark.internal.crypto.EcCurve;
import dev.hallmark.internal.crypto.OkpCurve;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.EdECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.interfaces.XECPrivateKey;
import java.security.interfaces.XECPublicKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.RSAPublicKeySpec;

/** Conversions from {@code java.security} keys to validated JWKs. */
final class JcaKeys {

    private JcaKeys() {
    }

    static Jwk fromPublicKey(PublicKey key, Limits limits) {
        if (key instanceof RSAPublicKey rsa) {
            JwkParser.checkRsaPublic(rsa.getModulus(), rsa.getPublicExponent(), limits);
            return new RsaJwk(KeyMetadata.EMPTY, rsa, null);
        }
        if (key instanceof ECPublicKey ec) {
            EcCurve curve = ecCurve(ec.getParams());
            if (!curve.contains(ec.getW())) {
                throw JwkParser.malformed("EC public key is not a point on " + curve.jwkName());
            }
            return new EcJwk(KeyMetadata.EMPTY, curve, ec, null);
        }
        if (key instanceof EdECPublicKey ed) {
            OkpCurve curve = okpCurve(ed.getParams());
            byte[] x = curve.encodeEdwardsPoint(ed.getPoint());
            return JwkParser.okp(KeyMetadata.EMPTY, curve, x, null);
        }
        if (key instanceof XECPublicKey xec) {
            OkpCurve curve = okpCurve(xec.getParams());
            return JwkParser.okp(KeyMetadata.EMPTY, curve, curve.encodeU(xec.getU()), null);
        }
        throw new IllegalArgumentException("unsupported public key type " + key.getAlgorithm());
    }

    static Jwk fromKeyPair(KeyPair pair, Limits limits) {
        Jwk pub = fromPublicKey(pair.getPublic(), limits);
        PrivateKey priv = pair.getPrivate();
        if (pub instanceof RsaJwk rsa && priv instanceof RSAPrivateKey rp) {
            if (!rp.getModulus().equals(rsa.modulus())) {
                throw JwkParser.malformed("RSA private and public keys have different moduli");
            }
            if (rp instanceof RSAPrivateCrtKey crt && crt.getPrimeP() != null && crt.getPrimeP().signum() > 0) {
                KeyConsistency.checkRsaCrt(crt.getModulus(), rsa.publicKey().getPublicExponent(),
                        crt.getPrivateExponent(), crt.getPrimeP(), crt.getPrimeQ(), crt.getPrimeExponentP(),
                        crt.getPrimeExponentQ(), crt.getCrtCoefficient());
            }
            return new RsaJwk(KeyMetadata.EMPTY, rsa.publicKey(), rp);
        }
        if (pub instanceof EcJwk ec && priv instanceof ECPrivateKey ep) {
            checkEcScalar(ec.curve(), ep);
            KeyConsistency.checkEc(ec.curve(), ec.publicKey(), ep);
            return new EcJwk(KeyMetadata.EMPTY, ec.curve(), ec.publicKey(), ep);
        }
        if (pub instanceof OkpJwk okp && priv instanceof EdECPrivateKey ep) {
            byte[] d = ep.getBytes().orElseThrow(() -> new IllegalArgumentException("EdDSA private key not extractable"));
            return JwkParser.okp(KeyMetadata.EMPTY, okp.curve(), okp.publicBytes(), d);
        }
        if (pub instanceof OkpJwk okp && priv instanceof XECPrivateKey xp) {
            byte[] d = xp.getScalar().orElseThrow(() -> new IllegalArgumentException("XDH private key not extractable"));
            return JwkParser.okp(KeyMetadata.EMPTY, okp.curve(), okp.publicBytes(), d);
        }
        throw new IllegalArgumentException("private key " + priv.getAlgorithm() + " does not fit public key "
                + pair.getPublic().getAlgorithm());
    }

    /** A private JWK from a private key alone, deriving the public half. */
    static Jwk fromPrivateKey(PrivateKey priv, Limits limits) {
        if (priv instanceof RSAPrivateCrtKey crt) {
            RSAPublicKey pub = (RSAPublicKey) JwkParser.generate("RSA",
                    new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
            return fromKeyPair(new KeyPair(pub, crt), limits);
        }
        if (priv instanceof ECPrivateKey ec) {
            EcCurve curve = ecCurve(ec.getParams());
            checkEcScalar(curve, ec);
            EcJwk pub = (EcJwk) fromPublicKey(KeyConsistency.ecPublicFromPrivate(curve, ec), limits);
            // the derivation picked the public point with a test signature: the pair matches by construction
            return new EcJwk(KeyMetadata.EMPTY, curve, pub.publicKey(), ec);
        }
        if (priv instanceof EdECPrivateKey ed) {
            OkpCurve curve = okpCurve(ed.getParams());
            byte[] d = ed.getBytes().orElseThrow(() -> new IllegalArgumentException("EdDSA private key not extractable"));
            return JwkParser.okp(KeyMetadata.EMPTY, curve, KeyConsistency.okpPublicFromPrivate(curve, d), d);
        }
        if (priv instanceof XECPrivateKey xec) {
            OkpCurve curve = okpCurve(xec.getParams());
            byte[] d = xec.getScalar().orElseThrow(() -> new IllegalArgumentException("XDH private key not extractable"));
            return JwkParser.okp(KeyMetadata.EMPTY, curve, KeyConsistency.okpPublicFromPrivate(curve, d), d);
        }
        throw new IllegalArgumentException("cannot derive the public key of a " + priv.getAlgorithm()
                + " private key" + (priv instanceof RSAPrivateKey ? " without CRT parameters" : ""));
    }

    /** The scalar must lie in [1, n-1], as the JWK parser requires of {@code d}; zero has no public point. */
    private static void checkEcScalar(EcCurve curve, ECPrivateKey key) {
        if (key.getS().signum() <= 0 || key.getS().compareTo(curve.order()) >= 0) {
            throw JwkParser.malformed("EC private key is out of range");
        }
    }

    private static EcCurve ecCurve(java.security.spec.ECParameterSpec params) {
        return EcCurve.of(params).orElseThrow(() ->
                new IllegalArgumentException("EC keys must be on P-256, P-384 or P-521 (RFC 7518 §6.2.1.1)"));
    }

    private static OkpCurve okpCurve(java.security.spec.AlgorithmParameterSpec params) {
        if (params instanceof NamedParameterSpec named) {
            return OkpCurve.byJwkName(named.getName()).orElseThrow(() ->
                    new IllegalArgumentException("unsupported curve " + named.getName()));
        }
        throw new IllegalArgumentException("unsupported curve parameters");
    }
}
