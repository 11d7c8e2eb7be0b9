package dev.hallmark.bc;

import java.math.BigInteger;

/**
 * Scalars modulo the order L = 2^252 + 27742317777372353535851937790883648493 of edwards25519's prime-order
 * subgroup, as 32 little-endian octets (RFC 8032), and their recoding into width-w NAF digits for the tables.
 */
final class Ed25519Scalar {

    static final BigInteger L = BigInteger.TWO.pow(252).add(new BigInteger("27742317777372353535851937790883648493"));
    private static final byte[] L_OCTETS = Ed25519Point.littleEndian(L);
    /** Digits of a scalar below 2^253: its NAF ends by position 253; 256 positions split evenly into table chunks. */
    static final int DIGITS = 256;

    private Ed25519Scalar() {
    }

    /** True when the 32 little-endian octets at {@code off} encode an integer below L. */
    static boolean belowOrder(byte[] s, int off) {
        for (int i = 31; i >= 0; i--) {
            int si = s[off + i] & 0xff;
            int li = L_OCTETS[i] & 0xff;
            if (si != li) {
                return si < li;
            }
        }
        return false; // equal to L
    }

    /** The 64-octet little-endian SHA-512 output reduced mod L (RFC 8032 §5.1.7 step 2), as 32 octets. */
    static byte[] reduce(byte[] hash) {
        byte[] be = new byte[hash.length];
        for (int i = 0; i < hash.length; i++) {
            be[i] = hash[hash.length - 1 - i];
        }
        return Ed25519Point.littleEndian(new BigInteger(1, be).mod(L));
    }

    /**
     * The width-w NAF of a scalar below 2^253: digits[i] is zero or odd with |digits[i]| < 2^(w-1), at least w - 1
     * zeros follow each non-zero digit, and the sum of digits[i] * 2^i is the scalar. Odd digits only is what lets
     * a table hold just the odd multiples; the zeros are what make additions rare.
     */
    static byte[] nonAdjacentForm(byte[] scalar, int off, int width) {
        byte[] digits = new byte[DIGITS];
        int half = 1 << (width - 1);
        int carry = 0;
        int i = 0;
        while (i < DIGITS) {
            if ((bit(scalar, off, i) ^ carry) == 0) {
                i++; // the running value is even here: digit 0, carry unchanged
                continue;
            }
            int window = bits(scalar, off, i, width) + carry; // odd, so below 2^w
            if (window >= half) {
                digits[i] = (byte) (window - 2 * half);
                carry = 1;
            } else {
                digits[i] = (byte) window;
                carry = 0;
            }
            i += width;
        }
        if (carry != 0) {
            throw new IllegalArgumentException("scalar not below 2^253");
        }
        return digits;
    }

    private static int bit(byte[] s, int off, int i) {
        return (s[off + (i >>> 3)] >>> (i & 7)) & 1;
    }

    private static int bits(byte[] s, int off, int i, int width) {
        int at = i >>> 3;
        int word = s[off + at] & 0xff;
        if (at + 1 < 32) {
            word |= (s[off + at + 1] & 0xff) << 8;
        }
        if (at + 2 < 32) {
            word |= (s[off + at + 2] & 0xff) << 16;
        }
        return (word >>> (i & 7)) & ((1 << width) - 1);
    }
}
