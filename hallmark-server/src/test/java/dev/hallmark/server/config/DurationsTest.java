package dev.hallmark.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Durations as written in configuration, and the short form {@code --print-config} writes back. */
class DurationsTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
        "30s, PT30S", "15m, PT15M", "2h, PT2H", "30d, PT720H", "0, PT0S", "0s, PT0S", "0d, PT0S",
        "999999999s, PT277777H46M39S", "PT15M, PT15M", "P30D, PT720H", "PT0.5S, PT0.5S", "-PT1M, PT-1M",
        "P1DT2H, PT26H"
    })
    void accepted(String text, String iso) {
        assertThat(Durations.parse(text)).contains(Duration.parse(iso));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "15", "1", "m", "15 m", " 15m", "15m ", "15M", "15min", "1h30m", "1.5h", "-15m",
        "+15m", "1000000000s", "PT", "P", "P1W", "P1Y", "pt15m", "fifteen minutes", "15m\n"})
    void refused(String text) {
        assertThat(Durations.parse(text)).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "PT0S, 0s", "PT30S, 30s", "PT60S, 1m", "PT90S, 90s", "PT15M, 15m", "PT90M, 90m", "PT1H, 1h", "PT24H, 1d",
        "PT720H, 30d", "PT25H, 25h", "PT0.5S, PT0.5S", "PT-1M, PT-1M"
    })
    void formattedInTheShortestExactForm(String iso, String text) {
        Duration d = Duration.parse(iso);
        assertThat(Durations.format(d)).isEqualTo(text);
        assertThat(Durations.parse(text)).contains(d);
    }
}
