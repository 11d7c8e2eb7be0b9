package dev.hallmark.internal.codec;

import dev.hallmark.JoseException;
import dev.hallmark.Reason;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Strict base64url without padding (RFC 7515 §2, RFC 4648 §5). Decoding refuses padding, whitespace, characters
 * outside the URL-safe alphabet, a length of 1 mod 4 and non-zero spare bits in the last character, so every byte
 * string has exactly one accepted encoding: a token cannot be altered without changing its signing input.
 */
public final class Base64Url {

    private static final byte[] ENCODE =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DECODE = new byte[256];
    /**
     * The 12 bits of two characters, indexed by the first character's byte plus 256 times the second's (the order a
     * little-endian read puts them in), and -1 for a pair with a byte outside the alphabet: one lookup per two
     * characters instead of one per character, and the range checks of all 65,536 pairs done once, here. 128 KiB;
     * valid input only reaches 64 runs of 78 entries (first byte '-'..'z'), about 12 KiB, which stays in L1.
     * Measured against decoding eight characters at once with SWAR arithmetic in a long (range tests and mapping for
     * each byte lane): that needs about 50 ALU operations per eight characters and was twice as slow as the old
     * one-table-per-character loop on the benchmark machine; this table needs about 25 and was faster (decisions.md).
     */
    private static final short[] PAIR = new short[1 << 16];
    /** Eight characters per read, the first in the low byte; their six bytes are written as an int and a short. */
    private static final VarHandle LONG_LE =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT_BE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle SHORT_BE =
            MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);

    static {
        java.util.Arrays.fill(DECODE, (byte) -1);
        for (int i = 0; i < ENCODE.length; i++) {
            DECODE[ENCODE[i]] = (byte) i;
        }
        java.util.Arrays.fill(PAIR, (short) -1);
        for (byte first : ENCODE) {
            for (byte second : ENCODE) {
                PAIR[first | second << 8] = (short) (DECODE[first] << 6 | DECODE[second]);
            }
        }
    }

    private Base64Url() {
    }

    public static String encode(byte[] data) {
        return new String(encodeToAscii(data, 0, data.length), StandardCharsets.ISO_8859_1);
    }

    /** Encodes into ASCII bytes, ready to be concatenated into a signing input. */
    public static byte[] encodeToAscii(byte[] data, int off, int len) {
        byte[] out = new byte[encodedLength(len)];
        encodeInto(data, off, len, out, 0);
        return out;
    }

    /** The number of characters {@code len} bytes encode to (no padding). */
    public static int encodedLength(int len) {
        int full = len / 3;
        int rest = len - full * 3;
        return full * 4 + (rest == 0 ? 0 : rest + 1);
    }

    /**
     * Encodes {@code len} bytes of {@code data} from {@code off} into {@code out} at {@code outOff}, so a token is
     * assembled in one array; returns the index after the last character written.
     */
    public static int encodeInto(byte[] data, int off, int len, byte[] out, int outOff) {
        java.util.Objects.checkFromIndexSize(off, len, data.length);
        java.util.Objects.checkFromIndexSize(outOff, encodedLength(len), out.length);
        int full = len / 3;
        int rest = len - full * 3;
        // indexed from the loop counter, as in decode, so the JIT sees a counted loop
        for (int n = 0; n < full; n++) {
            int s = off + 3 * n;
            int d = outOff + 4 * n;
            int v = (data[s] & 0xff) << 16 | (data[s + 1] & 0xff) << 8 | (data[s + 2] & 0xff);
            out[d] = ENCODE[v >>> 18];
            out[d + 1] = ENCODE[(v >>> 12) & 0x3f];
            out[d + 2] = ENCODE[(v >>> 6) & 0x3f];
            out[d + 3] = ENCODE[v & 0x3f];
        }
        int o = outOff + 4 * full;
        int i = off + 3 * full;
        if (rest == 1) {
            int v = data[i] & 0xff;
            out[o++] = ENCODE[v >>> 2];
            out[o++] = ENCODE[(v << 4) & 0x3f];
        } else if (rest == 2) {
            int v = (data[i] & 0xff) << 8 | (data[i + 1] & 0xff);
            out[o++] = ENCODE[v >>> 10];
            out[o++] = ENCODE[(v >>> 4) & 0x3f];
            out[o++] = ENCODE[(v << 2) & 0x3f];
        }
        return o;
    }

    /** Decodes a whole string; {@code what} names the field in the error message. */
    public static byte[] decode(String text, String what) {
        int len = text.length();
        byte[] ascii = new byte[len];
        for (int i = 0; i < len; i++) {
            char c = text.charAt(i);
            if (c > 0x7f) {
                throw invalid(what, "non-ASCII character");
            }
            ascii[i] = (byte) c;
        }
        return decode(ascii, 0, len, what);
    }

    /** Decodes {@code len} ASCII bytes of {@code src} from {@code off}. */
    public static byte[] decode(byte[] src, int off, int len, String what) {
        if (len % 4 == 1) {
            throw invalid(what, "impossible length");
        }
        int full = len / 4;
        int rest = len - full * 4;
        byte[] out = new byte[full * 3 + (rest == 0 ? 0 : rest - 1)];
        java.util.Objects.checkFromIndexSize(off, len, src.length);
        // Eight characters (two groups, six bytes) per step, four pair lookups. A bad pair is -1, so OR-ing every
        // lookup into `bad` and testing its sign once after the loop finds it; the bytes written meanwhile are
        // discarded with the array. Every character error has the same message, so where it was is not needed.
        // Indexed from the loop counter, so the JIT sees a counted loop.
        int blocks = len >>> 3;
        int bad = 0;
        for (int n = 0; n < blocks; n++) {
            long chars = (long) LONG_LE.get(src, off + 8 * n);
            int a = PAIR[(int) chars & 0xffff];
            int b = PAIR[(int) (chars >>> 16) & 0xffff];
            int c = PAIR[(int) (chars >>> 32) & 0xffff];
            int d = PAIR[(int) (chars >>> 48)];
            bad |= a | b | c | d;
            int first = a << 12 | b;
            int second = c << 12 | d;
            INT_BE.set(out, 6 * n, first << 8 | second >>> 16);
            SHORT_BE.set(out, 6 * n + 4, (short) second);
        }
        if (2 * blocks < full) { // one group of four left
            int s = off + 8 * blocks;
            int a = PAIR[(src[s] & 0xff) | (src[s + 1] & 0xff) << 8];
            int b = PAIR[(src[s + 2] & 0xff) | (src[s + 3] & 0xff) << 8];
            bad |= a | b;
            int v = a << 12 | b;
            int o = 6 * blocks;
            out[o] = (byte) (v >>> 16);
            out[o + 1] = (byte) (v >>> 8);
            out[o + 2] = (byte) v;
        }
        if (bad < 0) {
            throw invalid(what, "character outside the base64url alphabet (padding and whitespace are not allowed)");
        }
        int i = off + 4 * full;
        int o = 3 * full;
        if (rest == 2) {
            int a = DECODE[src[i] & 0xff];
            int b = DECODE[src[i + 1] & 0xff];
            if ((a | b) < 0) {
                throw invalid(what, "character outside the base64url alphabet (padding and whitespace are not allowed)");
            }
            if ((b & 0x0f) != 0) {
                throw invalid(what, "non-zero spare bits in the last character (non-canonical encoding)");
            }
            out[o] = (byte) (a << 2 | b >>> 4);
        } else if (rest == 3) {
            int a = DECODE[src[i] & 0xff];
            int b = DECODE[src[i + 1] & 0xff];
            int c = DECODE[src[i + 2] & 0xff];
            if ((a | b | c) < 0) {
                throw invalid(what, "character outside the base64url alphabet (padding and whitespace are not allowed)");
            }
            if ((c & 0x03) != 0) {
                throw invalid(what, "non-zero spare bits in the last character (non-canonical encoding)");
            }
            int v = a << 10 | b << 4 | c >>> 2;
            out[o++] = (byte) (v >>> 8);
            out[o] = (byte) v;
        }
        return out;
    }

    private static JoseException invalid(String what, String why) {
        return new JoseException(Reason.MALFORMED, what + " is not valid base64url: " + why + " (RFC 7515 §2)");
    }
}
