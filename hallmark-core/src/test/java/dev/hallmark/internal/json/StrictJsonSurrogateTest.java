package dev.hallmark.internal.json;

import dev.hallmark.JoseException;
import dev.hallmark.Limits;
import dev.hallmark.Reason;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Escapes must name characters: a lone surrogate is refused in values and member names (RFC 7493 §2.1). */
class StrictJsonSurrogateTest {

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":\"\\ud800\"}", "{\"a\":\"\\udc00\"}", "{\"a\":\"x\\ud800y\"}",
        "{\"a\":\"\\udc00\\ud800\"}", "{\"\\ud800\":1}", "{\"a\":[\"\\ud83d\"]}"})
    void loneSurrogatesAreMalformed(String json) {
        assertThatThrownBy(() -> StrictJson.parseObject(json, Limits.DEFAULT, "test"))
                .isInstanceOfSatisfying(JoseException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":\"\\ud83d\\ude00\"}", "{\"\\ud83d\\ude00\":1}", "{\"a\":\"\u00e9\u4e2d\"}"})
    void pairedSurrogatesAndOtherCharactersAreFine(String json) {
        assertThat(StrictJson.parseObject(json, Limits.DEFAULT, "test")).hasSize(1);
    }
}
