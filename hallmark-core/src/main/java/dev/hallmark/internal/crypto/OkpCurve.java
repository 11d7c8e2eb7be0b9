package dev.hallmark.internal.crypto;

import java.math.BigInteger;
import java.security.spec.EdECPoint;
import java.security.spec.NamedParameterSpec;
import java.util.Optional;

/** The CFRG curves of RFC 8037: two for EdDSA signatures, two for ECDH-ES key agreement. */
public enum OkpCurve {
    ED25519("Ed25519", "1.3.101.112", 32, true),
    ED448("Ed448", "1.3.101.113", 57, true),
    X25519("X25519", "1.3.101.110", 32, false),
    X448("X448", "1.3.101.111", 56, false);

    private static final BigInteger P25519 = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));
    private static final BigInteger D25519 = BigInteger.valueOf(-121665)
            .multiply(BigInteger.valueOf(121666).modInverse(P25519)).mod(P25519);
    private static final BigInteger SQRT_M1_25519 = BigInteger.TWO.modPow(P25519.subtract(BigInteger.ONE)
            .shiftRight(2), P25519);
    private static final BigInteger P448 = BigInteger.TWO.pow(448).subtract(BigInteger.TWO.pow(224))
            .subtract(BigInteger.ONE);
    private static final BigInteger D448 = BigInteger.valueOf(-39081).mod(P448);

    private final String jwkName;
    private final String oid;
    private final int size;
    private final boolean signature;

    OkpCurve(String jwkName, String oid, int size, boolean signature) {
        this.jwkName = jwkName;
        this.oid = oid;
        this.size = size;
        this.signature = signature;
    }

    public String jwkName() {
        return jwkName;
    }

    public String oid() {
        return oid;
    }

    /** Octets of the public key {@code x} and of the private key {@code d}. */
    public int size() {
        return size;
    }

    /** True for Ed25519 and Ed448 (EdDSA), false for X25519 and X448 (ECDH). */
    public boolean isSignatureCurve() {
        return signature;
    }

    /** The JCA algorithm name: {@code Ed25519}, {@code Ed448}, {@code X25519} or {@code X448}. */
    public String jcaName() {
        return jwkName;
    }

    public NamedParameterSpec parameterSpec() {
        return new NamedParameterSpec(jwkName);
    }

    public static Optional<OkpCurve> byJwkName(String name) {
        for (OkpCurve c : values()) {
            if (c.jwkName.equals(name)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    public static Optional<OkpCurve> byOid(String oid) {
        for (OkpCurve c : values()) {
            if (c.oid.equals(oid)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /**
     * Decodes an RFC 8032 point encoding (little-endian y, sign of x in the top bit) into the JDK's form, or
     * empty when the encoding is non-canonical (y not below p) or names no point of the curve.
     */
    public Optional<EdECPoint> decodeEdwardsPoint(byte[] encoded) {
        if (!signature || encoded.length != size) {
            return Optional.empty();
        }
        byte[] be = new byte[size];
        for (int i = 0; i < size; i++) {
            be[i] = encoded[size - 1 - i];
        }
        boolean xOdd = (be[0] & 0x80) != 0;
        be[0] &= 0x7f;
        BigInteger y = new BigInteger(1, be);
        BigInteger p = this == ED25519 ? P25519 : P448;
        if (y.compareTo(p) >= 0) {
            return Optional.empty();
        }
        if (this == ED448 && (encoded[size - 1] & 0x7f) != 0) {
            return Optional.empty(); // the last octet of an Ed448 encoding holds only the sign bit
        }
        Optional<BigInteger> x = this == ED25519 ? recoverX25519(y) : recoverX448(y);
        if (x.isEmpty() || (x.get().signum() == 0 && xOdd)) {
            return Optional.empty(); // RFC 8032 §5.1.3 step 4: x = 0 with the sign bit set is invalid
        }
        return Optional.of(new EdECPoint(xOdd, y));
    }

    /**
     * True when a canonical point encoding names a point of small order (one of the 8 on Ed25519, 4 on Ed448):
     * multiplying by the cofactor gives the identity. Anyone can make signatures that verify under such a public
     * key, so it is no key at all. Public data only; plain affine doubling is fine here.
     */
    public boolean isSmallOrder(byte[] encoded) {
        Optional<EdECPoint> point = decodeEdwardsPoint(encoded);
        if (point.isEmpty()) {
            return false;
        }
        BigInteger p = this == ED25519 ? P25519 : P448;
        BigInteger a = this == ED25519 ? p.subtract(BigInteger.ONE) : BigInteger.ONE;
        BigInteger y = point.get().getY();
        BigInteger x = (this == ED25519 ? recoverX25519(y) : recoverX448(y)).orElseThrow();
        if (x.testBit(0) != point.get().isXOdd()) {
            x = p.subtract(x).mod(p);
        }
        int doublings = this == ED25519 ? 3 : 2; // cofactor 8 or 4
        for (int i = 0; i < doublings; i++) {
            // Edwards doubling, complete on these curves: x' = 2xy / (ax² + y²), y' = (y² - ax²) / (2 - ax² - y²)
            BigInteger ax2 = a.multiply(x).multiply(x).mod(p);
            BigInteger y2 = y.multiply(y).mod(p);
            BigInteger nx = BigInteger.TWO.multiply(x).multiply(y).multiply(ax2.add(y2).modInverse(p)).mod(p);
            BigInteger ny = y2.subtract(ax2).multiply(BigInteger.TWO.subtract(ax2).subtract(y2).mod(p).modInverse(p)).mod(p);
            x = nx;
            y = ny;
        }
        return x.signum() == 0 && y.equals(BigInteger.ONE);
    }

    /** Encodes a JDK Edwards point as RFC 8032 octets. */
    public byte[] encodeEdwardsPoint(EdECPoint point) {
        byte[] out = new byte[size];
        byte[] be = point.getY().toByteArray();
        for (int i = 0; i < be.length && i < size; i++) {
            out[i] = be[be.length - 1 - i];
        }
        if (point.isXOdd()) {
            out[size - 1] |= (byte) 0x80;
        }
        return out;
    }

    /** Little-endian octets of a Montgomery u coordinate, as RFC 7748 encodes it. */
    public byte[] encodeU(BigInteger u) {
        byte[] out = new byte[size];
        byte[] be = u.toByteArray();
        for (int i = 0; i < be.length && i < size; i++) {
            out[i] = be[be.length - 1 - i];
        }
        return out;
    }

    /** The Montgomery u coordinate of RFC 7748 octets (for X25519 the top bit is ignored, §5). */
    public BigInteger decodeU(byte[] le) {
        byte[] be = new byte[le.length];
        for (int i = 0; i < le.length; i++) {
            be[i] = le[le.length - 1 - i];
        }
        if (this == X25519) {
            be[0] &= 0x7f;
        }
        return new BigInteger(1, be);
    }

    private static Optional<BigInteger> recoverX25519(BigInteger y) {
        BigInteger p = P25519;
        BigInteger y2 = y.multiply(y).mod(p);
        BigInteger u = y2.subtract(BigInteger.ONE).mod(p);
        BigInteger v = D25519.multiply(y2).add(BigInteger.ONE).mod(p);
        BigInteger x2 = u.multiply(v.modInverse(p)).mod(p);
        if (x2.signum() == 0) {
            return Optional.of(BigInteger.ZERO);
        }
        BigInteger x = x2.modPow(p.add(BigInteger.valueOf(3)).shiftRight(3), p);
        if (!x.multiply(x).mod(p).equals(x2)) {
            x = x.multiply(SQRT_M1_25519).mod(p);
        }
        return x.multiply(x).mod(p).equals(x2) ? Optional.of(x) : Optional.empty();
    }

    private static Optional<BigInteger> recoverX448(BigInteger y) {
        BigInteger p = P448;
        BigInteger y2 = y.multiply(y).mod(p);
        BigInteger u = y2.subtract(BigInteger.ONE).mod(p);
        BigInteger v = D448.multiply(y2).subtract(BigInteger.ONE).mod(p);
        if (v.signum() == 0) {
            return Optional.empty();
        }
        BigInteger x2 = u.multiply(v.modInverse(p)).mod(p);
        BigInteger x = x2.modPow(p.add(BigInteger.ONE).shiftRight(2), p);
        return x.multiply(x).mod(p).equals(x2) ? Optional.of(x) : Optional.empty();
    }
}
