package dev.hallmark.bench;

import dev.hallmark.jwk.JwkSet;
import dev.hallmark.jwk.KeySource;
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
    JwksFixtures jwks;
    JwtVerifier jwks20;
    JwtVerifier jwks1;

    @Setup
    public void setup() {
        f = Fixtures.shared();
        es256 = HallmarkBench.verifier(f.es256.toPublicJwk());
        eddsa = HallmarkBench.verifier(f.eddsa.toPublicJwk());
        jwks = JwksFixtures.shared();
        jwks20 = HallmarkBench.verifier(KeySource.of(JwkSet.parse(jwks.jwks20Json)));
        jwks1 = HallmarkBench.verifier(KeySource.of(JwkSet.parse(jwks.jwks1Json)));
    }

    @Setup
    public void checkEngine() {
        requireEngine("bc");
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

    /**
     * With the signature at about a tenth of the JDK's cost, the difference between these two shows the selection
     * cost far more clearly than on the JDK engine.
     */
    @Benchmark
    public Map<String, Object> verifyES256Jwks1() {
        return jwks1.verify(jwks.token).claims().asMap();
    }

    @Benchmark
    public Map<String, Object> verifyES256Jwks20() {
        return jwks20.verify(jwks.token).claims().asMap();
    }
}
