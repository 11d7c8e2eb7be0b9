package dev.hallmark.internal.crypto;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.util.Optional;

/** The NIST prime curves JOSE uses (RFC 7518 §6.2.1.1), with what validation needs. */
public enum EcCurve {
    P_256("P-256", "secp256r1", "1.2.840.10045.3.1.7", 32),
    P_384("P-384", "secp384r1", "1.3.132.0.34", 48),
    P_521("P-521", "secp521r1", "1.3.132.0.35", 66);

    private final String jwkName;
    private final String stdName;
    private final String oid;
    private final int size;
    private final ECParameterSpec spec;
    private final BigInteger p;

    EcCurve(String jwkName, String stdName, String oid, int size) {
        this.jwkName = jwkName;
        this.stdName = stdName;
        this.oid = oid;
        this.size = size;
        try {
            AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
            params.init(new ECGenParameterSpec(stdName));
            this.spec = params.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
        this.p = ((ECFieldFp) spec.getCurve().getField()).getP();
    }

    /** The JWK {@code crv} name. */
    public String jwkName() {
        return jwkName;
    }

    public String standardName() {
        return stdName;
    }

    public String oid() {
        return oid;
    }

    /** Octets of a coordinate, of the private scalar and of each half of a P1363 signature. */
    public int size() {
        return size;
    }

    public ECParameterSpec spec() {
        return spec;
    }

    public BigInteger order() {
        return spec.getOrder();
    }

    public BigInteger fieldPrime() {
        return p;
    }

    public static Optional<EcCurve> byJwkName(String name) {
        for (EcCurve c : values()) {
            if (c.jwkName.equals(name)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    public static Optional<EcCurve> byOid(String oid) {
        for (EcCurve c : values()) {
            if (c.oid.equals(oid)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** The curve whose parameters these are, compared by field, coefficients, generator and order. */
    public static Optional<EcCurve> of(ECParameterSpec other) {
        for (EcCurve c : values()) {
            ECParameterSpec s = c.spec;
            if (s.getCurve().equals(other.getCurve()) && s.getGenerator().equals(other.getGenerator())
                    && s.getOrder().equals(other.getOrder())) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** True when (x, y) is an affine point of this curve with coordinates reduced modulo p (never the identity). */
    public boolean contains(ECPoint point) {
        if (point == null || ECPoint.POINT_INFINITY.equals(point)) {
            return false;
        }
        BigInteger x = point.getAffineX();
        BigInteger y = point.getAffineY();
        if (x.signum() < 0 || y.signum() < 0 || x.compareTo(p) >= 0 || y.compareTo(p) >= 0) {
            return false;
        }
        BigInteger a = spec.getCurve().getA();
        BigInteger b = spec.getCurve().getB();
        BigInteger left = y.multiply(y).mod(p);
        BigInteger right = x.multiply(x).add(a).multiply(x).add(b).mod(p);
        return left.equals(right);
    }

    /** The y coordinates of the points with this x, if any (both roots; p is 3 mod 4 for all three curves). */
    public Optional<BigInteger[]> yFor(BigInteger x) {
        BigInteger a = spec.getCurve().getA();
        BigInteger b = spec.getCurve().getB();
        BigInteger rhs = x.multiply(x).add(a).multiply(x).add(b).mod(p);
        BigInteger y = rhs.modPow(p.add(BigInteger.ONE).shiftRight(2), p);
        if (!y.multiply(y).mod(p).equals(rhs)) {
            return Optional.empty();
        }
        return Optional.of(new BigInteger[] {y, p.subtract(y).mod(p)});
    }
}
