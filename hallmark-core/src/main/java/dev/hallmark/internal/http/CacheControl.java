package dev.hallmark.internal.http;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The freshness a response's {@code Cache-Control} allows (RFC 9111 §5.2.2), reduced to what a key cache needs. */
public final class CacheControl {

    private CacheControl() {
    }

    /**
     * {@code max-age} of the header values; {@link Duration#ZERO} for {@code no-store} or {@code no-cache} (the cache
     * then keeps the response for its minimum time only); empty when neither is present or the value is unreadable.
     */
    public static Optional<Duration> maxAge(List<String> headerValues) {
        Duration maxAge = null;
        for (String value : headerValues) {
            for (String directive : value.split(",")) {
                String d = directive.trim().toLowerCase(Locale.ROOT);
                if (d.equals("no-store") || d.equals("no-cache")) {
                    return Optional.of(Duration.ZERO);
                }
                if (d.startsWith("max-age=")) {
                    String n = d.substring("max-age=".length()).trim();
                    if (n.length() >= 2 && n.startsWith("\"") && n.endsWith("\"")) {
                        n = n.substring(1, n.length() - 1);
                    }
                    if (n.isEmpty() || n.length() > 12 || !n.chars().allMatch(c -> c >= '0' && c <= '9')) {
                        continue;
                    }
                    maxAge = Duration.ofSeconds(Long.parseLong(n));
                }
            }
        }
        return Optional.ofNullable(maxAge);
    }
}
