package dev.hallmark.bench;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.HmacKey;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.security.Key;
import java.util.Map;

/** jose4j: a JwtConsumer built once with issuer, audience, expiry and the algorithm pinned. */
@State(Scope.Benchmark)
public class Jose4jBench extends BenchDefaults {

    Fixtures f;
    JwtConsumer hs256;
    JwtConsumer rs256;
    JwtConsumer es256;
    JwtConsumer eddsa;
    HmacKey hmacKey;
    String claimsJson;

    @Setup
    public void setup() throws Exception {
        f = Fixtures.shared();
        hmacKey = new HmacKey(f.secret());
        hs256 = consumer(hmacKey, AlgorithmIdentifiers.HMAC_SHA256);
        rs256 = consumer(Fixtures.publicKey(f.rs256), AlgorithmIdentifiers.RSA_USING_SHA256);
        es256 = consumer(Fixtures.publicKey(f.es256), AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
        eddsa = consumer(Fixtures.publicKey(f.eddsa), AlgorithmIdentifiers.EDDSA);
        claimsJson = JwtClaims.parse(org.jose4j.json.JsonUtil.toJson(f.claims)).toJson();
    }

    private static JwtConsumer consumer(Key key, String alg) {
        return new JwtConsumerBuilder().setRequireExpirationTime().setExpectedIssuer(Fixtures.ISSUER)
                .setExpectedAudience(Fixtures.AUDIENCE).setVerificationKey(key)
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, alg).build();
    }

    @Benchmark
    public Map<String, Object> verifyHS256() throws Exception {
        return hs256.processToClaims(f.tokenHS256).getClaimsMap();
    }

    @Benchmark
    public Map<String, Object> verifyRS256() throws Exception {
        return rs256.processToClaims(f.tokenRS256).getClaimsMap();
    }

    @Benchmark
    public Map<String, Object> verifyES256() throws Exception {
        return es256.processToClaims(f.tokenES256).getClaimsMap();
    }

    @Benchmark
    public Map<String, Object> verifyEdDSA() throws Exception {
        return eddsa.processToClaims(f.tokenEdDSA).getClaimsMap();
    }

    @Benchmark
    public String signHS256() throws Exception {
        return sign(hmacKey, AlgorithmIdentifiers.HMAC_SHA256, Fixtures.kid(f.hs256));
    }

    @Benchmark
    public String signRS256() throws Exception {
        return sign(Fixtures.privateKey(f.rs256), AlgorithmIdentifiers.RSA_USING_SHA256, Fixtures.kid(f.rs256));
    }

    @Benchmark
    public String signES256() throws Exception {
        return sign(Fixtures.privateKey(f.es256), AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256,
                Fixtures.kid(f.es256));
    }

    @Benchmark
    public String signEdDSA() throws Exception {
        return sign(Fixtures.privateKey(f.eddsa), AlgorithmIdentifiers.EDDSA, Fixtures.kid(f.eddsa));
    }

    private String sign(Key key, String alg, String kid) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claimsJson);
        jws.setKey(key);
        jws.setAlgorithmHeaderValue(alg);
        jws.setKeyIdHeaderValue(kid);
        jws.setHeader("typ", "JWT");
        return jws.getCompactSerialization();
    }
}
