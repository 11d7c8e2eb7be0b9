package dev.hallmark.server.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations in configuration: {@code 30s}, {@code 15m}, {@code 2h}, {@code 30d}, or ISO-8601 such as {@code PT15M}. */
final class Durations {

    static final String EXPECTED = "a duration such as 30s, 15m, 2h or 30d (or ISO-8601 like PT15M)";

    private static final Pattern SHORT = Pattern.compile("([0-9]{1,9})([smhd])");

    private Durations() {
    }

    /** The duration {@code text} names, or empty when it is not one of the accepted forms. */
    static Optional<Duration> parse(String text) {
        if (text.equals("0")) {
            return Optional.of(Duration.ZERO);
        }
        Matcher m = SHORT.matcher(text);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return Optional.of(switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            });
        }
        if (text.length() <= 64 && (text.startsWith("P") || text.startsWith("-P"))) {
            try {
                return Optional.of(Duration.parse(text));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The shortest form {@link #parse(String)} reads back to the same duration: {@code 15m}, {@code 30d}, ... */
    static String format(Duration d) {
        if (d.isZero()) {
            return "0s";
        }
        if (d.isNegative() || d.getNano() != 0) {
            return d.toString();
        }
        long s = d.getSeconds();
        if (s % 86_400 == 0 && s / 86_400 <= 999_999_999L) {
            return s / 86_400 + "d";
        }
        if (s % 3_600 == 0 && s / 3_600 <= 999_999_999L) {
            return s / 3_600 + "h";
        }
        if (s % 60 == 0 && s / 60 <= 999_999_999L) {
            return s / 60 + "m";
        }
        if (s <= 999_999_999L) {
            return s + "s";
        }
        return d.toString();
    }
}
