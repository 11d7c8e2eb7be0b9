package dev.hallmark.bench;

import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.LocatorAdapter;
import io.jsonwebtoken.ProtectedHeader;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Jwk;
import io.jsonwebtoken.security.JwkSet;
import io.jsonwebtoken.security.Jwks;
import io.jsonwebtoken.security.SecureDigestAlgorithm;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.security.Key;
import java.util.HashMap;
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
    JwksFixtures jwks;
    JwtParser jwks20;
    JwtParser jwks1;
    LargeClaimsFixtures large;
    JweFixtures jwe;
    JwtParser dir;
    JwtParser ecdhEs;

    @Setup
    public void setup() {
        f = Fixtures.shared();
        secret = new SecretKeySpec(f.secret(), "HmacSHA256");
        hs256 = Jwts.parser().verifyWith(secret).requireIssuer(Fixtures.ISSUER).requireAudience(Fixtures.AUDIENCE).build();
        rs256 = parser(Fixtures.publicKey(f.rs256));
        es256 = parser(Fixtures.publicKey(f.es256));
        eddsa = parser(Fixtures.publicKey(f.eddsa));
        jwks = JwksFixtures.shared();
        jwks20 = jwksParser(jwks.jwks20Json);
        jwks1 = jwksParser(jwks.jwks1Json);
        large = LargeClaimsFixtures.shared();
        jwe = JweFixtures.shared();
        dir = Jwts.parser().decryptWith(jwe.dirSecret()).build();
        ecdhEs = Jwts.parser().decryptWith(jwe.ecdhKey.privateKey().orElseThrow()).build();
    }

    /**
     * jjwt parses JWK Sets but has no set-backed verification key resolver: its documented way is a key
     * {@code Locator}. A service builds the kid-to-key map once per fetched set, so the lookup is a hash map's.
     */
    private static JwtParser jwksParser(String json) {
        JwkSet set = Jwks.setParser().build().parse(json);
        Map<String, Key> byKid = new HashMap<>();
        for (Jwk<?> jwk : set.getKeys()) {
            byKid.put(jwk.getId(), jwk.toKey());
        }
        return Jwts.parser().keyLocator(new LocatorAdapter<Key>() {
            @Override
            protected Key locate(ProtectedHeader header) {
                return byKid.get(header.getKeyId());
            }
        }).requireIssuer(Fixtures.ISSUER).requireAudience(Fixtures.AUDIENCE).build();
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
    public Map<String, Object> verifyES256Jwks1() {
        return jwks1.parseSignedClaims(jwks.token).getPayload();
    }

    @Benchmark
    public Map<String, Object> verifyES256Jwks20() {
        return jwks20.parseSignedClaims(jwks.token).getPayload();
    }

    @Benchmark
    public Map<String, Object> verifyHS256Claims4k() {
        return hs256.parseSignedClaims(large.token).getPayload();
    }

    /** jjwt decides by the absent {@code cty} that the plaintext is a claims set, and parses it. */
    @Benchmark
    public Map<String, Object> decryptDirA256GCM() {
        return dir.parseEncryptedClaims(jwe.dirA256GCM).getPayload();
    }

    @Benchmark
    public Map<String, Object> decryptEcdhEsA256KW() {
        return ecdhEs.parseEncryptedClaims(jwe.ecdhEsA256KW).getPayload();
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
