package dev.hallmark.internal.crypto;

import dev.hallmark.spi.SignatureCurve;

import java.security.Key;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;

/**
 * ES256/384/512 (RFC 7518 §3.4): signatures are R || S of exactly twice the curve size, never DER, and R and S must
 * lie in [1, n-1] before any curve arithmetic runs (CVE-2022-21449, "psychic signatures"). These checks are made
 * here, whichever engine then does the arithmetic; signing always runs on the JDK.
 */
public final class EcdsaScheme extends JcaSignatureScheme {

    private final EcCurve curve;
    /** The group order n as {@code size} big-endian octets, to range-check R and S without allocating. */
    private final byte[] order;
    private final PreparedVerifiers verifiers;

    public EcdsaScheme(String hash, EcCurve curve) {
        super(hash.replace("-", "") + "withECDSAinP1363Format", null);
        this.curve = curve;
        this.order = fixed(curve.order().toByteArray(), curve.size());
        SignatureCurve spiCurve = switch (curve) {
            case P_256 -> SignatureCurve.P_256;
            case P_384 -> SignatureCurve.P_384;
            case P_521 -> SignatureCurve.P_521;
        };
        this.verifiers = new PreparedVerifiers(spiCurve, this::encode);
    }

    @Override
    public boolean verify(Key key, byte[] data, int off, int len, byte[] signature) {
        PublicKey publicKey = (PublicKey) key;
        if (!lengthOk(publicKey, signature)) {
            return false;
        }
        return verifiers.verify(publicKey, data, off, len, signature);
    }

    @Override
    protected boolean lengthOk(PublicKey key, byte[] signature) {
        int size = curve.size();
        return signature.length == 2 * size && inRange(signature, 0) && inRange(signature, size);
    }

    /** 1 <= v < n for the big-endian value at {@code from}; equal-length unsigned byte order is numeric order. */
    private boolean inRange(byte[] signature, int from) {
        int size = order.length;
        int any = 0;
        for (int i = from; i < from + size; i++) {
            any |= signature[i];
        }
        return any != 0 && Arrays.compareUnsigned(signature, from, from + size, order, 0, size) < 0;
    }

    /** SEC 1 uncompressed form, 04 || X || Y, each coordinate left-padded to the curve size. */
    private byte[] encode(PublicKey key) {
        java.security.spec.ECPoint w = ((ECPublicKey) key).getW();
        int size = curve.size();
        byte[] out = new byte[1 + 2 * size];
        out[0] = 0x04;
        System.arraycopy(fixed(w.getAffineX().toByteArray(), size), 0, out, 1, size);
        System.arraycopy(fixed(w.getAffineY().toByteArray(), size), 0, out, 1 + size, size);
        return out;
    }

    /** The low {@code size} octets of a non-negative two's-complement value, left-padded with zeros. */
    private static byte[] fixed(byte[] twosComplement, int size) {
        byte[] out = new byte[size];
        int copy = Math.min(twosComplement.length, size);
        System.arraycopy(twosComplement, twosComplement.length - copy, out, size - copy, copy);
        return out;
    }
}
