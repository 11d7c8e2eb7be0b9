package dev.hallmark.cli.support;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people type them: {@code 30s}, {@code 15m}, {@code 2h}, {@code 7d}, optionally negative. */
public final class Durations {

    private static final Pattern FORM = Pattern.compile("(-?)(\\d{1,9})([smhd])");

    private Durations() {
    }

    public static Duration parse(String text, String option) {
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) {
            throw new UsageException(option + " " + text + ": expected a number and a unit s, m, h or d (e.g. 15m)");
        }
        long n = Long.parseLong(m.group(2));
        Duration d = switch (m.group(3)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
        return m.group(1).isEmpty() ? d : d.negated();
    }

    /** A short human form: {@code 14m 32s}, {@code 3h 2m}, {@code 2d 4h}. */
    public static String human(Duration d) {
        long s = Math.abs(d.getSeconds());
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return (s / 60) + "m " + (s % 60) + "s";
        }
        if (s < 86400) {
            return (s / 3600) + "h " + (s % 3600 / 60) + "m";
        }
        return (s / 86400) + "d " + (s % 86400 / 3600) + "h";
    }
}
