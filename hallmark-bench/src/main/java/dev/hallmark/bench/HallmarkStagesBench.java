package dev.hallmark.bench;

import dev.hallmark.Limits;
import dev.hallmark.jws.JwsVerifier;
import dev.hallmark.jws.UnverifiedJws;
import dev.hallmark.jwk.KeySource;
import dev.hallmark.jwt.Claims;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.nio.charset.StandardCharsets;

/**
 * Where Hallmark's HS256 verification time goes, stage by stage: decoding without verifying, the JWS layer alone,
 * and parsing the claims. Compare with {@code HallmarkBench.verifyHS256} and {@code FloorBench.verifyHS256}.
 */
@State(Scope.Benchmark)
public class HallmarkStagesBench extends BenchDefaults {

    Fixtures f;
    JwsVerifier jws;
    byte[] claimsJson;

    @Setup
    public void setup() {
        f = Fixtures.shared();
        jws = JwsVerifier.builder().keys(KeySource.of(f.hs256)).build();
        claimsJson = UnverifiedJws.decode(f.tokenHS256, Limits.DEFAULT).payload();
    }

    /** Split, base64url, header JSON and payload decoding, no signature, no claims. */
    @Benchmark
    public Object decodeHS256() {
        return UnverifiedJws.decode(f.tokenHS256, Limits.DEFAULT);
    }

    /** The whole JWS pipeline (through the signature), without claims parsing or checks. */
    @Benchmark
    public Object jwsVerifyHS256() {
        return jws.verify(f.tokenHS256);
    }

    /** Parsing and type-checking the claims JSON of the fixture token. */
    @Benchmark
    public Object parseClaims() {
        return Claims.parse(claimsJson, Limits.DEFAULT);
    }

    /** The claims JSON as bytes, to see the cost of one string conversion for scale. */
    @Benchmark
    public Object claimsToString() {
        return new String(claimsJson, StandardCharsets.UTF_8);
    }
}
