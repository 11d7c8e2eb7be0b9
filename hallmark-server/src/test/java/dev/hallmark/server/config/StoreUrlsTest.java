package dev.hallmark.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Passwords in store URLs are redacted for output; when the URL is ambiguous, more is redacted, never less. */
class StoreUrlsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "sqlite:./hallmark-data/hallmark.db                 | sqlite:./hallmark-data/hallmark.db",
        "postgres://db/hallmark                             | postgres://db/hallmark",
        "postgres://user@db/hallmark                        | postgres://user@db/hallmark",
        "postgres://user:secret@db:5432/hallmark            | postgres://user:<redacted>@db:5432/hallmark",
        "postgresql://user:s3cr@t@db/hallmark               | postgresql://user:<redacted>@db/hallmark",
        "postgres://user:pa/ss@db/hallmark                  | postgres://user:<redacted>@db/hallmark",
        "postgres://user:@db/hallmark                       | postgres://user:<redacted>@db/hallmark",
        "postgres://db/h?password=secret                    | postgres://db/h?password=<redacted>",
        "postgres://db/h?user=u&PASSWORD=secret&ssl=1       | postgres://db/h?user=u&PASSWORD=<redacted>&ssl=1",
        "jdbc:postgresql://db/h?sslpassword=k&password=p    "
                + "| jdbc:postgresql://db/h?sslpassword=<redacted>&password=<redacted>",
        "jdbc:postgresql:h?password=p                       | jdbc:postgresql:h?password=<redacted>",
        "postgres://db:5432/h?user=a@b                      | postgres://db:<redacted>@b"
    })
    void redacted(String url, String expected) {
        assertThat(StoreUrls.redact(url)).isEqualTo(expected);
    }
}
