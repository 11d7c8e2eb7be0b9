package dev.hallmark.internal.json;

/**
 * Strict UTF-8 validation (RFC 3629): no overlong forms, no encoded surrogates, nothing above U+10FFFF.
 * jackson-core checks continuation bytes but accepts some of these, and a token whose bytes decode two ways
 * could be read differently by two parties.
 */
final class Utf8 {

    private Utf8() {
    }

    static boolean isValid(byte[] b, int off, int len) {
        int i = off;
        int end = off + len;
        while (i < end) {
            int c = b[i];
            if (c >= 0) {
                i++;
                continue;
            }
            c &= 0xff;
            if (c < 0xc2) {
                return false; // continuation byte first, or overlong 2-byte lead
            }
            if (c < 0xe0) {
                if (i + 1 >= end || !cont(b[i + 1])) {
                    return false;
                }
                i += 2;
            } else if (c < 0xf0) {
                if (i + 2 >= end || !cont(b[i + 1]) || !cont(b[i + 2])) {
                    return false;
                }
                int c1 = b[i + 1] & 0xff;
                if (c == 0xe0 && c1 < 0xa0) {
                    return false; // overlong
                }
                if (c == 0xed && c1 >= 0xa0) {
                    return false; // UTF-16 surrogate
                }
                i += 3;
            } else if (c < 0xf5) {
                if (i + 3 >= end || !cont(b[i + 1]) || !cont(b[i + 2]) || !cont(b[i + 3])) {
                    return false;
                }
                int c1 = b[i + 1] & 0xff;
                if (c == 0xf0 && c1 < 0x90) {
                    return false; // overlong
                }
                if (c == 0xf4 && c1 >= 0x90) {
                    return false; // above U+10FFFF
                }
                i += 4;
            } else {
                return false;
            }
        }
        return true;
    }

    private static boolean cont(byte x) {
        return (x & 0xc0) == 0x80;
    }
}
