package dev.hallmark.bench;

import dev.hallmark.jwk.JwkSet;
import dev.hallmark.jwk.KeySource;
import dev.hallmark.jwt.JwtVerifier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.Map;

/**
 * The same ES256 token verified again and again with {@code verifiedTokenCache(..)}: issue 7 asks this path to be at
 * least 20 times faster than uncached verification. The verifier is {@link HallmarkBcBench}'s (issuer, audience and
 * expiry checked, hallmark-bc engine) plus the cache, so its uncached counterpart is {@code HallmarkBcBench.verifyES256};
 * {@code ResultsTable} shows this benchmark in the {@code verifyES256} table, as "Hallmark+bc (cached)". The cached
 * path still re-runs the time checks and key re-selection on every call.
 */
@State(Scope.Benchmark)
public class VerifiedTokenCacheBench extends BenchDefaults {

    Fixtures f;
    JwtVerifier cached;

    @Setup
    public void setup() {
        f = Fixtures.shared();
        cached = JwtVerifier.builder().keys(KeySource.of(JwkSet.of(f.es256.toPublicJwk())))
                .expectIssuer(Fixtures.ISSUER).expectAudience(Fixtures.AUDIENCE).verifiedTokenCache(10_000).build();
    }

    /** Separate from {@link #setup()} for the reason given in {@link HallmarkBench#checkEngine()}. */
    @Setup
    public void checkEngine() {
        HallmarkBcBench.requireEngine("bc");
    }

    @Benchmark
    public Map<String, Object> verifyCachedES256() {
        return cached.verify(f.tokenES256).claims().asMap();
    }
}
