package dev.hallmark.bench;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwe.ContentEncryptionAlgorithmIdentifiers;
import org.jose4j.jwe.KeyManagementAlgorithmIdentifiers;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.HmacKey;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.jose4j.keys.resolvers.VerificationKeyResolver;
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
    JwksFixtures jwks;
    JwtConsumer jwks20;
    JwtConsumer jwks1;
    LargeClaimsFixtures large;
    JweFixtures jwe;
    JwtConsumer dir;
    JwtConsumer ecdhEs;

    @Setup
    public void setup() throws Exception {
        f = Fixtures.shared();
        hmacKey = new HmacKey(f.secret());
        hs256 = consumer(hmacKey, AlgorithmIdentifiers.HMAC_SHA256);
        rs256 = consumer(Fixtures.publicKey(f.rs256), AlgorithmIdentifiers.RSA_USING_SHA256);
        es256 = consumer(Fixtures.publicKey(f.es256), AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
        eddsa = consumer(Fixtures.publicKey(f.eddsa), AlgorithmIdentifiers.EDDSA);
        claimsJson = JwtClaims.parse(org.jose4j.json.JsonUtil.toJson(f.claims)).toJson();
        jwks = JwksFixtures.shared();
        jwks20 = consumer(jwksResolver(jwks.jwks20Json));
        jwks1 = consumer(jwksResolver(jwks.jwks1Json));
        large = LargeClaimsFixtures.shared();
        jwe = JweFixtures.shared();
        dir = decryptingConsumer(jwe.dirSecret(), KeyManagementAlgorithmIdentifiers.DIRECT);
        ecdhEs = decryptingConsumer(jwe.ecdhKey.privateKey().orElseThrow(),
                KeyManagementAlgorithmIdentifiers.ECDH_ES_A256KW);
    }

    private static JwtConsumer consumer(Key key, String alg) {
        return new JwtConsumerBuilder().setRequireExpirationTime().setExpectedIssuer(Fixtures.ISSUER)
                .setExpectedAudience(Fixtures.AUDIENCE).setVerificationKey(key)
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, alg).build();
    }

    private static JwtConsumer consumer(VerificationKeyResolver keys) {
        return new JwtConsumerBuilder().setRequireExpirationTime().setExpectedIssuer(Fixtures.ISSUER)
                .setExpectedAudience(Fixtures.AUDIENCE).setVerificationKeyResolver(keys)
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                        AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256).build();
    }

    private static VerificationKeyResolver jwksResolver(String json) throws Exception {
        return new JwksVerificationKeyResolver(new JsonWebKeySet(json).getJsonWebKeys());
    }

    /**
     * jose4j's JWT consumer for an encrypted, unsigned JWT: decryption and claims parsing only, like the other
     * libraries' decrypt benchmarks (its claim validators are switched off; the other JWE paths check no claims).
     */
    private static JwtConsumer decryptingConsumer(Key key, String alg) {
        return new JwtConsumerBuilder().setDecryptionKey(key).setDisableRequireSignature().setEnableRequireEncryption()
                .setSkipAllValidators()
                .setJweAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, alg)
                .setJweContentEncryptionAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                        ContentEncryptionAlgorithmIdentifiers.AES_256_GCM)
                .build();
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
    public Map<String, Object> verifyES256Jwks1() throws Exception {
        return jwks1.processToClaims(jwks.token).getClaimsMap();
    }

    @Benchmark
    public Map<String, Object> verifyES256Jwks20() throws Exception {
        return jwks20.processToClaims(jwks.token).getClaimsMap();
    }

    @Benchmark
    public Map<String, Object> verifyHS256Claims4k() throws Exception {
        return hs256.processToClaims(large.token).getClaimsMap();
    }

    @Benchmark
    public Map<String, Object> decryptDirA256GCM() throws Exception {
        return dir.processToClaims(jwe.dirA256GCM).getClaimsMap();
    }

    @Benchmark
    public Map<String, Object> decryptEcdhEsA256KW() throws Exception {
        return ecdhEs.processToClaims(jwe.ecdhEsA256KW).getClaimsMap();
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
