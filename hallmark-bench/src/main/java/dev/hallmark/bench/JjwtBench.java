package dev.hallmark.bench;

import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.SecureDigestAlgorithm;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.security.Key;
import java.util.Map;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/** jjwt 0.13 with Jackson: a parser built once with issuer and audience required. */
@State(Scope.Benchmark)
public class JjwtBench extends BenchDefaults {

    Fixtures f;
    JwtParser hs256;
    JwtParser rs256;
    JwtParser es256;
    JwtParser eddsa;
    SecretKey secret;

    @Setup
    public void setup() {
        f = Fixtures.shared();
        secret = new SecretKeySpec(f.secret(), "HmacSHA256");
        hs256 = Jwts.parser().verifyWith(secret).requireIssuer(Fixtures.ISSUER).requireAudience(Fixtures.AUDIENCE).build();
        rs256 = parser(Fixtures.publicKey(f.rs256));
        es256 = parser(Fixtures.publicKey(f.es256));
        eddsa = parser(Fixtures.publicKey(f.eddsa));
    }

    private static JwtParser parser(java.security.PublicKey key) {
        return Jwts.parser().verifyWith(key).requireIssuer(Fixtures.ISSUER).requireAudience(Fixtures.AUDIENCE).build();
    }

    @Benchmark
    public Map<String, Object> verifyHS256() {
        return hs256.parseSignedClaims(f.tokenHS256).getPayload();
    }

    @Benchmark
    public Map<String, Object> verifyRS256() {
        return rs256.parseSignedClaims(f.tokenRS256).getPayload();
    }

    @Benchmark
    public Map<String, Object> verifyES256() {
        return es256.parseSignedClaims(f.tokenES256).getPayload();
    }

    @Benchmark
    public Map<String, Object> verifyEdDSA() {
        return eddsa.parseSignedClaims(f.tokenEdDSA).getPayload();
    }

    @Benchmark
    public String signHS256() {
        return sign(secret, Jwts.SIG.HS256, Fixtures.kid(f.hs256));
    }

    @Benchmark
    public String signRS256() {
        return sign(Fixtures.privateKey(f.rs256), Jwts.SIG.RS256, Fixtures.kid(f.rs256));
    }

    @Benchmark
    public String signES256() {
        return sign(Fixtures.privateKey(f.es256), Jwts.SIG.ES256, Fixtures.kid(f.es256));
    }

    @Benchmark
    public String signEdDSA() {
        return sign(Fixtures.privateKey(f.eddsa), Jwts.SIG.EdDSA, Fixtures.kid(f.eddsa));
    }

    @SuppressWarnings("unchecked")
    private <K extends Key> String sign(K key, SecureDigestAlgorithm<? super K, ?> alg, String kid) {
        return Jwts.builder().header().keyId(kid).type("JWT").and().claims(f.claims)
                .signWith(key, (SecureDigestAlgorithm<K, ?>) alg).compact();
    }
}
