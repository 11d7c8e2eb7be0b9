package dev.hallmark.internal.crypto;

import dev.hallmark.vectors.Wycheproof;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PBKDF2 step of PBES2 (RFC 7518 §4.8) against Wycheproof's {@code pbkdf2_hmacsha256/384/512}; passwords
 * include non-UTF-8 bytes, which is why Hallmark does not use the JDK's char-based PBKDF2. All cases are valid.
 */
class WycheproofPbkdf2Test {

    static Stream<Wycheproof.Case> cases() {
        return Stream.of("pbkdf2_hmacsha256", "pbkdf2_hmacsha384", "pbkdf2_hmacsha512").flatMap(Wycheproof::stream);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void derives(Wycheproof.Case c) {
        assertThat(c.isValid()).isTrue();
        String file = c.group().file();
        String mac = "HmacSHA" + file.substring("pbkdf2_hmacsha".length(), "pbkdf2_hmacsha".length() + 3);
        int iterations = ((Number) c.value("iterationCount")).intValue();
        int dkLen = ((Number) c.value("dkLen")).intValue();
        assertThat(Pbkdf2.with(mac).derive(c.hex("password"), c.hex("salt"), iterations, dkLen))
                .isEqualTo(c.hex("dk"));
    }
}
