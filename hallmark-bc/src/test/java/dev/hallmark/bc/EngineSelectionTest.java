package dev.hallmark.bc;

import dev.hallmark.spi.SignatureCurve;
import dev.hallmark.spi.SignatureVerificationEngine;
import dev.hallmark.spi.VerificationEngines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With hallmark-bc on the class path, its engine is the one Hallmark selects for every curve, found through
 * {@code META-INF/services} alone (or the module's {@code provides} on the module path). Forcing the JDK's with
 * {@code -Dhallmark.ec.engine=jca} needs a JVM of its own: {@link ForcedJdkEngineTest}.
 */
class EngineSelectionTest {

    @ParameterizedTest
    @EnumSource(SignatureCurve.class)
    void bouncyCastleIsSelectedForEveryCurve(SignatureCurve curve) {
        assertThat(System.getProperty(VerificationEngines.ENGINE_PROPERTY)).isNull();
        SignatureVerificationEngine engine = VerificationEngines.selected(curve);
        assertThat(engine).isInstanceOf(BcVerificationEngine.class);
        assertThat(engine.name()).isEqualTo("bc");
        assertThat(engine.priority()).isGreaterThan(VerificationEngines.jdk().priority());
    }

    @Test
    void theJdkEngineIsStillAvailableByItself() {
        assertThat(VerificationEngines.jdk().name()).isEqualTo("jca");
        assertThat(VerificationEngines.jdk()).isNotInstanceOf(BcVerificationEngine.class);
    }
}
