package dev.hallmark.interop;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.hallmark.JoseException;
import dev.hallmark.Reason;
import dev.hallmark.jwk.Jwk;
import dev.hallmark.jwk.JwkSet;
import dev.hallmark.jwk.KeyGenerator;
import dev.hallmark.jwk.KeySource;
import dev.hallmark.jwk.OctJwk;
import dev.hallmark.jwk.Thumbprint;
import dev.hallmark.jws.JwsAlgorithm;
import dev.hallmark.jwt.Claims;
import dev.hallmark.jwt.JwtSigner;
import dev.hallmark.jwt.JwtVerifier;
import dev.hallmark.jwt.VerifiedJwt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * JWTs cross between Hallmark and Nimbus in both directions, for every JWS algorithm both implement
 * ({@link NimbusPeer#SHARED_JWS_ALGORITHMS}); keys cross as JWK JSON. Ed448 is not exercised here: Nimbus 10.10 has
 * no Ed448 signer or verifier (its EdDSA support is Ed25519 through Tink), so there is nothing to interoperate with.
 */
class NimbusInteropTest {

    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String ISSUER = "https://issuer.example";
    private static final String AUDIENCE = "orders-api";

    static final List<String> ALGORITHMS = NimbusPeer.SHARED_JWS_ALGORITHMS;

    @ParameterizedTest(name = "{0}")
    @FieldSource("ALGORITHMS")
    void nimbusSignedJwtVerifiesInHallmark(String alg) throws Exception {
        JWK nimbusKey = NimbusPeer.generate(alg);
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER).audience(AUDIENCE).subject("alice").jwtID("jti-1")
                .issueTime(Date.from(NOW)).notBeforeTime(Date.from(NOW.minusSeconds(5)))
                .expirationTime(Date.from(NOW.plusSeconds(300)))
                .claim("scope", "orders:read").claim("n", 42).claim("roles", List.of("a", "b"))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.parse(alg))
                .keyID(nimbusKey.getKeyID()).type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(NimbusPeer.signer(nimbusKey));

        // the key crosses as Nimbus JWK JSON: public for asymmetric keys, secret for HMAC
        Jwk trusted = Jwk.parse(NimbusPeer.verificationJson(nimbusKey));
        assertThat(trusted.isPrivate()).isEqualTo(trusted instanceof OctJwk);
        JwtVerifier verifier = verifier(trusted);

        VerifiedJwt verified = verifier.verify(jwt.serialize());
        assertThat(verified.algorithm()).isEqualTo(JwsAlgorithm.fromName(alg).orElseThrow());
        assertThat(verified.header().keyId()).contains(nimbusKey.getKeyID());
        assertThat(verified.header().type()).contains("JWT");
        assertThat(verified.claims().issuer()).contains(ISSUER);
        assertThat(verified.claims().audience()).containsExactly(AUDIENCE);
        assertThat(verified.claims().subject()).contains("alice");
        assertThat(verified.claims().jwtId()).contains("jti-1");
        assertThat(verified.claims().issuedAt()).contains(NOW);
        assertThat(verified.claims().notBefore()).contains(NOW.minusSeconds(5));
        assertThat(verified.claims().expiresAt()).contains(NOW.plusSeconds(300));
        assertThat(verified.claims().getString("scope")).contains("orders:read");
        assertThat(verified.claims().getLong("n")).contains(42L);
        assertThat(verified.claims().getStringList("roles")).contains(List.of("a", "b"));

        // the Nimbus token is held to the same rules as any other: a wrong audience still fails
        JwtVerifier otherAudience = JwtVerifier.builder().key(trusted).expectIssuer(ISSUER)
                .expectAudience("billing-api").clock(CLOCK).build();
        assertThatThrownBy(() -> otherAudience.verify(jwt.serialize())).isInstanceOf(JoseException.class)
                .extracting(e -> ((JoseException) e).reason()).isEqualTo(Reason.AUDIENCE_MISMATCH);
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("ALGORITHMS")
    void hallmarkSignedJwtVerifiesInNimbus(String alg) throws Exception {
        Jwk key = KeyGenerator.forAlgorithm(alg).generate();
        String token = JwtSigner.builder(key).clock(CLOCK).expiresAfter(Duration.ofMinutes(5)).build()
                .sign(Claims.builder().issuer(ISSUER).audience(AUDIENCE).subject("bob").jwtId("jti-2")
                        .claim("scope", "orders:write").claim("n", 7).build());

        // Nimbus gets the public JWK JSON Hallmark publishes (the secret one for HMAC)
        JWK nimbusKey = NimbusPeer.parse(key instanceof OctJwk ? key.toPrivateJson() : key.toPublicJson());
        assertThat(nimbusKey.isPrivate()).isEqualTo(key instanceof OctJwk);
        assertThat(nimbusKey.getKeyID()).isEqualTo(Thumbprint.of(key));
        assertThat(nimbusKey.getAlgorithm().getName()).isEqualTo(alg);

        SignedJWT parsed = SignedJWT.parse(token);
        assertThat(parsed.verify(NimbusPeer.verifier(nimbusKey))).isTrue();
        assertThat(parsed.getHeader().getAlgorithm().getName()).isEqualTo(alg);
        assertThat(parsed.getHeader().getKeyID()).isEqualTo(Thumbprint.of(key));
        assertThat(parsed.getHeader().getType()).isEqualTo(JOSEObjectType.JWT);
        JWTClaimsSet claims = parsed.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(ISSUER);
        assertThat(claims.getAudience()).containsExactly(AUDIENCE);
        assertThat(claims.getSubject()).isEqualTo("bob");
        assertThat(claims.getJWTID()).isEqualTo("jti-2");
        assertThat(claims.getIssueTime()).isEqualTo(Date.from(NOW));
        assertThat(claims.getExpirationTime()).isEqualTo(Date.from(NOW.plusSeconds(300)));
        assertThat(claims.getStringClaim("scope")).isEqualTo("orders:write");
        assertThat(claims.getLongClaim("n")).isEqualTo(7L);

        // and Nimbus rejects the token once its payload is altered: it really checked the signature
        String[] parts = token.split("\\.");
        String altered = parts[0] + "." + SignedJWT.parse(JwtSigner.builder(key).clock(CLOCK).build()
                .sign(Claims.builder().issuer(ISSUER).subject("mallory").build())).getParsedParts()[1] + "." + parts[2];
        assertThat(SignedJWT.parse(altered).verify(NimbusPeer.verifier(nimbusKey))).isFalse();
    }

    /** Private keys cross as JWK JSON: a Nimbus private key signs in Hallmark, Nimbus verifies with its own key. */
    @ParameterizedTest(name = "{0}")
    @FieldSource("ALGORITHMS")
    void nimbusPrivateJwkSignsInHallmark(String alg) throws Exception {
        JWK nimbusKey = NimbusPeer.generate(alg);
        Jwk imported = Jwk.parse(nimbusKey.toJSONString());
        assertThat(imported.isPrivate()).isTrue();
        assertThat(imported.algorithm()).contains(alg);
        assertThat(Thumbprint.of(imported)).isEqualTo(nimbusKey.computeThumbprint().toString());

        String token = JwtSigner.builder(imported).clock(CLOCK).expiresAfter(Duration.ofMinutes(1)).build()
                .sign(Claims.builder().issuer(ISSUER).audience(AUDIENCE).build());
        SignedJWT parsed = SignedJWT.parse(token);
        JWK verificationKey = nimbusKey.getKeyType().getValue().equals("oct") ? nimbusKey : nimbusKey.toPublicJWK();
        assertThat(parsed.verify(NimbusPeer.verifier(verificationKey))).isTrue();
        assertThat(parsed.getJWTClaimsSet().getIssuer()).isEqualTo(ISSUER);
    }

    /** The reverse: a Hallmark private JWK, read by Nimbus, signs a token Hallmark verifies with its public key. */
    @ParameterizedTest(name = "{0}")
    @FieldSource("ALGORITHMS")
    void hallmarkPrivateJwkSignsInNimbus(String alg) throws Exception {
        Jwk key = KeyGenerator.forAlgorithm(alg).generate();
        JWK nimbusKey = NimbusPeer.parse(key.toPrivateJson());
        assertThat(nimbusKey.isPrivate()).isTrue();

        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.parse(alg)).keyID(nimbusKey.getKeyID()).build(),
                new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE)
                        .expirationTime(Date.from(NOW.plusSeconds(60))).build());
        jwt.sign(NimbusPeer.signer(nimbusKey));

        Jwk trusted = key instanceof OctJwk ? key : key.toPublicJwk();
        assertThat(verifier(trusted).verify(jwt.serialize()).claims().issuer()).contains(ISSUER);
    }

    /** A whole public JWK Set crosses from Nimbus: Hallmark selects the right key by {@code kid}. */
    @Test
    void nimbusPublicJwkSetServesHallmarkVerifier() throws Exception {
        List<JWK> keys = List.of(NimbusPeer.generate("RS256"), NimbusPeer.generate("ES256"),
                NimbusPeer.generate("PS384"), NimbusPeer.generate("EdDSA"));
        String publicSet = new com.nimbusds.jose.jwk.JWKSet(keys).toString(true);
        JwkSet set = JwkSet.parse(publicSet);
        assertThat(set.skipped()).isEmpty();
        assertThat(set.keys()).hasSize(4).noneMatch(Jwk::isPrivate);
        JwtVerifier verifier = JwtVerifier.builder().keys(KeySource.of(set)).expectIssuer(ISSUER)
                .expectAudience(AUDIENCE).clock(CLOCK).build();
        for (JWK k : keys) {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder((JWSAlgorithm) k.getAlgorithm()).keyID(k.getKeyID()).build(),
                    new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE).subject(k.getKeyID())
                            .expirationTime(Date.from(NOW.plusSeconds(60))).build());
            jwt.sign(NimbusPeer.signer(k));
            VerifiedJwt verified = verifier.verify(jwt.serialize());
            assertThat(verified.claims().subject()).contains(k.getKeyID());
            assertThat(verified.key().keyId()).contains(k.getKeyID());
        }
    }

    /** And the reverse: Nimbus reads Hallmark's published set and finds each key by {@code kid}. */
    @Test
    void hallmarkPublicJwkSetServesNimbus() throws Exception {
        List<Jwk> keys = List.of(KeyGenerator.forAlgorithm("RS512").generate(), KeyGenerator.forAlgorithm("ES384").generate(),
                KeyGenerator.forAlgorithm("EdDSA").generate(), KeyGenerator.forAlgorithm("PS256").generate());
        com.nimbusds.jose.jwk.JWKSet nimbusSet = com.nimbusds.jose.jwk.JWKSet.parse(JwkSet.of(keys).toPublicJson());
        assertThat(nimbusSet.getKeys()).hasSize(4).noneMatch(JWK::isPrivate);
        for (Jwk k : keys) {
            String token = JwtSigner.builder(k).clock(CLOCK).build().sign(Claims.builder().issuer(ISSUER).build());
            SignedJWT jwt = SignedJWT.parse(token);
            JWK found = nimbusSet.getKeyByKeyId(jwt.getHeader().getKeyID());
            assertThat(found).isNotNull();
            assertThat(jwt.verify(NimbusPeer.verifier(found))).isTrue();
        }
    }

    private static JwtVerifier verifier(Jwk trusted) {
        return JwtVerifier.builder().key(trusted).expectIssuer(ISSUER).expectAudience(AUDIENCE).clock(CLOCK).build();
    }
}
