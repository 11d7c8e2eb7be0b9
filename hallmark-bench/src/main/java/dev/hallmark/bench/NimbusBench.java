package dev.hallmark.bench;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWEDecrypter;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.DirectDecrypter;
import com.nimbusds.jose.crypto.ECDHDecrypter;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.hallmark.jwk.Jwk;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.security.interfaces.ECPrivateKey;
import java.util.Map;
import java.util.Set;

/** Nimbus JOSE+JWT: DefaultJWTProcessor with a key selector and claims verifier built once. */
@State(Scope.Benchmark)
public class NimbusBench extends BenchDefaults {

    Fixtures f;
    DefaultJWTProcessor<SecurityContext> hs256;
    DefaultJWTProcessor<SecurityContext> rs256;
    DefaultJWTProcessor<SecurityContext> es256;
    Ed25519Verifier eddsa;
    DefaultJWTClaimsVerifier<SecurityContext> claimsVerifier;
    JWSSigner hsSigner;
    JWSSigner rsSigner;
    JWSSigner esSigner;
    JWSSigner edSigner;
    JWTClaimsSet claims;
    JwksFixtures jwks;
    DefaultJWTProcessor<SecurityContext> jwks20;
    DefaultJWTProcessor<SecurityContext> jwks1;
    LargeClaimsFixtures large;
    JweFixtures jwe;
    DirectDecrypter dirDecrypter;
    ECDHDecrypter ecdhDecrypter;

    @Setup
    public void setup() throws Exception {
        f = Fixtures.shared();
        hs256 = processor(JWSAlgorithm.HS256, JWK.parse(f.hs256.toPrivateJson()));
        rs256 = processor(JWSAlgorithm.RS256, JWK.parse(f.rs256.toPublicJwk().toPublicJson()));
        es256 = processor(JWSAlgorithm.ES256, JWK.parse(f.es256.toPublicJwk().toPublicJson()));
        // Nimbus's processor cannot turn an OKP JWK into a key; its documented Ed25519 path is Ed25519Verifier (Tink).
        eddsa = new Ed25519Verifier((OctetKeyPair) JWK.parse(f.eddsa.toPublicJwk().toPublicJson()));
        claimsVerifier = claimsVerifier();
        hsSigner = new MACSigner(f.secret());
        rsSigner = new RSASSASigner(Fixtures.privateKey(f.rs256));
        esSigner = new ECDSASigner((ECPrivateKey) Fixtures.privateKey(f.es256));
        edSigner = new Ed25519Signer((OctetKeyPair) JWK.parse(f.eddsa.toPrivateJson()));
        claims = JWTClaimsSet.parse(f.claims);
        jwks = JwksFixtures.shared();
        jwks20 = processor(JWSAlgorithm.ES256, JWKSet.parse(jwks.jwks20Json));
        jwks1 = processor(JWSAlgorithm.ES256, JWKSet.parse(jwks.jwks1Json));
        large = LargeClaimsFixtures.shared();
        jwe = JweFixtures.shared();
        dirDecrypter = new DirectDecrypter(jwe.dirSecret());
        ecdhDecrypter = new ECDHDecrypter((ECPrivateKey) jwe.ecdhKey.privateKey().orElseThrow());
    }

    static DefaultJWTProcessor<SecurityContext> processor(JWSAlgorithm alg, JWK key) {
        return processor(alg, new JWKSet(key));
    }

    static DefaultJWTProcessor<SecurityContext> processor(JWSAlgorithm alg, JWKSet keys) {
        DefaultJWTProcessor<SecurityContext> p = new DefaultJWTProcessor<>();
        p.setJWSKeySelector(new JWSVerificationKeySelector<>(alg, new ImmutableJWKSet<>(keys)));
        p.setJWTClaimsSetVerifier(claimsVerifier());
        return p;
    }

    static DefaultJWTClaimsVerifier<SecurityContext> claimsVerifier() {
        return new DefaultJWTClaimsVerifier<>(Fixtures.AUDIENCE,
                new JWTClaimsSet.Builder().issuer(Fixtures.ISSUER).build(), Set.of("exp"));
    }

    @Benchmark
    public Map<String, Object> verifyHS256() throws Exception {
        return hs256.process(f.tokenHS256, null).getClaims();
    }

    @Benchmark
    public Map<String, Object> verifyRS256() throws Exception {
        return rs256.process(f.tokenRS256, null).getClaims();
    }

    @Benchmark
    public Map<String, Object> verifyES256() throws Exception {
        return es256.process(f.tokenES256, null).getClaims();
    }

    @Benchmark
    public Map<String, Object> verifyEdDSA() throws Exception {
        SignedJWT jwt = SignedJWT.parse(f.tokenEdDSA);
        if (!JWSAlgorithm.EdDSA.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(eddsa)) {
            throw new IllegalStateException("EdDSA token rejected");
        }
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        claimsVerifier.verify(claims, null);
        return claims.getClaims();
    }

    @Benchmark
    public Map<String, Object> verifyES256Jwks1() throws Exception {
        return jwks1.process(jwks.token, null).getClaims();
    }

    @Benchmark
    public Map<String, Object> verifyES256Jwks20() throws Exception {
        return jwks20.process(jwks.token, null).getClaims();
    }

    @Benchmark
    public Map<String, Object> verifyHS256Claims4k() throws Exception {
        return hs256.process(large.token, null).getClaims();
    }

    /** Nimbus's documented encrypted-JWT path: parse, decrypt with a decrypter built once, read the claims. */
    @Benchmark
    public Map<String, Object> decryptDirA256GCM() throws Exception {
        return decrypt(jwe.dirA256GCM, dirDecrypter);
    }

    @Benchmark
    public Map<String, Object> decryptEcdhEsA256KW() throws Exception {
        return decrypt(jwe.ecdhEsA256KW, ecdhDecrypter);
    }

    static Map<String, Object> decrypt(String token, JWEDecrypter decrypter) throws Exception {
        EncryptedJWT jwt = EncryptedJWT.parse(token);
        jwt.decrypt(decrypter);
        return jwt.getJWTClaimsSet().getClaims();
    }

    @Benchmark
    public String signHS256() throws Exception {
        return sign(JWSAlgorithm.HS256, f.hs256, hsSigner);
    }

    @Benchmark
    public String signRS256() throws Exception {
        return sign(JWSAlgorithm.RS256, f.rs256, rsSigner);
    }

    @Benchmark
    public String signES256() throws Exception {
        return sign(JWSAlgorithm.ES256, f.es256, esSigner);
    }

    @Benchmark
    public String signEdDSA() throws Exception {
        return sign(JWSAlgorithm.EdDSA, f.eddsa, edSigner);
    }

    private String sign(JWSAlgorithm alg, Jwk key, JWSSigner signer) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID(Fixtures.kid(key)).type(JOSEObjectType.JWT)
                .build(), claims);
        jwt.sign(signer);
        return jwt.serialize();
    }
}
