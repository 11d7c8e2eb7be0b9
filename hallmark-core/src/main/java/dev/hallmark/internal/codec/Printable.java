package dev.hallmark.internal.codec;

/**
 * Makes attacker-supplied text safe to put in an error message or a log line: control characters, quotes and
 * backslashes become {@code ?}, and long values are cut, so a header value cannot forge log lines or flood them.
 */
public final class Printable {

    private static final int MAX = 64;

    private Printable() {
    }

    public static String of(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder(Math.min(s.length(), MAX) + 3);
        for (int i = 0; i < s.length() && b.length() < MAX; i++) {
            char c = s.charAt(i);
            boolean unsafe = c < 0x20 || (c >= 0x7f && c < 0xa0) || c == '"' || c == '\\'
                    || c == '\u2028' || c == '\u2029' || Character.isSurrogate(c);
            b.append(unsafe ? '?' : c);
        }
        return s.length() > MAX ? b + "..." : b.toString();
    }
}
