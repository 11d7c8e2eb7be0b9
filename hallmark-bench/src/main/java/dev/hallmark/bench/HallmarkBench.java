package dev.hallmark.bench;

import dev.hallmark.jwk.Jwk;
import dev.hallmark.jwk.JwkSet;
import dev.hallmark.jwk.KeySource;
import dev.hallmark.jwt.Claims;
import dev.hallmark.jwt.JwtSigner;
import dev.hallmark.jwt.JwtVerifier;
import dev.hallmark.spi.VerificationEngines;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.Map;

/**
 * Hallmark on its normal path: a verifier built once (issuer, audience, expiry checked), claims returned. Core alone:
 * the forked JVM forces the JDK's verification engine although hallmark-bc is in the benchmark jar;
 * {@link HallmarkBcBench} measures ES256 and EdDSA verification with it.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = "-D" + VerificationEngines.ENGINE_PROPERTY + "=jca")
public class HallmarkBench extends BenchDefaults {

    Fixtures f;
    JwtVerifier hs256;
    JwtVerifier rs256;
    JwtVerifier es256;
    JwtVerifier eddsa;
    JwtSigner signHs256;
    JwtSigner signRs256;
    JwtSigner signEs256;
    JwtSigner signEddsa;
    Claims claims;

    @Setup
    public void setup() {
        f = Fixtures.shared();
        HallmarkBcBench.requireEngine("jca");
        hs256 = verifier(f.hs256);
        rs256 = verifier(f.rs256.toPublicJwk());
        es256 = verifier(f.es256.toPublicJwk());
        eddsa = verifier(f.eddsa.toPublicJwk());
        signHs256 = JwtSigner.builder(f.hs256).build();
        signRs256 = JwtSigner.builder(f.rs256).build();
        signEs256 = JwtSigner.builder(f.es256).build();
        signEddsa = JwtSigner.builder(f.eddsa).build();
        Claims.Builder b = Claims.builder();
        f.claims.forEach(b::claim);
        claims = b.build();
    }

    static JwtVerifier verifier(Jwk key) {
        return JwtVerifier.builder().keys(KeySource.of(JwkSet.of(key)))
                .expectIssuer(Fixtures.ISSUER).expectAudience(Fixtures.AUDIENCE).build();
    }

    @Benchmark
    public Map<String, Object> verifyHS256() {
        return hs256.verify(f.tokenHS256).claims().asMap();
    }

    @Benchmark
    public Map<String, Object> verifyRS256() {
        return rs256.verify(f.tokenRS256).claims().asMap();
    }

    @Benchmark
    public Map<String, Object> verifyES256() {
        return es256.verify(f.tokenES256).claims().asMap();
    }

    @Benchmark
    public Map<String, Object> verifyEdDSA() {
        return eddsa.verify(f.tokenEdDSA).claims().asMap();
    }

    @Benchmark
    public String signHS256() {
        return signHs256.sign(claims);
    }

    @Benchmark
    public String signRS256() {
        return signRs256.sign(claims);
    }

    @Benchmark
    public String signES256() {
        return signEs256.sign(claims);
    }

    @Benchmark
    public String signEdDSA() {
        return signEddsa.sign(claims);
    }
}
