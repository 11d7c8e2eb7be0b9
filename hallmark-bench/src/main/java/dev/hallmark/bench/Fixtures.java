package dev.hallmark.bench;

import dev.hallmark.jwk.Jwk;
import dev.hallmark.jwk.KeyGenerator;
import dev.hallmark.jwk.OctJwk;
import dev.hallmark.jwt.Claims;
import dev.hallmark.jwt.JwtSigner;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The keys and tokens every library is measured on: header {@code {"alg","kid","typ":"JWT"}}, payload with iss, sub,
 * aud, exp, iat, nbf, jti, scope and roles. Tokens are valid for a day, far longer than any run.
 */
public final class Fixtures {

    public static final String ISSUER = "https://issuer.example.com";
    public static final String AUDIENCE = "orders-api";
    public static final String SUBJECT = "user-1234";

    public final Jwk hs256 = KeyGenerator.forAlgorithm("HS256").generate();
    public final Jwk rs256 = KeyGenerator.forAlgorithm("RS256").generate();
    public final Jwk es256 = KeyGenerator.forAlgorithm("ES256").generate();
    public final Jwk eddsa = KeyGenerator.forAlgorithm("EdDSA").generate();

    public final Map<String, Object> claims;
    public final String tokenHS256;
    public final String tokenRS256;
    public final String tokenES256;
    public final String tokenEdDSA;

    private static Fixtures shared;

    /** One set of keys and tokens per JVM, so every library in a run works on the very same tokens. */
    public static synchronized Fixtures shared() {
        if (shared == null) {
            shared = new Fixtures();
        }
        return shared;
    }

    private Fixtures() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("iss", ISSUER);
        c.put("sub", SUBJECT);
        c.put("aud", AUDIENCE);
        c.put("exp", now.plus(Duration.ofDays(1)).getEpochSecond());
        c.put("iat", now.getEpochSecond());
        c.put("nbf", now.minusSeconds(60).getEpochSecond());
        c.put("jti", "5f1c2a7e-8d0b-4a8e-9b51-0c3e3c1e9a42");
        c.put("scope", "orders:read orders:write");
        c.put("roles", List.of("admin", "user"));
        this.claims = Map.copyOf(c);
        this.tokenHS256 = sign(hs256, c);
        this.tokenRS256 = sign(rs256, c);
        this.tokenES256 = sign(es256, c);
        this.tokenEdDSA = sign(eddsa, c);
    }

    /** Signs with Hallmark; every library verifies these same tokens. */
    static String sign(Jwk key, Map<String, Object> claims) {
        Claims.Builder b = Claims.builder();
        claims.forEach(b::claim);
        return JwtSigner.builder(key).build().sign(b.build());
    }

    public byte[] secret() {
        return ((OctJwk) hs256).secretBytes();
    }

    public static PublicKey publicKey(Jwk key) {
        return key.publicKey();
    }

    public static PrivateKey privateKey(Jwk key) {
        return key.privateKey().orElseThrow();
    }

    public static String kid(Jwk key) {
        return key.keyId().orElseThrow();
    }

    /** The signing input and signature of a compact token, for the floor measurements. */
    public static String[] split(String token) {
        int dot = token.lastIndexOf('.');
        return new String[] {token.substring(0, dot), token.substring(dot + 1)};
    }
}
