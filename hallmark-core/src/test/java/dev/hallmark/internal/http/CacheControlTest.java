package dev.hallmark.internal.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** RFC 9111 §5.2.2 directives as far as a key cache reads them. */
class CacheControlTest {

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', value = {
            "max-age=600 | 600",
            "public, max-age=3600 | 3600",
            "MAX-AGE=60 | 60",
            "max-age=\"120\" | 120",
            "must-revalidate , max-age=0 | 0",
            "no-store | 0",
            "max-age=600, no-cache | 0",
            "private, no-store, max-age=600 | 0"})
    void readsMaxAge(String header, long seconds) {
        assertThat(CacheControl.maxAge(List.of(header))).contains(Duration.ofSeconds(seconds));
    }

    @ParameterizedTest(name = "[{0}] -> none")
    @CsvSource(delimiter = '|', value = {"public", "max-age=", "max-age=-5", "max-age=1e3", "max-age=99999999999999",
            "s-maxage=60", "max-age = x"})
    void ignoresWhatItCannotRead(String header) {
        assertThat(CacheControl.maxAge(List.of(header))).isEmpty();
    }

    @Test
    void noHeaderMeansNoMaxAge() {
        assertThat(CacheControl.maxAge(List.of())).isEmpty();
    }

    @Test
    void severalHeaderLinesCount() {
        assertThat(CacheControl.maxAge(List.of("public", "max-age=30"))).contains(Duration.ofSeconds(30));
    }
}
