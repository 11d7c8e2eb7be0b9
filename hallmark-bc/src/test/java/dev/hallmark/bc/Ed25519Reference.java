package dev.hallmark.bc;

import org.bouncycastle.math.ec.rfc8032.Ed25519;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Slow, obvious references for the tests: double-and-add, encodings as hex, RFC 8032 key derivation. */
final class Ed25519Reference {

    static final BigInteger L = Ed25519Scalar.L;
    static final String IDENTITY = "01" + "00".repeat(31);
    /**
     * The eight points of small order, canonically encoded (orders 1, 2, 4, 4, 8, 8, 8, 8): the published list used
     * by the CCTV and Wycheproof vectors; the tests check each one's order with the arithmetic under test.
     */
    static final String[] SMALL_ORDER = {
        IDENTITY,
        "ec" + "ff".repeat(30) + "7f",
        "00".repeat(32),
        "00".repeat(31) + "80",
        "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a",
        "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa",
        "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05",
        "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85",
    };

    private Ed25519Reference() {
    }

    /** [n]p by plain double-and-add from the top bit, with the general addition only. */
    static Ed25519Point multiply(Ed25519Point p, BigInteger n) {
        Ed25519Point acc = new Ed25519Point();
        for (int i = n.bitLength() - 1; i >= 0; i--) {
            acc.twice(true);
            if (n.testBit(i)) {
                acc.add(p);
            }
        }
        return acc;
    }

    static Ed25519Point sum(Ed25519Point p, Ed25519Point q) {
        Ed25519Point out = new Ed25519Point();
        out.set(p);
        out.add(q);
        return out;
    }

    static String hex(Ed25519Point p) {
        byte[] out = new byte[32];
        p.encode(out, 0);
        return HexFormat.of().formatHex(out);
    }

    static Ed25519Point point(String hex) {
        return Ed25519Point.decode(HexFormat.of().parseHex(hex), 0);
    }

    static BigInteger fromLittleEndian(byte[] le, int off, int len) {
        byte[] be = new byte[len];
        for (int i = 0; i < len; i++) {
            be[i] = le[off + len - 1 - i];
        }
        return new BigInteger(1, be);
    }

    static byte[] toLittleEndian(BigInteger v) {
        return Ed25519Point.littleEndian(v);
    }

    /** The secret scalar of an RFC 8032 private key (seed): the clamped low half of SHA-512(seed). */
    static BigInteger secretScalar(byte[] seed) {
        byte[] h = sha512(seed);
        h[0] &= (byte) 0xf8;
        h[31] &= 0x7f;
        h[31] |= 0x40;
        return fromLittleEndian(h, 0, 32);
    }

    /** The public key Bouncy Castle derives from a seed: an independent check of the arithmetic here. */
    static byte[] bouncyCastlePublicKey(byte[] seed) {
        byte[] pk = new byte[32];
        Ed25519.generatePublicKey(seed, 0, pk, 0);
        return pk;
    }

    static byte[] sha512(byte[]... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-512");
            for (byte[] p : parts) {
                md.update(p);
            }
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
