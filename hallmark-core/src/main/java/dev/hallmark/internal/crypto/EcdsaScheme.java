package dev.hallmark.internal.crypto;

import java.math.BigInteger;
import java.security.PublicKey;

/**
 * ES256/384/512 (RFC 7518 §3.4): signatures are R || S of exactly twice the curve size, never DER, and R and S must
 * lie in [1, n-1] before any curve arithmetic runs (CVE-2022-21449, "psychic signatures").
 */
public final class EcdsaScheme extends JcaSignatureScheme {

    private final EcCurve curve;

    public EcdsaScheme(String hash, EcCurve curve) {
        super(hash.replace("-", "") + "withECDSAinP1363Format", null);
        this.curve = curve;
    }

    @Override
    protected boolean lengthOk(PublicKey key, byte[] signature) {
        int size = curve.size();
        if (signature.length != 2 * size) {
            return false;
        }
        BigInteger n = curve.order();
        BigInteger r = new BigInteger(1, signature, 0, size);
        BigInteger s = new BigInteger(1, signature, size, size);
        return r.signum() > 0 && s.signum() > 0 && r.compareTo(n) < 0 && s.compareTo(n) < 0;
    }
}
