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

    static {
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
        if (out.last() != '{') {
            out.put((byte) ',');
        }
        string(out, name);
        out.put((byte) ':');
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
        int digits = 1;
        for (long t = v; t >= 10; t /= 10) {
            digits++;
        }
        int end = p + digits;
        for (int i = end - 1; i >= p; i--) {
            buf[i] = (byte) ('0' + (int) (v % 10));
            v /= 10;
        }
        out.position(end);
    }

    private static void string(JsonOutput out, String s) {
        int n = s.length();
        out.put((byte) '"');
        for (int from = 0; from < n; from += CHUNK) {
            chars(out, s, from, Math.min(n, from + CHUNK));
        }
        out.put((byte) '"');
    }

    /** Writes {@code s[from, to)}; at most {@link #CHUNK} characters, so the reservation stays small. */
    private static void chars(JsonOutput out, String s, int from, int to) {
        // six bytes is the most one UTF-16 unit can become (an escape); reserving for that keeps the loop check-free
        byte[] b = out.reserve((to - from) * 6);
        int p = out.position();
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
        out.position(p);
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
