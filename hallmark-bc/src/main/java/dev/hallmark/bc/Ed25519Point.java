package dev.hallmark.bc;

import org.bouncycastle.math.ec.rfc7748.X25519Field;

import java.math.BigInteger;

/**
 * A mutable point of edwards25519 in extended coordinates (X:Y:Z:T, x = X/Z, y = Y/Z, xy = T/Z), with the RFC 8032
 * §5.1.4 formulas for a = -1 (Hisil, Wong, Carter and Dawson, "Twisted Edwards Curves Revisited", 2008). They are
 * complete on this curve, so the identity and equal or opposite operands need no special case. The field arithmetic
 * is Bouncy Castle's public {@link X25519Field} (ten signed limbs of 26 and 25 bits).
 *
 * <p>Bounds: {@link X25519Field#mul} and {@link X25519Field#sqr} take at most the sum or difference of two reduced
 * elements (a product, a decoded or a carried value), as Bouncy Castle's own code does; anything built from more
 * terms is {@link X25519Field#carry carried} first. {@link X25519Field#normalize} (canonical form) takes a reduced
 * element only.
 *
 * <p>Everything here runs in variable time: it handles public data only (keys, signatures, messages).
 */
final class Ed25519Point {

    static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));
    /** d = -121665/121666 (RFC 8032 §5.1). */
    private static final BigInteger D_VALUE = BigInteger.valueOf(-121665)
            .multiply(BigInteger.valueOf(121666).modInverse(P)).mod(P);
    private static final int[] D = element(D_VALUE);
    private static final int[] D2 = element(D_VALUE.shiftLeft(1).mod(P));

    final int[] x = X25519Field.create();
    final int[] y = X25519Field.create();
    final int[] z = X25519Field.create();
    final int[] t = X25519Field.create();
    // temporaries of the formulas, kept with the point so that an accumulator allocates nothing per operation
    private final int[] a = X25519Field.create();
    private final int[] b = X25519Field.create();
    private final int[] c = X25519Field.create();
    private final int[] d = X25519Field.create();
    private final int[] e = X25519Field.create();
    private final int[] f = X25519Field.create();
    private final int[] g = X25519Field.create();
    private final int[] h = X25519Field.create();

    /** A point of the table form: affine, as (y + x, y - x, 2dxy), so that adding it costs seven multiplications. */
    static final class Niels {
        final int[] yPlusX = X25519Field.create();
        final int[] yMinusX = X25519Field.create();
        final int[] xy2d = X25519Field.create();
    }

    Ed25519Point() {
        setIdentity();
    }

    void setIdentity() {
        X25519Field.zero(x);
        X25519Field.one(y);
        X25519Field.one(z);
        X25519Field.zero(t);
    }

    void set(Ed25519Point p) {
        X25519Field.copy(p.x, 0, x, 0);
        X25519Field.copy(p.y, 0, y, 0);
        X25519Field.copy(p.z, 0, z, 0);
        X25519Field.copy(p.t, 0, t, 0);
    }

    /** The base point B: y = 4/5 and x even (RFC 8032 §5.1). */
    static Ed25519Point base() {
        byte[] enc = littleEndian(BigInteger.valueOf(4).multiply(BigInteger.valueOf(5).modInverse(P)).mod(P));
        Ed25519Point b = decode(enc, 0);
        if (b == null) {
            throw new IllegalStateException("the base point does not decode");
        }
        return b;
    }

    /**
     * Decodes 32 octets as RFC 8032 §5.1.3 does: null for a non-canonical y (y >= p), a y with no x on the curve, or
     * x = 0 with the sign bit set.
     */
    static Ed25519Point decode(byte[] in, int off) {
        if (!canonicalY(in, off)) {
            return null;
        }
        int sign = (in[off + 31] >>> 7) & 1;
        Ed25519Point p = new Ed25519Point();
        X25519Field.decode(in, off, p.y); // the 255 low bits: the sign bit is not part of y
        int[] u = p.a;
        int[] v = p.b;
        X25519Field.sqr(p.y, u);
        X25519Field.mul(D, u, v);
        X25519Field.subOne(u); // y^2 - 1
        X25519Field.addOne(v); // d y^2 + 1
        if (!X25519Field.sqrtRatioVar(u, v, p.x)) {
            return null;
        }
        X25519Field.normalize(p.x);
        if (X25519Field.isZeroVar(p.x) && sign == 1) {
            return null;
        }
        if ((p.x[0] & 1) != sign) {
            X25519Field.negate(p.x, p.x);
            X25519Field.normalize(p.x);
        }
        X25519Field.one(p.z);
        X25519Field.mul(p.x, p.y, p.t);
        return p;
    }

    /** y < p, read from the low 255 bits of 32 little-endian octets. */
    private static boolean canonicalY(byte[] in, int off) {
        if ((in[off + 31] & 0x7f) != 0x7f) {
            return true;
        }
        for (int i = 30; i >= 1; i--) {
            if (in[off + i] != (byte) 0xff) {
                return true;
            }
        }
        return (in[off] & 0xff) < 0xed; // p = 2^255 - 19 ends in 0xed
    }

    /** The canonical 32-octet encoding (RFC 8032 §5.1.2): one inversion. */
    void encode(byte[] out, int off) {
        int[] zInv = a;
        int[] ax = b;
        int[] ay = c;
        X25519Field.invVar(z, zInv);
        X25519Field.mul(x, zInv, ax);
        X25519Field.mul(y, zInv, ay);
        X25519Field.normalize(ax);
        X25519Field.normalize(ay);
        X25519Field.encode(ay, out, off);
        out[off + 31] |= (byte) ((ax[0] & 1) << 7);
    }

    /**
     * this = 2 * this. With {@code needT} false, T is left stale: right for a doubling followed by another doubling,
     * which never reads T.
     */
    void twice(boolean needT) {
        X25519Field.sqr(x, a);              // A = X^2
        X25519Field.sqr(y, b);              // B = Y^2
        X25519Field.sqr(z, c);
        X25519Field.add(c, c, c);           // C = 2 Z^2
        X25519Field.add(a, b, h);           // H = A + B
        X25519Field.add(x, y, e);
        X25519Field.sqr(e, e);
        X25519Field.sub(h, e, e);           // E = H - (X + Y)^2
        X25519Field.carry(e);
        X25519Field.sub(a, b, g);           // G = A - B
        X25519Field.add(c, g, f);           // F = C + G
        X25519Field.carry(f);
        X25519Field.mul(e, f, x);
        X25519Field.mul(g, h, y);
        X25519Field.mul(f, g, z);
        if (needT) {
            X25519Field.mul(e, h, t);
        }
    }

    /** this = this + q, or this - q when {@code subtract}: the mixed addition with an affine point. */
    void add(Niels q, boolean subtract) {
        X25519Field.sub(y, x, a);
        X25519Field.mul(a, subtract ? q.yPlusX : q.yMinusX, a);  // A = (Y1 - X1)(y2 - x2); -q swaps the two
        X25519Field.add(y, x, b);
        X25519Field.mul(b, subtract ? q.yMinusX : q.yPlusX, b);  // B = (Y1 + X1)(y2 + x2)
        X25519Field.mul(t, q.xy2d, c);                           // C = 2d T1 x2 y2, negated for -q below
        X25519Field.add(z, z, d);
        X25519Field.carry(d);                                    // D = 2 Z1
        X25519Field.sub(b, a, e);                                // E = B - A
        X25519Field.add(b, a, h);                                // H = B + A
        if (subtract) {
            X25519Field.add(d, c, f);                            // F = D - (-C)
            X25519Field.sub(d, c, g);                            // G = D + (-C)
        } else {
            X25519Field.sub(d, c, f);                            // F = D - C
            X25519Field.add(d, c, g);                            // G = D + C
        }
        finish();
    }

    /** this = this + q for two extended points: used to build tables, not per token. */
    void add(Ed25519Point q) {
        X25519Field.sub(y, x, a);
        X25519Field.sub(q.y, q.x, e);
        X25519Field.mul(a, e, a);               // A = (Y1 - X1)(Y2 - X2)
        X25519Field.add(y, x, b);
        X25519Field.add(q.y, q.x, e);
        X25519Field.mul(b, e, b);               // B = (Y1 + X1)(Y2 + X2)
        X25519Field.mul(t, q.t, c);
        X25519Field.mul(c, D2, c);              // C = 2d T1 T2
        X25519Field.mul(z, q.z, d);
        X25519Field.add(d, d, d);
        X25519Field.carry(d);                   // D = 2 Z1 Z2
        X25519Field.sub(b, a, e);
        X25519Field.add(b, a, h);
        X25519Field.sub(d, c, f);
        X25519Field.add(d, c, g);
        finish();
    }

    private void finish() {
        X25519Field.mul(e, f, x);  // X3 = E F
        X25519Field.mul(g, h, y);  // Y3 = G H
        X25519Field.mul(f, g, z);  // Z3 = F G
        X25519Field.mul(e, h, t);  // T3 = E H
    }

    /** The affine table form of each point, with a single inversion for all of them (Montgomery's trick). */
    static Niels[] toNiels(Ed25519Point[] points) {
        int n = points.length;
        int[][] prefix = new int[n][];
        int[] acc = X25519Field.create();
        X25519Field.one(acc);
        for (int i = 0; i < n; i++) {
            prefix[i] = X25519Field.create();
            X25519Field.mul(acc, points[i].z, prefix[i]);
            X25519Field.copy(prefix[i], 0, acc, 0);
        }
        int[] inv = X25519Field.create();
        X25519Field.invVar(acc, inv); // 1 / (Z0 ... Zn-1)
        Niels[] out = new Niels[n];
        int[] zInv = X25519Field.create();
        int[] ax = X25519Field.create();
        int[] ay = X25519Field.create();
        for (int i = n - 1; i >= 0; i--) {
            if (i > 0) {
                X25519Field.mul(inv, prefix[i - 1], zInv);
                X25519Field.mul(inv, points[i].z, inv);
            } else {
                X25519Field.copy(inv, 0, zInv, 0);
            }
            X25519Field.mul(points[i].x, zInv, ax);
            X25519Field.mul(points[i].y, zInv, ay);
            Niels q = new Niels();
            X25519Field.add(ay, ax, q.yPlusX);
            X25519Field.carry(q.yPlusX);
            X25519Field.sub(ay, ax, q.yMinusX);
            X25519Field.carry(q.yMinusX);
            X25519Field.mul(ax, ay, q.xy2d);
            X25519Field.mul(q.xy2d, D2, q.xy2d);
            out[i] = q;
        }
        return out;
    }

    private static int[] element(BigInteger v) {
        int[] out = X25519Field.create();
        X25519Field.decode(littleEndian(v), 0, out);
        return out;
    }

    static byte[] littleEndian(BigInteger v) {
        byte[] be = v.toByteArray();
        byte[] out = new byte[32];
        for (int i = 0; i < 32 && i < be.length; i++) {
            out[i] = be[be.length - 1 - i];
        }
        return out;
    }
}
