package dev.hallmark.servlet;

/**
 * Makes request-controlled text (a header {@code kid}, a path) safe for one log line: printable ASCII only, bounded
 * length, so a client can neither forge log lines nor flood them.
 */
final class LogText {

    private static final int MAX = 80;

    private LogText() {
    }

    static String of(String value) {
        if (value == null) {
            return "-";
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), MAX) + 3);
        for (int i = 0; i < value.length() && out.length() < MAX; i++) {
            char c = value.charAt(i);
            out.append(c >= 0x21 && c <= 0x7e ? c : '?');
        }
        if (value.length() > MAX) {
            out.append("...");
        }
        return out.toString();
    }
}
