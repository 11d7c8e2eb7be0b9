package dev.hallmark.jwk;

import dev.hallmark.internal.crypto.EcCurve;
import dev.hallmark.internal.crypto.OkpCurve;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPublicKey;
import java.security.interfaces.XECPublicKey;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;

/**
 * Checks that private and public halves belong together, and derives a public key from a private one, using only
 * the JDK's own (constant-time) private-key code: imported keys that do not match would sign tokens nobody can
 * verify, or verify with a key the signer never held.
 */
final class KeyConsistency {

    private static final byte[] PROBE = "hallmark key consistency probe".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private KeyConsistency() {
    }

    /**
     * The CRT members of an RSA private key belong to its modulus and exponents (RFC 7518 §6.3.2). The JDK signs
     * with p, q, dp, dq and qi alone, so a key with a wrong one signs nothing verifiable, and a signature made with
     * one faulty CRT half reveals the factorization of n.
     */
    static void checkRsaCrt(BigInteger n, BigInteger e, BigInteger d, BigInteger p, BigInteger q, BigInteger dp,
                            BigInteger dq, BigInteger qi) {
        BigInteger one = BigInteger.ONE;
        if (p.compareTo(one) <= 0 || q.compareTo(one) <= 0 || !p.multiply(q).equals(n)) {
            throw JwkParser.malformed("RSA private key: p * q differs from n");
        }
        BigInteger p1 = p.subtract(one);
        BigInteger q1 = q.subtract(one);
        if (!e.multiply(d).mod(p1).equals(one) || !e.multiply(d).mod(q1).equals(one)
                || !d.mod(p1).equals(dp) || !d.mod(q1).equals(dq) || !q.multiply(qi).mod(p).equals(one)) {
            throw JwkParser.malformed("RSA private key: d, dp, dq and qi do not belong to p, q and e (RFC 7518 §6.3.2)");
        }
    }

    /** An RSA private key given without CRT members: only a test signature shows that {@code d} belongs to n, e. */
    static void checkRsa(java.security.interfaces.RSAPublicKey pub, java.security.PrivateKey priv) {
        if (!signsFor(priv, pub, "SHA256withRSA")) {
            throw JwkParser.malformed("RSA private exponent \"d\" does not belong to the public key (n, e)");
        }
    }

    static void checkEc(EcCurve curve, ECPublicKey pub, ECPrivateKey priv) {
        if (!signsFor(priv, pub, ecdsa(curve))) {
            throw JwkParser.malformed("EC private key \"d\" does not belong to the public point (x, y)");
        }
    }

    /**
     * The public point of an EC private key: ECDH with the generator yields the x coordinate of d·G, and a test
     * signature picks which of the two y roots is the right one.
     */
    static ECPublicKey ecPublicFromPrivate(EcCurve curve, ECPrivateKey priv) {
        try {
            ECPublicKey generator = (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(
                    new ECPublicKeySpec(curve.spec().getGenerator(), curve.spec()));
            javax.crypto.KeyAgreement ka = javax.crypto.KeyAgreement.getInstance("ECDH");
            ka.init(priv);
            ka.doPhase(generator, true);
            BigInteger x = new BigInteger(1, ka.generateSecret());
            BigInteger[] ys = curve.yFor(x).orElseThrow(() -> new IllegalStateException("no point for d·G"));
            for (BigInteger y : ys) {
                ECPublicKey candidate = (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(
                        new ECPublicKeySpec(new ECPoint(x, y), curve.spec()));
                if (signsFor(priv, candidate, ecdsa(curve))) {
                    return candidate;
                }
            }
            throw new IllegalStateException("EC public key derivation failed");
        } catch (GeneralSecurityException e) {
            throw JwkParser.malformed("EC private key is not usable: " + e.getClass().getSimpleName());
        }
    }

    /**
     * The raw public key of an OKP private key. The JDK's key pair generators derive the public half from random
     * bytes they draw; handing them the private key as those bytes makes the JDK do the derivation.
     */
    static byte[] okpPublicFromPrivate(OkpCurve curve, byte[] d) {
        try {
            KeyPairGenerator gen = KeyPairGenerator.getInstance(curve.jcaName());
            gen.initialize(curve.parameterSpec(), new FixedBytes(d));
            KeyPair pair = gen.generateKeyPair();
            if (curve.isSignatureCurve()) {
                return curve.encodeEdwardsPoint(((EdECPublicKey) pair.getPublic()).getPoint());
            }
            return curve.encodeU(((XECPublicKey) pair.getPublic()).getU());
        } catch (GeneralSecurityException e) {
            throw JwkParser.malformed(curve.jwkName() + " private key is not usable: " + e.getClass().getSimpleName());
        }
    }

    private static String ecdsa(EcCurve curve) {
        return switch (curve) {
            case P_256 -> "SHA256withECDSA";
            case P_384 -> "SHA384withECDSA";
            case P_521 -> "SHA512withECDSA";
        };
    }

    private static boolean signsFor(java.security.PrivateKey priv, java.security.PublicKey pub, String alg) {
        try {
            Signature s = Signature.getInstance(alg);
            s.initSign(priv);
            s.update(PROBE);
            byte[] sig = s.sign();
            Signature v = Signature.getInstance(alg);
            v.initVerify(pub);
            v.update(PROBE);
            return v.verify(sig);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** Supplies exactly the given bytes once; any further request is a bug and fails loudly. */
    private static final class FixedBytes extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private transient byte[] bytes;

        FixedBytes(byte[] bytes) {
            this.bytes = bytes.clone();
        }

        @Override
        public synchronized void nextBytes(byte[] out) {
            if (bytes == null || out.length != bytes.length) {
                throw new IllegalStateException("unexpected request for " + out.length + " random bytes");
            }
            System.arraycopy(bytes, 0, out, 0, out.length);
            bytes = null;
        }
    }
}
