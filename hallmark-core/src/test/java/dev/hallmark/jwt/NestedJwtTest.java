package dev.hallmark.jwt;

import dev.hallmark.JoseException;
import dev.hallmark.Reason;
import dev.hallmark.internal.codec.Base64Url;
import dev.hallmark.jwe.ContentEncryption;
import dev.hallmark.jwe.DecryptedJwe;
import dev.hallmark.jwe.JweAlgorithm;
import dev.hallmark.jwe.JweDecrypter;
import dev.hallmark.jwe.JweEncrypter;
import dev.hallmark.jwk.Jwk;
import dev.hallmark.jwk.KeyGenerator;
import dev.hallmark.vectors.VectorFiles;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static dev.hallmark.vectors.JoseAssertions.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Nested JWTs (RFC 7519 §5.2): sign, then encrypt; decrypt and verify in one call. The verifier refuses an inner
 * token that is unsigned or signed by a key it does not trust, whatever key decrypted the outer layer (an
 * attacker can encrypt to anyone's public key), and refuses a JWS where a JWE is expected and the reverse.
 */
class NestedJwtTest {

    static final Jwk RECIPIENT = KeyGenerator.forAlgorithm("ECDH-ES+A256KW").keyId("recipient").generate();

    static NestedJwtVerifier nestedVerifier(Jwk trustedIssuerKey) {
        return NestedJwtVerifier.of(JweDecrypter.builder().key(RECIPIENT).build(),
                TestKeys.verifier(trustedIssuerKey).build());
    }

    static String encryptToRecipient(String inner) {
        return JweEncrypter.builder(RECIPIENT.toPublicJwk()).contentType("JWT").build().encrypt(inner);
    }

    @Test
    void signsThenEncryptsAndVerifiesInOneCall() {
        for (Jwk issuer : new Jwk[] {TestKeys.ES256, TestKeys.RS256, TestKeys.ED25519, TestKeys.HS256}) {
            NestedJwtSigner signer = NestedJwtSigner.of(TestKeys.signer(issuer),
                    JweEncrypter.builder(RECIPIENT.toPublicJwk()).encryption(ContentEncryption.A256GCM));
            String token = signer.sign(TestKeys.validClaims().build());
            assertThat(token.split("\\.")).hasSize(5);
            VerifiedJwt jwt = nestedVerifier(issuer).verify(token);
            assertThat(jwt.claims().subject()).contains("alice");
            assertThat(jwt.key().keyId()).isEqualTo(issuer.keyId());
        }
    }

    @Test
    void outerHeaderSaysCtyJwt() {
        String token = NestedJwtSigner.of(TestKeys.signer(TestKeys.ES256), JweEncrypter.builder(RECIPIENT.toPublicJwk()))
                .sign(TestKeys.validClaims().build());
        DecryptedJwe outer = JweDecrypter.builder().key(RECIPIENT).build().decrypt(token);
        assertThat(outer.header().contentType()).contains("JWT");
        assertThat(outer.header().protectedParameters()).contains("cty");
    }

    /** The pac4j CVE-2026-29000 class: an unsigned JWT encrypted to the server's public key. */
    @Test
    void unsignedInnerTokenIsRefused() {
        String header = Base64Url.encode("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = Base64Url.encode(TestKeys.validPayloadJson().getBytes(StandardCharsets.UTF_8));
        for (String unsigned : new String[] {header + "." + payload + ".", header + "." + payload}) {
            JoseException e = catchThrowableOfType(() -> nestedVerifier(TestKeys.ES256).verify(encryptToRecipient(unsigned)),
                    JoseException.class);
            assertThat(e.reason()).isIn(Reason.ALG_NOT_ALLOWED, Reason.MALFORMED);
        }
        assertRejected(() -> nestedVerifier(TestKeys.ES256).verify(encryptToRecipient(header + "." + payload + ".")),
                Reason.ALG_NOT_ALLOWED);
    }

    @Test
    void innerTokenSignedByAnUntrustedKeyIsRefused() {
        Jwk attacker = KeyGenerator.forAlgorithm("ES256").keyId("es256").generate();
        String forged = encryptToRecipient(TestKeys.signer(attacker).sign(TestKeys.validClaims().build()));
        assertRejected(() -> nestedVerifier(TestKeys.ES256).verify(forged), Reason.BAD_SIGNATURE);
        Jwk other = KeyGenerator.forAlgorithm("ES256").keyId("someone-else").generate();
        String unknownKid = encryptToRecipient(TestKeys.signer(other).sign(TestKeys.validClaims().build()));
        assertRejected(() -> nestedVerifier(TestKeys.ES256).verify(unknownKid), Reason.KEY_NOT_FOUND);
    }

    @Test
    void innerClaimsAreChecked() {
        String expired = encryptToRecipient(TestKeys.signer(TestKeys.ES256).sign(TestKeys.validClaims()
                .expiresAt(TestKeys.NOW.minusSeconds(3600)).build()));
        assertRejected(() -> nestedVerifier(TestKeys.ES256).verify(expired), Reason.EXPIRED);
    }

    @Test
    void plainJwsWhereANestedJwtIsExpectedIsMalformed() {
        String jws = TestKeys.signer(TestKeys.ES256).sign(TestKeys.validClaims().build());
        JoseException e = catchThrowableOfType(() -> nestedVerifier(TestKeys.ES256).verify(jws), JoseException.class);
        assertThat(e.reason()).isEqualTo(Reason.MALFORMED);
        assertThat(e.getMessage()).contains("JWS, not a JWE");
    }

    @Test
    void nestedJwtWhereAJwsIsExpectedIsMalformed() {
        String token = NestedJwtSigner.of(TestKeys.signer(TestKeys.ES256), JweEncrypter.builder(RECIPIENT.toPublicJwk()))
                .sign(TestKeys.validClaims().build());
        JoseException e = catchThrowableOfType(() -> TestKeys.verifier(TestKeys.ES256).build().verify(token),
                JoseException.class);
        assertThat(e.reason()).isEqualTo(Reason.MALFORMED);
        assertThat(e.getMessage()).contains("JWE, not a JWS");
    }

    @Test
    void withoutCtyJwtOrWithAJweInsideItIsMalformed() {
        String inner = TestKeys.signer(TestKeys.ES256).sign(TestKeys.validClaims().build());
        String noCty = JweEncrypter.builder(RECIPIENT.toPublicJwk()).build().encrypt(inner);
        assertRejected(() -> nestedVerifier(TestKeys.ES256).verify(noCty), Reason.MALFORMED);
        String jweInJwe = encryptToRecipient(encryptToRecipient(inner));
        assertRejected(() -> nestedVerifier(TestKeys.ES256).verify(jweInJwe), Reason.MALFORMED);
        String text = encryptToRecipient("not a token at all");
        assertRejected(() -> nestedVerifier(TestKeys.ES256).verify(text), Reason.MALFORMED);
    }

    /**
     * RFC 7520 §6: a PS256 JWT inside RSA-OAEP/A128GCM. The compact form goes through {@link NestedJwtVerifier}; the
     * JSON forms are decrypted with {@link JweDecrypter#decryptJson} and their plaintext verified as a JWT. The
     * claims expired in 2011, so the verifier's clock is set before that.
     */
    @Test
    @SuppressWarnings("unchecked")
    void rfc7520Section6() {
        Map<String, Object> doc = VectorFiles.jsonObject("rfc7520-cookbook/6.nesting_signatures_and_encryption.json");
        Map<String, Object> sign = (Map<String, Object>) doc.get("sign");
        Map<String, Object> encrypt = (Map<String, Object>) doc.get("encrypt");
        Jwk signingKey = Jwk.parse(VectorFiles.write(((Map<String, Object>) sign.get("input")).get("key")));
        Jwk decryptionKey = Jwk.parse(VectorFiles.write(((Map<String, Object>) encrypt.get("input")).get("key")));
        JwtVerifier jwtVerifier = JwtVerifier.builder().key(signingKey.toPublicJwk()).expectIssuer("hobbiton.example")
                .ignoreAudience().clock(Clock.fixed(Instant.ofEpochSecond(1300819000L), ZoneOffset.UTC)).build();
        JweDecrypter decrypter = JweDecrypter.builder().key(decryptionKey).algorithms(JweAlgorithm.RSA_OAEP).build();
        Map<String, Object> output = (Map<String, Object>) encrypt.get("output");

        VerifiedJwt jwt = NestedJwtVerifier.of(decrypter, jwtVerifier).verify((String) output.get("compact"));
        assertThat(jwt.claims().issuer()).contains("hobbiton.example");
        assertThat(jwt.claims().get("http://example.com/is_root")).contains(true);
        for (String form : new String[] {"json", "json_flat"}) {
            DecryptedJwe outer = decrypter.decryptJson(VectorFiles.write(output.get(form)));
            assertThat(outer.header().contentType()).contains("JWT");
            assertThat(jwtVerifier.verify(outer.plaintextAsString()).claims().issuer()).contains("hobbiton.example");
        }
    }
}
