package dev.hallmark.jwk;

import dev.hallmark.internal.codec.Base64Url;

import java.math.BigInteger;

/** Base64urlUInt and fixed-width integer encodings of RFC 7518 §2 and §6. */
final class Octets {

    private Octets() {
    }

    /** Minimal big-endian octets of a non-negative integer (zero is one zero octet). */
    static byte[] unsigned(BigInteger v) {
        byte[] b = v.toByteArray();
        if (b.length > 1 && b[0] == 0) {
            return java.util.Arrays.copyOfRange(b, 1, b.length);
        }
        return b;
    }

    /** Big-endian octets left-padded to exactly {@code size}. */
    static byte[] fixed(BigInteger v, int size) {
        byte[] b = unsigned(v);
        if (b.length == size) {
            return b;
        }
        if (b.length > size) {
            throw new IllegalArgumentException("integer wider than " + size + " octets");
        }
        byte[] out = new byte[size];
        System.arraycopy(b, 0, out, size - b.length, b.length);
        return out;
    }

    static String uint(BigInteger v) {
        return Base64Url.encode(unsigned(v));
    }

    static String fixedUint(BigInteger v, int size) {
        return Base64Url.encode(fixed(v, size));
    }
}
