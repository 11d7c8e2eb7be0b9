package dev.hallmark.bench;

import dev.hallmark.Limits;
import dev.hallmark.internal.codec.Base64Url;
import dev.hallmark.internal.crypto.HmacScheme;
import dev.hallmark.internal.crypto.SignatureScheme;
import dev.hallmark.internal.json.StrictJson;
import dev.hallmark.jwk.KeySource;
import dev.hallmark.jwk.OctJwk;
import dev.hallmark.jws.JwsVerifier;
import dev.hallmark.jws.UnverifiedJws;
import dev.hallmark.jwt.Claims;
import dev.hallmark.jwt.JwtVerifier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.util.Base64;

/**
 * Where Hallmark's HS256 verification time goes, stage by stage: decoding without verifying, the JWS layer alone,
 * and parsing the claims. Compare with {@code HallmarkBench.verifyHS256} and {@code FloorBench.verifyHS256}.
 */
@State(Scope.Benchmark)
public class HallmarkStagesBench extends BenchDefaults {

    Fixtures f;
    JwsVerifier jws;
    JwtVerifier jwt;
    byte[] claimsJson;
    byte[] tokenBytes;
    int firstDot;
    int secondDot;
    byte[] signature;
    Key hmacKey;
    SignatureScheme hmac;

    @Setup
    public void setup() {
        f = Fixtures.shared();
        jws = JwsVerifier.builder().keys(KeySource.of(f.hs256)).build();
        jwt = HallmarkBench.verifier(f.hs256);
        claimsJson = UnverifiedJws.decode(f.tokenHS256, Limits.DEFAULT).payload();
        tokenBytes = f.tokenHS256.getBytes(StandardCharsets.US_ASCII);
        firstDot = f.tokenHS256.indexOf('.');
        secondDot = f.tokenHS256.lastIndexOf('.');
        signature = Base64.getUrlDecoder().decode(f.tokenHS256.substring(secondDot + 1));
        hmacKey = ((OctJwk) f.hs256).toSecretKey();
        hmac = new HmacScheme("HmacSHA256");
    }

    /** The HMAC over the signing input and the tag comparison, as the verifier does it. */
    @Benchmark
    public boolean hmacHS256() {
        return hmac.verify(hmacKey, tokenBytes, 0, secondDot, signature);
    }

    /** Base64url decoding of the payload segment alone. */
    @Benchmark
    public Object decodePayload() {
        return Base64Url.decode(tokenBytes, firstDot + 1, secondDot - firstDot - 1, "p");
    }

    /** The JSON parse of the claims alone, without the registered-claim conversions. */
    @Benchmark
    public Object parseClaimsJson() {
        return StrictJson.parseObject(claimsJson, Limits.DEFAULT, "p");
    }

    /** The token's bulk conversion to bytes, as the verifier's split does it. */
    @Benchmark
    public Object tokenToBytes() {
        return f.tokenHS256.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Split, base64url, header JSON and payload decoding, no signature, no claims. */
    @Benchmark
    public Object decodeHS256() {
        return UnverifiedJws.decode(f.tokenHS256, Limits.DEFAULT);
    }

    /**
     * {@code HallmarkBench.verifyHS256} plus reading what a service typically reads after verifying: the subject,
     * scope, roles and token id. The verifier makes the claims' plain strings only when read, so this shows what
     * reading them costs on top.
     */
    @Benchmark
    public void verifyHS256ReadingFourClaims(Blackhole bh) {
        Claims claims = jwt.verify(f.tokenHS256).claims();
        bh.consume(claims.subject());
        bh.consume(claims.getString("scope"));
        bh.consume(claims.getStringList("roles"));
        bh.consume(claims.jwtId());
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
