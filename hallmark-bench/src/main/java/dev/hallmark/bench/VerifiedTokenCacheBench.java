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
 * The same ES256 token verified again and again, without and with {@code verifiedTokenCache(..)}: issue 5 asks the
 * cached path to be at least 20 times faster. Both verifiers check issuer, audience and expiry; the cached one still
 * re-runs the time checks and key re-selection on every call.
 */
@State(Scope.Benchmark)
public class VerifiedTokenCacheBench extends BenchDefaults {

    Fixtures f;
    JwtVerifier uncached;
    JwtVerifier cached;

    @Setup
    public void setup() {
        f = Fixtures.shared();
        KeySource keys = KeySource.of(JwkSet.of(f.es256.toPublicJwk()));
        uncached = JwtVerifier.builder().keys(keys).expectIssuer(Fixtures.ISSUER).expectAudience(Fixtures.AUDIENCE)
                .build();
        cached = JwtVerifier.builder().keys(keys).expectIssuer(Fixtures.ISSUER).expectAudience(Fixtures.AUDIENCE)
                .verifiedTokenCache(10_000).build();
    }

    @Benchmark
    public Map<String, Object> verifyES256Uncached() {
        return uncached.verify(f.tokenES256).claims().asMap();
    }

    @Benchmark
    public Map<String, Object> verifyES256Cached() {
        return cached.verify(f.tokenES256).claims().asMap();
    }
}
