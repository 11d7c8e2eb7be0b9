package dev.hallmark.server.store.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hallmark.server.store.StoreException;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StringSetsTest {

    @Test
    void encodesASortedJsonArray() {
        assertThat(StringSets.encode(Set.of())).isEqualTo("[]");
        assertThat(StringSets.encode(Set.of("write", "read", "a b"))).isEqualTo("[\"a b\",\"read\",\"write\"]");
        assertThat(StringSets.encode(Set.of("q\"b\\n\nt\t\u0001"))).isEqualTo("[\"q\\\"b\\\\n\\nt\\t\\u0001\"]");
    }

    @Test
    void decodesWhatItEncodes() {
        Set<String> tricky = Set.of("", " ", "a,b", "[x]", "\"", "\\", "\u0000\u001f", "ünï ✓ 𝄞", "\\u0041");
        assertThat(StringSets.decode(StringSets.encode(tricky))).isEqualTo(tricky);
        assertThat(StringSets.decode("[\"\\/\\b\\f\\u00e9\"]")).containsExactly("/\b\fé");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[", "]", "x", "[x]", "[\"a\"", "[\"a\",]", "[,\"a\"]", "[\"a\" ,\"b\"]",
        "[\"a\"\"b\"]", "[\"\\x\"]", "[\"\\u12\"]", "[\"\\u12zz\"]", "[\"a\",\"a\"]", "[\"a\\\"]"})
    void refusesAnythingElse(String text) {
        assertThatThrownBy(() -> StringSets.decode(text)).isInstanceOf(StoreException.class)
                .hasMessageContaining("JSON array");
    }
}
