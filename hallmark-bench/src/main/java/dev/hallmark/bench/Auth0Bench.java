package dev.hallmark.bench;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.Claim;
import com.auth0.jwt.interfaces.ECDSAKeyProvider;
import dev.hallmark.jwk.Jwk;
import dev.hallmark.jwk.JwkSet;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.HashMap;
import java.util.Map;

/** auth0 java-jwt 4.6: a verifier built once with issuer and audience. It has no EdDSA and no JWE. */
@State(Scope.Benchmark)
public class Auth0Bench extends BenchDefaults {

    Fixtures f;
    Algorithm hsAlg;
    Algorithm rsAlg;
    Algorithm esAlg;
    JWTVerifier hs256;
    JWTVerifier rs256;
    JWTVerifier es256;
    JwksFixtures jwks;
    JWTVerifier jwks20;
    JWTVerifier jwks1;
    LargeClaimsFixtures large;

    @Setup
    public void setup() {
        f = Fixtures.shared();
        hsAlg = Algorithm.HMAC256(f.secret());
        rsAlg = Algorithm.RSA256((RSAPublicKey) Fixtures.publicKey(f.rs256), (RSAPrivateKey) Fixtures.privateKey(f.rs256));
        esAlg = Algorithm.ECDSA256((ECPublicKey) Fixtures.publicKey(f.es256), (ECPrivateKey) Fixtures.privateKey(f.es256));
        hs256 = verifier(hsAlg);
        rs256 = verifier(rsAlg);
        es256 = verifier(esAlg);
        jwks = JwksFixtures.shared();
        jwks20 = verifier(Algorithm.ECDSA256(keyProvider(jwks.jwks20Json)));
        jwks1 = verifier(Algorithm.ECDSA256(keyProvider(jwks.jwks1Json)));
        large = LargeClaimsFixtures.shared();
    }

    /**
     * java-jwt reads no JWK Sets (its companion jwks-rsa does, and caches the converted keys); its verifier takes an
     * {@link ECDSAKeyProvider} asked for the token's kid. The set is converted once, here with Hallmark's parser.
     */
    private static ECDSAKeyProvider keyProvider(String jwksJson) {
        Map<String, ECPublicKey> byKid = new HashMap<>();
        for (Jwk key : JwkSet.parse(jwksJson).keys()) {
            byKid.put(Fixtures.kid(key), (ECPublicKey) key.publicKey());
        }
        return new ECDSAKeyProvider() {
            @Override
            public ECPublicKey getPublicKeyById(String keyId) {
                return byKid.get(keyId);
            }

            @Override
            public ECPrivateKey getPrivateKey() {
                return null;
            }

            @Override
            public String getPrivateKeyId() {
                return null;
            }
        };
    }

    private static JWTVerifier verifier(Algorithm alg) {
        return JWT.require(alg).withIssuer(Fixtures.ISSUER).withAudience(Fixtures.AUDIENCE).build();
    }

    @Benchmark
    public Map<String, Claim> verifyHS256() {
        return hs256.verify(f.tokenHS256).getClaims();
    }

    @Benchmark
    public Map<String, Claim> verifyRS256() {
        return rs256.verify(f.tokenRS256).getClaims();
    }

    @Benchmark
    public Map<String, Claim> verifyES256() {
        return es256.verify(f.tokenES256).getClaims();
    }

    @Benchmark
    public Map<String, Claim> verifyES256Jwks1() {
        return jwks1.verify(jwks.token).getClaims();
    }

    @Benchmark
    public Map<String, Claim> verifyES256Jwks20() {
        return jwks20.verify(jwks.token).getClaims();
    }

    @Benchmark
    public Map<String, Claim> verifyHS256Claims4k() {
        return hs256.verify(large.token).getClaims();
    }

    @Benchmark
    public String signHS256() {
        return sign(hsAlg, Fixtures.kid(f.hs256));
    }

    @Benchmark
    public String signRS256() {
        return sign(rsAlg, Fixtures.kid(f.rs256));
    }

    @Benchmark
    public String signES256() {
        return sign(esAlg, Fixtures.kid(f.es256));
    }

    private String sign(Algorithm alg, String kid) {
        return JWT.create().withKeyId(kid).withPayload(f.claims).sign(alg);
    }
}
