package dev.hallmark.server;

import dev.hallmark.spi.SignatureCurve;
import dev.hallmark.spi.VerificationEngines;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The server ships hallmark-bc: access tokens and client assertions are verified on the Bouncy Castle engine. */
class VerificationEngineTest {

    @ParameterizedTest
    @EnumSource(SignatureCurve.class)
    void theBouncyCastleEngineIsOnTheRuntimeClassPath(SignatureCurve curve) {
        assertThat(VerificationEngines.selected(curve).name()).isEqualTo("bc");
    }
}
