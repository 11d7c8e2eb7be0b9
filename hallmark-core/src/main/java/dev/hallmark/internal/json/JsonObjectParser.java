package dev.hallmark.internal.json;

import dev.hallmark.JoseException;
import dev.hallmark.Limits;
import dev.hallmark.Reason;
import dev.hallmark.internal.codec.Printable;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * One strict RFC 8259 pass over UTF-8 bytes straight into Java values, for the small documents of every token
 * (headers, claims). It replaces a general streaming parser on the hot path: no parser object, no buffers, no
 * symbol tables, and ASCII strings copied once. The rules are those of the package; the differential tests hold it
 * to jackson-core's reading of the same bytes. Not thread-safe; one instance parses one document.
 */
final class JsonObjectParser {

    /** Longest number text accepted, as jackson's stream constraints would say. */
    static final int MAX_NUMBER_LENGTH = 1000;

    /**
     * Nesting ceiling whatever {@link Limits} says: the parser recurses per level, and a caller who lifts the depth
     * bound must still get a refusal rather than a {@link StackOverflowError}.
     */
    static final int MAX_DEPTH_CEILING = 1000;

    private final byte[] b;
    private final int start;
    private final int end;
    private final int maxDepth;
    private final int maxValues;
    private final String what;
    /** Whether plain strings are left in {@link #b} for the objects to make on first read. */
    private final boolean retain;
    private int i;
    private int values;

    private JsonObjectParser(byte[] b, int off, int len, Limits limits, String what, boolean retain) {
        this.b = b;
        this.start = off;
        this.end = off + len;
        this.i = off;
        this.maxDepth = Math.min(limits.maxJsonDepth(), MAX_DEPTH_CEILING);
        this.maxValues = limits.maxJsonValues();
        this.what = what;
        this.retain = retain;
    }

    static Map<String, Object> parse(byte[] b, int off, int len, Limits limits, String what) {
        return parse(b, off, len, limits, what, false);
    }

    /**
     * {@code retain}: the caller never changes {@code b} afterwards, so objects may keep their plain strings in it
     * (see {@link JsonObject}).
     */
    static Map<String, Object> parse(byte[] b, int off, int len, Limits limits, String what, boolean retain) {
        JsonObjectParser p = new JsonObjectParser(b, off, len, limits, what, retain);
        p.skipWhitespace();
        if (p.i >= p.end || p.b[p.i] != '{') {
            if (p.i < p.end && p.b[p.i] < 0) {
                throw p.syntax();
            }
            throw p.malformed("must be a JSON object");
        }
        p.i++;
        Map<String, Object> result = p.readObject(1);
        p.skipWhitespace();
        if (p.i != p.end) {
            throw p.b[p.i] == '{' || p.b[p.i] == '[' ? p.malformed("has content after the JSON object") : p.syntax();
        }
        return result;
    }

    /** After the opening brace. */
    private Map<String, Object> readObject(int depth) {
        if (depth > maxDepth) {
            throw malformed("nests deeper than " + maxDepth + " levels");
        }
        JsonObject.Builder map = new JsonObject.Builder(retain ? b : null);
        skipWhitespace();
        if (peek() == '}') {
            i++;
            return map.build();
        }
        while (true) {
            if (peek() != '"') {
                throw syntax();
            }
            i++;
            String name = readName();
            if (!map.addName(name)) {
                throw malformed("has the member \"" + Printable.of(name)
                        + "\" more than once (RFC 7515 §5.2, RFC 7519 §4)");
            }
            skipWhitespace();
            if (peek() != ':') {
                throw syntax();
            }
            i++;
            skipWhitespace();
            if (map.defers() && peek() == '"') {
                readStringMember(map);
            } else {
                map.setLastValue(readValue(depth));
            }
            skipWhitespace();
            int c = peek();
            i++;
            if (c == '}') {
                return map.build();
            }
            if (c != ',') {
                throw syntaxAt(i - 1);
            }
            skipWhitespace();
        }
    }

    /** After the opening bracket. */
    private List<Object> readArray(int depth) {
        if (depth > maxDepth) {
            throw malformed("nests deeper than " + maxDepth + " levels");
        }
        List<Object> list = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            i++;
            return Collections.unmodifiableList(list);
        }
        while (true) {
            list.add(readValue(depth));
            skipWhitespace();
            int c = peek();
            i++;
            if (c == ']') {
                return Collections.unmodifiableList(list);
            }
            if (c != ',') {
                throw syntaxAt(i - 1);
            }
            skipWhitespace();
        }
    }

    /** A member's string value, at its opening quote: a plain ASCII one is only validated and its place kept. */
    private void readStringMember(JsonObject.Builder map) {
        countValue();
        i++;
        int from = i;
        int to = plainAsciiEnd(from);
        if (to >= 0) {
            map.setLastValueDeferred(from, to);
            i = to + 1;
        } else {
            map.setLastValue(readStringRest(from));
        }
    }

    private void countValue() {
        if (++values > maxValues) {
            throw malformed("has more than " + maxValues + " values");
        }
    }

    private Object readValue(int depth) {
        countValue();
        int c = peek();
        switch (c) {
            case '"':
                i++;
                return readString();
            case '{':
                i++;
                return readObject(depth + 1);
            case '[':
                i++;
                return readArray(depth + 1);
            case 't':
                return literal("true", Boolean.TRUE);
            case 'f':
                return literal("false", Boolean.FALSE);
            case 'n':
                return literal("null", null);
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return readNumber();
                }
                throw syntax();
        }
    }

    private Object literal(String word, Object value) {
        int n = word.length();
        if (end - i < n) {
            throw syntax();
        }
        for (int k = 0; k < n; k++) {
            if (b[i + k] != word.charAt(k)) {
                throw syntaxAt(i + k);
            }
        }
        i += n;
        return value;
    }

    /** A member name, after its opening quote: a well-known one is shared, not copied. */
    private String readName() {
        int from = i;
        int to = from;
        while (to < end && b[to] > '"' && b[to] != '\\') {
            to++;
        }
        if (to < end && b[to] == '"') {
            String known = JsonNames.lookup(b, from, to - from);
            if (known != null) {
                i = to + 1;
                return known;
            }
        }
        return readString();
    }

    /** After the opening quote; leaves {@code i} after the closing one. */
    private String readString() {
        int from = i;
        int to = plainAsciiEnd(from);
        if (to >= 0) {
            i = to + 1;
            return ascii(from, to);
        }
        return readStringRest(from);
    }

    /**
     * The index of the closing quote when the string from {@code from} (after its opening quote) is printable ASCII
     * without escapes, the common case; otherwise -1, with {@code i} at the first byte that is not.
     */
    private int plainAsciiEnd(int from) {
        // locals, not fields, in the per-byte loop: the JIT keeps them in registers
        final byte[] bytes = b;
        final int stop = end;
        int k = from;
        // the common case: printable ASCII without escapes, one comparison chain per byte (eight bytes per step with
        // SWAR tests was measured slower on the short strings of tokens: docs/decisions.md)
        while (k < stop) {
            int c = bytes[k];
            if (c > '"' && c != '\\') {
                k++;
            } else if (c == ' ' || c == '!') {
                k++;
            } else {
                break;
            }
        }
        if (k < stop && bytes[k] == '"') {
            return k;
        }
        i = k;
        return -1;
    }

    /** From the first byte that is not plain printable ASCII: UTF-8, escapes, controls or the end. */
    private String readStringRest(int from) {
        boolean high = false;
        while (true) {
            if (i >= end) {
                throw malformed("ends unexpectedly");
            }
            int c = b[i];
            if (c == '"') {
                String s = high ? utf8(from, i) : ascii(from, i);
                i++;
                return s;
            }
            if (c == '\\') {
                return readEscapedString(from, high);
            }
            if (c < 0) {
                high = true;
            } else if (c < 0x20) {
                throw syntax();
            }
            i++;
        }
    }

    /** The slow path, from the first backslash: builds the string in a {@link StringBuilder}. */
    private String readEscapedString(int from, boolean highSoFar) {
        StringBuilder sb = new StringBuilder(i - from + 16);
        int run = from;
        boolean high = highSoFar;
        while (true) {
            if (i >= end) {
                throw malformed("ends unexpectedly");
            }
            int c = b[i];
            if (c == '"' || c == '\\') {
                if (i > run) {
                    sb.append(high ? utf8(run, i) : new String(b, run, i - run, StandardCharsets.ISO_8859_1));
                }
                high = false;
                if (c == '"') {
                    i++;
                    return wellFormed(sb);
                }
                i++;
                if (i >= end) {
                    throw malformed("ends unexpectedly");
                }
                int e = b[i++];
                switch (e) {
                    case '"' -> sb.append('"');
                    case '\\' -> sb.append('\\');
                    case '/' -> sb.append('/');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case 'u' -> sb.append(hex4());
                    default -> throw syntaxAt(i - 1);
                }
                run = i;
                continue;
            }
            if (c < 0) {
                high = true;
            } else if (c < 0x20) {
                throw syntax();
            }
            i++;
        }
    }

    private char hex4() {
        if (end - i < 4) {
            throw malformed("ends unexpectedly");
        }
        int v = 0;
        for (int k = 0; k < 4; k++) {
            int c = b[i];
            int d;
            if (c >= '0' && c <= '9') {
                d = c - '0';
            } else if (c >= 'a' && c <= 'f') {
                d = c - 'a' + 10;
            } else if (c >= 'A' && c <= 'F') {
                d = c - 'A' + 10;
            } else {
                throw syntax();
            }
            v = (v << 4) | d;
            i++;
        }
        return (char) v;
    }

    /**
     * A string whose {@code \\u} escapes pair up: a lone surrogate names no character (RFC 8259 §8.2, RFC 7493
     * §2.1) and would be read differently by different parsers. Raw UTF-8 cannot carry one (it was validated).
     */
    private String wellFormed(StringBuilder sb) {
        for (int k = 0; k < sb.length(); k++) {
            char c = sb.charAt(k);
            if (Character.isHighSurrogate(c) && k + 1 < sb.length() && Character.isLowSurrogate(sb.charAt(k + 1))) {
                k++;
            } else if (Character.isSurrogate(c)) {
                throw malformed("has a string with an unpaired surrogate escape (RFC 7493 §2.1)");
            }
        }
        return sb.toString();
    }

    private String ascii(int from, int to) {
        return JsonObject.ascii(b, from, to);
    }

    private String utf8(int from, int to) {
        if (!Utf8.isValid(b, from, to - from)) {
            throw notUtf8();
        }
        return new String(b, from, to - from, StandardCharsets.UTF_8);
    }

    /**
     * {@code -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?}: an integer becomes a {@code Long} when it fits
     * and a {@code BigInteger} otherwise; a fraction or exponent makes a {@code BigDecimal}, exactly as written.
     */
    private Object readNumber() {
        // the common case, every NumericDate: a positive integer of at most 18 digits, read in one small loop
        int k = i;
        long v = 0;
        int limit = Math.min(end, i + 18);
        while (k < limit) {
            int d = b[k] - '0';
            if (d < 0 || d > 9) {
                break;
            }
            v = v * 10 + d;
            k++;
        }
        if (k > i && b[i] != '0' && (k == end || !continuesNumber(b[k]))) {
            i = k;
            return v;
        }
        return readAnyNumber();
    }

    private static boolean continuesNumber(byte c) {
        return (c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E';
    }

    private Object readAnyNumber() {
        int from = i;
        boolean negative = b[i] == '-';
        if (negative) {
            i++;
        }
        int intStart = i;
        if (i >= end) {
            throw malformed("ends unexpectedly");
        }
        if (b[i] == '0') {
            i++;
            if (i < end && b[i] >= '0' && b[i] <= '9') {
                throw syntax(); // leading zero
            }
        } else if (b[i] >= '1' && b[i] <= '9') {
            while (i < end && b[i] >= '0' && b[i] <= '9') {
                i++;
            }
        } else {
            throw syntax();
        }
        int intDigits = i - intStart;
        boolean decimal = false;
        if (i < end && b[i] == '.') {
            decimal = true;
            i++;
            digits();
        }
        if (i < end && (b[i] == 'e' || b[i] == 'E')) {
            decimal = true;
            i++;
            if (i < end && (b[i] == '+' || b[i] == '-')) {
                i++;
            }
            digits();
        }
        if (i - from > MAX_NUMBER_LENGTH) {
            throw malformed("exceeds JSON limits: a number is longer than " + MAX_NUMBER_LENGTH + " characters");
        }
        if (decimal) {
            try {
                return new BigDecimal(new String(b, from, i - from, StandardCharsets.ISO_8859_1));
            } catch (NumberFormatException e) {
                // an exponent beyond what BigDecimal's int scale can hold
                throw malformed("has a number out of range");
            }
        }
        if (intDigits <= 18) {
            long v = 0;
            for (int k = intStart; k < i; k++) {
                v = v * 10 + (b[k] - '0');
            }
            return negative ? -v : v;
        }
        BigInteger big = new BigInteger(new String(b, from, i - from, StandardCharsets.ISO_8859_1));
        return big.bitLength() < 64 ? (Object) big.longValue() : big;
    }

    /** One or more decimal digits. */
    private void digits() {
        int from = i;
        while (i < end && b[i] >= '0' && b[i] <= '9') {
            i++;
        }
        if (i == from) {
            throw i >= end ? malformed("ends unexpectedly") : syntax();
        }
    }

    private void skipWhitespace() {
        // token JSON is usually compact: one test, small enough to inline everywhere
        if (i < end && b[i] > ' ') {
            return;
        }
        skipWhitespaceRun();
    }

    private void skipWhitespaceRun() {
        while (i < end) {
            byte c = b[i];
            if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
                i++;
            } else {
                return;
            }
        }
    }

    /** The byte at the cursor, or -1 at the end (which every caller treats as an error). */
    private int peek() {
        if (i >= end) {
            throw malformed("ends unexpectedly");
        }
        return b[i];
    }

    private JoseException syntax() {
        return syntaxAt(i);
    }

    /**
     * Where the JSON broke, never what it says there: the bytes may be a secret (an unquoted key member, a claim
     * value). A non-ASCII byte outside a string is reported as the encoding problem it usually is.
     */
    private JoseException syntaxAt(int at) {
        if (!Utf8.isValid(b, start, end - start)) {
            return notUtf8();
        }
        int line = 1;
        int column = 1;
        for (int k = start; k < at && k < end; k++) {
            if (b[k] == '\n') {
                line++;
                column = 1;
            } else if ((b[k] & 0xc0) != 0x80) {
                column++;
            }
        }
        return new JoseException(Reason.MALFORMED, what + " is not valid JSON (line " + line + ", column " + column
                + ")");
    }

    private JoseException notUtf8() {
        return new JoseException(Reason.MALFORMED, what + " is not valid UTF-8 (RFC 8725 §3.7)");
    }

    private JoseException malformed(String why) {
        return new JoseException(Reason.MALFORMED, what + " " + why);
    }
}
