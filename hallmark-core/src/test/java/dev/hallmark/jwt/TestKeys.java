package dev.hallmark.jwt;

import dev.hallmark.jwk.Jwk;
import dev.hallmark.jwk.KeyGenerator;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Keys, clock and claims shared by the JWT tests. Keys are generated once per test JVM: RSA generation is slow and
 * no test depends on a particular key.
 */
public final class TestKeys {

    public static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    public static final String ISSUER = "https://auth.example.com";
    public static final String AUDIENCE = "orders-api";

    public static final Jwk HS256 = KeyGenerator.forAlgorithm("HS256").keyId("hs256").generate();
    public static final Jwk RS256 = KeyGenerator.forAlgorithm("RS256").keyId("rs256").generate();
    public static final Jwk PS256 = KeyGenerator.forAlgorithm("PS256").keyId("ps256").generate();
    public static final Jwk ES256 = KeyGenerator.forAlgorithm("ES256").keyId("es256").generate();
    public static final Jwk ES384 = KeyGenerator.forAlgorithm("ES384").keyId("es384").generate();
    public static final Jwk ES512 = KeyGenerator.forAlgorithm("ES512").keyId("es512").generate();
    public static final Jwk ED25519 = KeyGenerator.forAlgorithm("EdDSA").keyId("ed25519").generate();

    private TestKeys() {
    }

    /** The key a verifier trusts for {@code key}: the secret itself, or the public half. */
    public static Jwk verificationKey(Jwk key) {
        return key.keyType().equals("oct") ? key : key.toPublicJwk();
    }

    /** Claims every default verifier accepts: right issuer and audience, issued now, valid for five minutes. */
    public static Claims.Builder validClaims() {
        return Claims.builder().issuer(ISSUER).audience(AUDIENCE).subject("alice")
                .issuedAt(NOW).expiresAt(NOW.plusSeconds(300));
    }

    /** A signer for {@code key} on the fixed clock. */
    public static JwtSigner signer(Jwk key) {
        return JwtSigner.builder(key).clock(CLOCK).build();
    }

    /** A verifier trusting {@code key} (public half), expecting {@link #ISSUER} and {@link #AUDIENCE}. */
    public static JwtVerifier.Builder verifier(Jwk key) {
        return JwtVerifier.builder().key(verificationKey(key)).expectIssuer(ISSUER).expectAudience(AUDIENCE)
                .clock(CLOCK);
    }

    /** The JSON of {@link #validClaims()}. */
    public static String validPayloadJson() {
        return validClaims().build().toJson();
    }
}
