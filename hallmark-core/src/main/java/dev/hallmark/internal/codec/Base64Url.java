package dev.hallmark.internal.codec;

import dev.hallmark.JoseException;
import dev.hallmark.Reason;

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
     * The six bits of a character already shifted to their place in a 24-bit group, one table per position, and -1
     * for a character outside the alphabet: OR-ing four lookups gives the group, negative if any was invalid.
     */
    private static final int[] AT_18 = new int[256];
    private static final int[] AT_12 = new int[256];
    private static final int[] AT_6 = new int[256];
    private static final int[] AT_0 = new int[256];

    static {
        java.util.Arrays.fill(DECODE, (byte) -1);
        for (int i = 0; i < ENCODE.length; i++) {
            DECODE[ENCODE[i]] = (byte) i;
        }
        for (int c = 0; c < 256; c++) {
            int v = DECODE[c];
            AT_18[c] = v < 0 ? -1 : v << 18;
            AT_12[c] = v < 0 ? -1 : v << 12;
            AT_6[c] = v < 0 ? -1 : v << 6;
            AT_0[c] = v;
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
        // indexed from the loop counter, so the JIT sees a counted loop and drops the per-access range checks; eight
        // characters per step (SWAR arithmetic in a long, or one lookup per character pair) measured no faster
        // (docs/decisions.md)
        for (int n = 0; n < full; n++) {
            int s = off + 4 * n;
            int v = AT_18[src[s] & 0xff] | AT_12[src[s + 1] & 0xff] | AT_6[src[s + 2] & 0xff] | AT_0[src[s + 3] & 0xff];
            if (v < 0) {
                throw invalid(what, "character outside the base64url alphabet (padding and whitespace are not allowed)");
            }
            int o = 3 * n;
            out[o] = (byte) (v >>> 16);
            out[o + 1] = (byte) (v >>> 8);
            out[o + 2] = (byte) v;
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
