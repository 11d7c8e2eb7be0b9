package dev.hallmark.bench;

import dev.hallmark.jwt.JwtVerifier;
import dev.hallmark.spi.SignatureCurve;
import dev.hallmark.spi.VerificationEngines;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.Map;

/**
 * Hallmark with hallmark-bc on the class path, as the CLI and the server run it: the same verifiers and tokens as
 * {@link HallmarkBench}, with ES256 and EdDSA verified by the Bouncy Castle engine. Signing is on the JDK either way,
 * so it is measured only there.
 */
@State(Scope.Benchmark)
public class HallmarkBcBench extends BenchDefaults {

    Fixtures f;
    JwtVerifier es256;
    JwtVerifier eddsa;

    @Setup
    public void setup() {
        f = Fixtures.shared();
        requireEngine("bc");
        es256 = HallmarkBench.verifier(f.es256.toPublicJwk());
        eddsa = HallmarkBench.verifier(f.eddsa.toPublicJwk());
    }

    /** Refuses to measure with another engine than the one the benchmark is named for. */
    static void requireEngine(String name) {
        for (SignatureCurve curve : new SignatureCurve[] {SignatureCurve.P_256, SignatureCurve.ED25519}) {
            String selected = VerificationEngines.selected(curve).name();
            if (!selected.equals(name)) {
                throw new IllegalStateException("expected the " + name + " engine for " + curve + ", found " + selected);
            }
        }
    }

    @Benchmark
    public Map<String, Object> verifyES256() {
        return es256.verify(f.tokenES256).claims().asMap();
    }

    @Benchmark
    public Map<String, Object> verifyEdDSA() {
        return eddsa.verify(f.tokenEdDSA).claims().asMap();
    }
}
