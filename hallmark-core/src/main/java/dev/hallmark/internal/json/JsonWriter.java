package dev.hallmark.internal.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;

/**
 * Writes plain Java values as compact JSON (no whitespace, members in map order), the form RFC 7638 thumbprints
 * and signing inputs need. Accepts the types {@link StrictJson} produces plus {@code Integer}, {@code Short},
 * {@code Byte}, {@code Double}, {@code Float} and any {@code Collection}.
 *
 * <p>The bytes are exactly those jackson-core's default {@code JsonGenerator} writes (held to it by a differential
 * test): '"', '\\' and the C0 controls escaped (\b \t \n \f \r short, others as uppercase {@code \}{@code u00XX}),
 * '/' and U+007F as they are, other characters as UTF-8 except UTF-16 surrogates, which jackson escapes one by one
 * as {@code \}{@code uXXXX} (pairs included) rather than combining them, except that an unpaired surrogate, which
 * jackson writes, is refused ({@link IllegalArgumentException}: no verifier of ours would accept it); {@code BigDecimal.toString()}, {@code
 * Double.toString()}; nesting deeper than 1000 refused. Written by hand because a generator per document (with its
 * buffers and recycler) cost several times the HMAC of a token.
 */
public final class JsonWriter {

    /** jackson-core's default {@code StreamWriteConstraints} nesting limit, kept so both refuse the same documents. */
    static final int MAX_DEPTH = 1000;
    private static final int CHUNK = 4096;

    private static final byte[] HEX = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    /** For each ASCII character: 0 written as is, -1 as {@code \}{@code u00XX}, else the letter after the backslash. */
    private static final byte[] ESCAPE = new byte[128];
    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};
    /** "00" to "99", two bytes each. */
    private static final byte[] DIGIT_PAIRS = new byte[200];

    static {
        for (int d = 0; d < 100; d++) {
            DIGIT_PAIRS[2 * d] = (byte) ('0' + d / 10);
            DIGIT_PAIRS[2 * d + 1] = (byte) ('0' + d % 10);
        }
        for (int c = 0; c < 0x20; c++) {
            ESCAPE[c] = -1;
        }
        ESCAPE['\b'] = 'b';
        ESCAPE['\t'] = 't';
        ESCAPE['\n'] = 'n';
        ESCAPE['\f'] = 'f';
        ESCAPE['\r'] = 'r';
        ESCAPE['"'] = '"';
        ESCAPE['\\'] = '\\';
    }

    private JsonWriter() {
    }

    public static byte[] write(Map<String, ?> object) {
        JsonOutput out = new JsonOutput(256);
        writeObject(out, object);
        return out.toByteArray();
    }

    public static String writeString(Map<String, ?> object) {
        JsonOutput out = new JsonOutput(256);
        writeObject(out, object);
        return out.toUtf8String();
    }

    private static void writeObject(JsonOutput out, Map<String, ?> object) {
        startObject(out);
        members(out, object);
        endObject(out);
    }

    /**
     * Opens a top-level object in {@code out}; {@link #members} and {@link #member} add to it, {@link #endObject}
     * closes it. For callers that add members of their own to a map's without building another map.
     */
    public static void startObject(JsonOutput out) {
        out.put((byte) '{');
    }

    public static void members(JsonOutput out, Map<?, ?> m) {
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (!(e.getKey() instanceof String name)) {
                throw new IllegalArgumentException("JSON member names must be strings");
            }
            member(out, name, e.getValue());
        }
    }

    /** One member of the object being written; the caller makes sure its name is not used twice. */
    public static void member(JsonOutput out, String name, Object value) {
        member(out, name, value, 1);
    }

    public static void endObject(JsonOutput out) {
        out.put((byte) '}');
    }

    private static void member(JsonOutput out, String name, Object value, int depth) {
        // no value ends in '{', so a '{' last means the object was just opened and needs no separator
        boolean separator = out.last() != '{';
        int n = name.length();
        if (n <= CHUNK) {
            // separator, quoted name and colon under one reservation
            byte[] b = out.reserve(n * 6 + 4);
            int p = out.position();
            if (separator) {
                b[p++] = ',';
            }
            p = quoted(b, p, name, n);
            b[p++] = ':';
            out.position(p);
        } else {
            if (separator) {
                out.put((byte) ',');
            }
            string(out, name);
            out.put((byte) ':');
        }
        value(out, value, depth);
    }

    private static void value(JsonOutput out, Object v, int depth) {
        if (v == null) {
            bytes(out, NULL);
        } else if (v instanceof String s) {
            string(out, s);
        } else if (v instanceof Boolean b) {
            bytes(out, b ? TRUE : FALSE);
        } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            integer(out, ((Number) v).longValue());
        } else if (v instanceof BigInteger bi) {
            out.putAscii(bi.toString());
        } else if (v instanceof BigDecimal bd) {
            out.putAscii(bd.toString());
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("JSON has no NaN or infinity");
            }
            out.putAscii(Double.toString(d));
        } else if (v instanceof Map<?, ?> m) {
            enter(depth);
            out.put((byte) '{');
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!(e.getKey() instanceof String name)) {
                    throw new IllegalArgumentException("JSON member names must be strings");
                }
                member(out, name, e.getValue(), depth + 1);
            }
            out.put((byte) '}');
        } else if (v instanceof Collection<?> c) {
            enter(depth);
            out.put((byte) '[');
            boolean first = true;
            for (Object o : c) {
                if (!first) {
                    out.put((byte) ',');
                }
                first = false;
                value(out, o, depth + 1);
            }
            out.put((byte) ']');
        } else {
            throw new IllegalArgumentException("cannot write " + v.getClass().getName() + " as JSON");
        }
    }

    /** {@code depth} is that of the container holding the one being opened. */
    private static void enter(int depth) {
        if (depth >= MAX_DEPTH) {
            throw new IllegalArgumentException("JSON nesting deeper than " + MAX_DEPTH);
        }
    }

    private static void bytes(JsonOutput out, byte[] b) {
        byte[] buf = out.reserve(b.length);
        int p = out.position();
        System.arraycopy(b, 0, buf, p, b.length);
        out.position(p + b.length);
    }

    private static void integer(JsonOutput out, long v) {
        if (v == Long.MIN_VALUE) {
            out.putAscii("-9223372036854775808");
            return;
        }
        byte[] buf = out.reserve(20);
        int p = out.position();
        if (v < 0) {
            buf[p++] = '-';
            v = -v;
        }
        int end = p + digitCount(v);
        int i = end;
        // two digits per division, and int division once the value fits (a token's NumericDates are ten digits):
        // one long division per digit, twice over to count and to write, showed in the profile of writing claims
        while (v > Integer.MAX_VALUE) {
            long q = v / 100;
            int r = (int) (v - q * 100);
            buf[--i] = DIGIT_PAIRS[2 * r + 1];
            buf[--i] = DIGIT_PAIRS[2 * r];
            v = q;
        }
        int n = (int) v;
        while (n >= 100) {
            int q = n / 100;
            int r = n - q * 100;
            buf[--i] = DIGIT_PAIRS[2 * r + 1];
            buf[--i] = DIGIT_PAIRS[2 * r];
            n = q;
        }
        if (n >= 10) {
            buf[--i] = DIGIT_PAIRS[2 * n + 1];
            buf[--i] = DIGIT_PAIRS[2 * n];
        } else {
            buf[--i] = (byte) ('0' + n);
        }
        out.position(end);
    }

    /** Decimal digits of {@code v >= 0}, counted by multiplying rather than dividing. */
    private static int digitCount(long v) {
        int digits = 1;
        long bound = 10;
        while (digits < 19 && v >= bound) {
            digits++;
            bound *= 10;
        }
        return digits;
    }

    private static void string(JsonOutput out, String s) {
        int n = s.length();
        if (n <= CHUNK) {
            // the usual case: one reservation for the quotes and every character
            byte[] b = out.reserve(n * 6 + 2);
            out.position(quoted(b, out.position(), s, n));
            return;
        }
        out.put((byte) '"');
        for (int from = 0; from < n; from += CHUNK) {
            int to = Math.min(n, from + CHUNK);
            byte[] b = out.reserve((to - from) * 6);
            out.position(chars(b, out.position(), s, from, to));
        }
        out.put((byte) '"');
    }

    /** {@code s}, of {@code n <= CHUNK} characters, in quotes at {@code p} (room for {@code 6n + 2} bytes). */
    private static int quoted(byte[] b, int p, String s, int n) {
        b[p++] = '"';
        p = chars(b, p, s, 0, n);
        b[p++] = '"';
        return p;
    }

    /**
     * Writes {@code s[from, to)} into {@code b} at {@code p}, which has room for six bytes per character (the most one
     * UTF-16 unit can become, an escape), so the loop needs no capacity check; returns the position after it.
     */
    private static int chars(byte[] b, int p, String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                byte e = ESCAPE[c];
                if (e == 0) {
                    b[p++] = (byte) c;
                } else if (e > 0) {
                    b[p++] = '\\';
                    b[p++] = e;
                } else {
                    p = unicodeEscape(b, p, c);
                }
            } else if (c < 0x800) {
                b[p++] = (byte) (0xc0 | c >> 6);
                b[p++] = (byte) (0x80 | c & 0x3f);
            } else if (Character.isSurrogate(c)) {
                if (!paired(s, i)) {
                    // jackson writes it; StrictJson (RFC 7493 §2.1) refuses it: a token we could sign but never verify
                    throw new IllegalArgumentException("a string holds an unpaired UTF-16 surrogate at index " + i
                            + ", which is not Unicode text (RFC 8259 §8.2)");
                }
                p = unicodeEscape(b, p, c);
            } else {
                b[p++] = (byte) (0xe0 | c >> 12);
                b[p++] = (byte) (0x80 | c >> 6 & 0x3f);
                b[p++] = (byte) (0x80 | c & 0x3f);
            }
        }
        return p;
    }

    /** Whether the surrogate at {@code i} is half of a high-low pair (looking across chunk boundaries). */
    private static boolean paired(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    private static int unicodeEscape(byte[] b, int p, char c) {
        b[p] = '\\';
        b[p + 1] = 'u';
        b[p + 2] = HEX[c >> 12];
        b[p + 3] = HEX[c >> 8 & 0xf];
        b[p + 4] = HEX[c >> 4 & 0xf];
        b[p + 5] = HEX[c & 0xf];
        return p + 6;
    }
}
