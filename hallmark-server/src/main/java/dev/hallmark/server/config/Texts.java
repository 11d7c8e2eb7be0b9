package dev.hallmark.server.config;

import java.util.List;
import java.util.Map;

/** How values appear in problem messages: quoted, control characters escaped, long ones cut. */
final class Texts {

    private static final int MAX_SHOWN = 80;

    private Texts() {
    }

    /** {@code 'value'} with control and non-ASCII-printable characters escaped, cut after 80 characters. */
    static String show(String value) {
        StringBuilder sb = new StringBuilder("'");
        int limit = Math.min(value.length(), MAX_SHOWN);
        for (int i = 0; i < limit; i++) {
            char c = value.charAt(i);
            if (c == '\'' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c >= 0x20 && c < 0x7f) {
                sb.append(c);
            } else {
                sb.append(String.format("\\u%04x", (int) c));
            }
        }
        if (value.length() > MAX_SHOWN) {
            sb.append("...");
        }
        return sb.append('\'').toString();
    }

    /** What kind of YAML value {@code value} is, for "expected X, got Y". */
    static String typeOf(Object value) {
        if (value == null) {
            return "no value";
        }
        if (value instanceof Map<?, ?>) {
            return "a mapping";
        }
        if (value instanceof List<?>) {
            return "a list";
        }
        if (value instanceof Boolean b) {
            return "the boolean " + b;
        }
        if (value instanceof Number n) {
            return "the number " + show(n.toString());
        }
        if (value instanceof String s) {
            return "the string " + show(s);
        }
        return "a value of type " + value.getClass().getSimpleName();
    }
}
