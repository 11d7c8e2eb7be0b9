package dev.hallmark.internal.crypto;

import dev.hallmark.spi.SignatureCurve;
import dev.hallmark.spi.SignatureVerificationEngine;
import dev.hallmark.spi.TestEngines;
import dev.hallmark.spi.VerificationEngines;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The selection rule, applied to given engines: priority, ties, partial support, forcing by name, broken engines. */
class EngineRegistryTest {

    private static final SignatureVerificationEngine JDK = VerificationEngines.jdk();

    /** Supports only the Edwards curves. */
    static final class EdwardsOnly extends TestEngines.Delegating {
        EdwardsOnly() {
            super("edwards", 50);
        }

        @Override
        public boolean supports(SignatureCurve curve) {
            return curve.isEdwards();
        }
    }

    @Test
    void nothingFoundMeansTheJdkEverywhere() {
        assertThat(EngineRegistry.select(List.of(), null)).hasSize(5).allSatisfy((c, e) -> assertThat(e).isSameAs(JDK));
    }

    @Test
    void highestPriorityWinsPerCurve() {
        SignatureVerificationEngine fast = new TestEngines.Delegating("fast", 100);
        SignatureVerificationEngine faster = new TestEngines.Delegating("faster", 200);
        SignatureVerificationEngine edwards = new EdwardsOnly();
        Map<SignatureCurve, SignatureVerificationEngine> chosen =
                EngineRegistry.select(List.of(edwards, fast, faster, new TestEngines.LowPriority()), null);
        assertThat(chosen).allSatisfy((c, e) -> assertThat(e).isSameAs(faster));

        Map<SignatureCurve, SignatureVerificationEngine> partial = EngineRegistry.select(List.of(edwards), null);
        assertThat(partial.get(SignatureCurve.ED25519)).isSameAs(edwards);
        assertThat(partial.get(SignatureCurve.ED448)).isSameAs(edwards);
        assertThat(partial.get(SignatureCurve.P_256)).isSameAs(JDK);
    }

    @Test
    void equalPrioritiesAreBrokenByNameWhateverTheDiscoveryOrder() {
        SignatureVerificationEngine a = new TestEngines.Delegating("alpha", 10);
        SignatureVerificationEngine b = new TestEngines.Delegating("beta", 10);
        assertThat(EngineRegistry.select(List.of(a, b), null).get(SignatureCurve.P_384)).isSameAs(a);
        assertThat(EngineRegistry.select(List.of(b, a), null).get(SignatureCurve.P_384)).isSameAs(a);
    }

    @Test
    void lowerPriorityThanTheJdkIsNeverChosen() {
        assertThat(EngineRegistry.select(List.of(new TestEngines.LowPriority()), null))
                .allSatisfy((c, e) -> assertThat(e).isSameAs(JDK));
    }

    @Test
    void theNamedEngineIsUsedWhereItSupportsTheCurve() {
        SignatureVerificationEngine fast = new TestEngines.Delegating("fast", 100);
        SignatureVerificationEngine low = new TestEngines.LowPriority();
        assertThat(EngineRegistry.select(List.of(fast, low), "low-priority"))
                .allSatisfy((c, e) -> assertThat(e).isSameAs(low));
        assertThat(EngineRegistry.select(List.of(fast, low), "jca")).allSatisfy((c, e) -> assertThat(e).isSameAs(JDK));
        assertThat(EngineRegistry.select(List.of(fast, low), " jca ")).allSatisfy((c, e) -> assertThat(e).isSameAs(JDK));
        Map<SignatureCurve, SignatureVerificationEngine> edwards = EngineRegistry.select(List.of(fast, new EdwardsOnly()),
                "edwards");
        assertThat(edwards.get(SignatureCurve.ED448).name()).isEqualTo("edwards");
        assertThat(edwards.get(SignatureCurve.P_521)).isSameAs(JDK);
    }

    @Test
    void anUnknownNameMeansTheJdkNotAGuess() {
        SignatureVerificationEngine fast = new TestEngines.Delegating("fast", 100);
        assertThat(EngineRegistry.select(List.of(fast), "openssl")).allSatisfy((c, e) -> assertThat(e).isSameAs(JDK));
        // blank is the same as unset
        assertThat(EngineRegistry.select(List.of(fast), " ")).allSatisfy((c, e) -> assertThat(e).isSameAs(fast));
    }

    @Test
    void anEngineThatCannotDescribeItselfIsDropped() {
        SignatureVerificationEngine fast = new TestEngines.Delegating("fast", 100);
        assertThat(EngineRegistry.select(List.of(new TestEngines.FailsToDescribe(), fast), null))
                .allSatisfy((c, e) -> assertThat(e).isSameAs(fast));
    }
}
