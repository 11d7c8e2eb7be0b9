package dev.hallmark.bench;

import dev.hallmark.Limits;
import dev.hallmark.jwe.JweDecrypter;
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
    JwksFixtures jwks;
    JwtVerifier jwks20;
    JwtVerifier jwks1;
    LargeClaimsFixtures large;
    JweFixtures jwe;
    JweDecrypter dirDecrypter;
    JweDecrypter ecdhDecrypter;

    @Setup
    public void setup() {
        f = Fixtures.shared();
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
        jwks = JwksFixtures.shared();
        jwks20 = verifier(KeySource.of(JwkSet.parse(jwks.jwks20Json)));
        jwks1 = verifier(KeySource.of(JwkSet.parse(jwks.jwks1Json)));
        large = LargeClaimsFixtures.shared();
        jwe = JweFixtures.shared();
        dirDecrypter = JweDecrypter.builder().key(jwe.dirKey).build();
        ecdhDecrypter = JweDecrypter.builder().key(jwe.ecdhKey).build();
    }

    /**
     * A separate setup so that tests can build this state in a JVM where hallmark-bc is the engine (the choice is
     * fixed per JVM): the decisions are the same, only the JMH measurement must be on the JDK engine.
     */
    @Setup
    public void checkEngine() {
        HallmarkBcBench.requireEngine("jca");
    }

    static JwtVerifier verifier(Jwk key) {
        return verifier(KeySource.of(JwkSet.of(key)));
    }

    static JwtVerifier verifier(KeySource keys) {
        return JwtVerifier.builder().keys(keys).expectIssuer(Fixtures.ISSUER).expectAudience(Fixtures.AUDIENCE).build();
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

    /** See {@link JwksFixtures}: the same set-backed key source with the signer alone, then among 20 keys. */
    @Benchmark
    public Map<String, Object> verifyES256Jwks1() {
        return jwks1.verify(jwks.token).claims().asMap();
    }

    @Benchmark
    public Map<String, Object> verifyES256Jwks20() {
        return jwks20.verify(jwks.token).claims().asMap();
    }

    @Benchmark
    public Map<String, Object> verifyHS256Claims4k() {
        return hs256.verify(large.token).claims().asMap();
    }

    /** Decryption, then the plaintext parsed as claims, as every peer's encrypted-JWT path returns them. */
    @Benchmark
    public Map<String, Object> decryptDirA256GCM() {
        return Claims.parse(dirDecrypter.decrypt(jwe.dirA256GCM).plaintext(), Limits.DEFAULT).asMap();
    }

    @Benchmark
    public Map<String, Object> decryptEcdhEsA256KW() {
        return Claims.parse(ecdhDecrypter.decrypt(jwe.ecdhEsA256KW).plaintext(), Limits.DEFAULT).asMap();
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
