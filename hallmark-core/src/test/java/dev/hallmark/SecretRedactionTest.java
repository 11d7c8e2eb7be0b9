package dev.hallmark;

import dev.hallmark.internal.json.StrictJson;
import dev.hallmark.jwk.Jwk;
import dev.hallmark.jwk.JwkSet;
import dev.hallmark.jwk.KeyGenerator;
import dev.hallmark.jwk.OctJwk;
import dev.hallmark.jws.JwsSigner;
import dev.hallmark.jws.JwsVerifier;
import dev.hallmark.jws.UnverifiedJws;
import dev.hallmark.jws.VerifiedJws;
import dev.hallmark.jwt.Claims;
import dev.hallmark.jwt.Jwt;
import dev.hallmark.jwt.JwtSigner;
import dev.hallmark.jwt.JwtVerifier;
import dev.hallmark.jwt.TestKeys;
import dev.hallmark.jwt.TokenForge;
import dev.hallmark.jwt.VerifiedJwt;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.hallmark.jwt.TestKeys.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Secrets stay secret (architecture.md, RFC 8725 §3.x logging advice): {@code toString()} of keys, key sets,
 * signers and tokens, and the messages of rejections, never contain private key material, a token's signature or
 * payload, or claim values. Private material leaves only through explicitly named methods.
 */
class SecretRedactionTest {

    static Stream<Jwk> privateKeys() {
        return Stream.of(TestKeys.RS256, TestKeys.ES256, TestKeys.ES384, TestKeys.ES512, TestKeys.ED25519,
                KeyGenerator.forAlgorithm("EdDSA").curve("Ed448").generate(),
                KeyGenerator.forAlgorithm("ECDH-ES").curve("X25519").generate(),
                KeyGenerator.forAlgorithm("ECDH-ES").curve("X448").generate(),
                TestKeys.HS256, KeyGenerator.forAlgorithm("A256KW").generate());
    }

    /** Every private member of a key, in the spellings a leak could take: base64url, and decimal and hex numbers. */
    private static List<String> secretsOf(Jwk key) {
        Map<String, Object> json = StrictJson.parseObject(key.toPrivateJson(), Limits.DEFAULT, "key");
        List<String> out = new ArrayList<>();
        for (String member : List.of("d", "p", "q", "dp", "dq", "qi", "k")) {
            if (json.get(member) instanceof String b64) {
                out.add(b64.substring(0, Math.min(b64.length(), 16)));
                BigInteger n = new BigInteger(1, TokenForge.unb64(b64));
                out.add(n.toString().substring(0, Math.min(n.toString().length(), 16)));
                out.add(n.toString(16).substring(0, Math.min(n.toString(16).length(), 16)));
                out.add(java.util.Base64.getEncoder().encodeToString(TokenForge.unb64(b64)).substring(0, 12));
            }
        }
        assertThat(out).as("private members of %s", key).isNotEmpty();
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("privateKeys")
    void keyToStringHasNoPrivateMaterial(Jwk key) {
        assertThat(key.isPrivate()).isTrue();
        assertThat(key.toString()).doesNotContain(secretsOf(key)).contains("private=true");
        assertThat(JwkSet.of(key).toString()).doesNotContain(secretsOf(key));
        assertThat(key.withKeyId("k").withUse(key.use().orElse("sig")).toString()).doesNotContain(secretsOf(key));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("privateKeys")
    void publicFormsHaveNoPrivateMaterial(Jwk key) {
        assertThat(JwkSet.of(key).toPublicJson()).doesNotContain(secretsOf(key)).doesNotContain("\"d\"", "\"k\"");
        if (!(key instanceof OctJwk)) {
            assertThat(key.toPublicJson()).doesNotContain(secretsOf(key));
            assertThat(key.toPublicJwk().toPrivateJson()).doesNotContain(secretsOf(key));
        }
        // and the named methods do carry it, so the checks above are meaningful
        assertThat(key.toPrivateJson()).contains(secretsOf(key).get(0));
    }

    @Test
    void signersDoNotPrintTheirKeys() {
        for (Jwk key : List.of(TestKeys.HS256, TestKeys.RS256, TestKeys.ES256, TestKeys.ED25519)) {
            assertThat(JwsSigner.builder(key).build().toString()).doesNotContain(secretsOf(key));
            assertThat(JwtSigner.builder(key).build().toString()).doesNotContain(secretsOf(key));
        }
    }

    private static final String SECRET_SUBJECT = "subject-078-05-1120";
    private static final String SECRET_CLAIM = "hunter2-password-value";
    private static final String SECRET_JTI = "jti-4f1c2b9e-session";

    private static Claims.Builder sensitiveClaims() {
        return TestKeys.validClaims().subject(SECRET_SUBJECT).claim("password", SECRET_CLAIM).jwtId(SECRET_JTI);
    }

    /** What must not leak from a token: its segments after the header, and every claim value. */
    private static List<String> secretsOf(String token) {
        List<String> out = new ArrayList<>(List.of(TokenForge.segment(token, 2).substring(0, 16),
                TokenForge.segment(token, 1).substring(0, 16), SECRET_SUBJECT, SECRET_CLAIM, SECRET_JTI,
                TestKeys.AUDIENCE + "x", "billing-secret-aud", "https://issuer-secret.example"));
        Claims claims = Jwt.decodeUnverified(token).claims();
        for (String time : List.of("exp", "nbf", "iat")) {
            claims.getInstant(time).ifPresent(t -> {
                out.add(String.valueOf(t.getEpochSecond()));
                out.add(t.toString().substring(0, 16));
            });
        }
        return out;
    }

    @Test
    void verifiedTokensPrintNoTokenAndNoClaimValues() {
        Jwk key = TestKeys.HS256;
        String token = TestKeys.signer(key).sign(sensitiveClaims().build());
        VerifiedJwt jwt = TestKeys.verifier(key).build().verify(token);
        assertThat(jwt.toString()).doesNotContain(secretsOf(token)).doesNotContain(secretsOf(key)).contains("password");
        assertThat(jwt.claims().toString()).doesNotContain(secretsOf(token));
        assertThat(Jwt.decodeUnverified(token).toString()).doesNotContain(secretsOf(token));
        VerifiedJws jws = JwsVerifier.builder().key(key).build().verify(token);
        assertThat(jws.toString()).doesNotContain(secretsOf(token)).doesNotContain(secretsOf(key));
        assertThat(UnverifiedJws.decode(token, Limits.DEFAULT).toString()).doesNotContain(secretsOf(token));
    }

    /** One rejection per claims-stage reason and a few structural ones, all of tokens full of sensitive values. */
    @Test
    void rejectionMessagesContainNoSignatureKeyOrClaimValue() {
        Jwk key = TestKeys.HS256;
        JwtSigner signer = TestKeys.signer(key);
        JwtVerifier verifier = TestKeys.verifier(key).build();
        List<String> tokens = new ArrayList<>();
        List<ThrowingCallable> calls = new ArrayList<>();

        String expired = signer.sign(sensitiveClaims().expiresAt(NOW.minusSeconds(5)).build());
        String early = signer.sign(sensitiveClaims().notBefore(NOW.plusSeconds(3600)).build());
        String wrongIss = signer.sign(sensitiveClaims().issuer("https://issuer-secret.example").build());
        String wrongAud = signer.sign(sensitiveClaims().audience(List.of("billing-secret-aud", TestKeys.AUDIENCE + "x"))
                .build());
        String valid = signer.sign(sensitiveClaims().build());
        String tampered = TokenForge.withSegment(valid, 1, TokenForge.b64(sensitiveClaims().subject("admin").build().toJson()));
        String badJson = TokenForge.sign(key, "HS256", "{\"alg\":\"HS256\",\"kid\":\"hs256\"}",
                "{\"sub\":" + SECRET_SUBJECT + ",\"password\":" + SECRET_CLAIM + "}");
        String badExp = TokenForge.sign(key, "HS256", "{\"alg\":\"HS256\",\"kid\":\"hs256\"}",
                "{\"sub\":\"" + SECRET_SUBJECT + "\",\"exp\":\"" + SECRET_CLAIM + "\"}");
        tokens.addAll(List.of(expired, early, wrongIss, wrongAud, valid, tampered));

        calls.add(() -> verifier.verify(expired));
        calls.add(() -> verifier.verify(early));
        calls.add(() -> verifier.verify(wrongIss));
        calls.add(() -> verifier.verify(wrongAud));
        calls.add(() -> verifier.verify(tampered));
        calls.add(() -> verifier.verify(badJson));
        calls.add(() -> verifier.verify(badExp));
        calls.add(() -> Jwt.decodeUnverified(badJson));
        calls.add(() -> TestKeys.verifier(key).expectType("at+jwt").build().verify(valid));
        calls.add(() -> TestKeys.verifier(key).requireClaims("scope").build().verify(valid));
        calls.add(() -> TestKeys.verifier(key).revocationCheck(c -> true).build().verify(valid));
        calls.add(() -> TestKeys.verifier(key).leeway(java.time.Duration.ofSeconds(1)).build().verify(expired));
        calls.add(() -> Claims.parse(TokenForge.unb64(TokenForge.segment(badJson, 1)), Limits.DEFAULT));

        List<String> forbidden = new ArrayList<>(secretsOf(key));
        for (String t : tokens) {
            forbidden.addAll(secretsOf(t));
        }
        forbidden.addAll(List.of(TokenForge.segment(badJson, 2).substring(0, 16), TokenForge.segment(badExp, 2)
                .substring(0, 16), Instant.ofEpochSecond(NOW.getEpochSecond() + 3600).toString().substring(0, 16)));
        for (ThrowingCallable call : calls) {
            Throwable t = catchThrowable(call);
            assertThat(t).isInstanceOf(JoseException.class);
            assertThat(t.getMessage()).as("message of %s", ((JoseException) t).reason()).doesNotContain(forbidden);
        }
    }

    @Test
    void jweObjectsAndRejectionsPrintNoKeyAndNoPlaintext() {
        OctJwk key = OctJwk.of("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
        String secretB64 = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(key.secretBytes());
        dev.hallmark.jwe.JweEncrypter encrypter = dev.hallmark.jwe.JweEncrypter.builder(key).build();
        String token = encrypter.encrypt("the launch code is 0000");
        dev.hallmark.jwe.JweDecrypter decrypter = dev.hallmark.jwe.JweDecrypter.builder().key(key).build();
        dev.hallmark.jwe.DecryptedJwe jwe = decrypter.decrypt(token);
        for (Object o : new Object[] {encrypter, decrypter, jwe, jwe.header()}) {
            assertThat(o.toString()).doesNotContain(secretB64).doesNotContain("launch code")
                    .doesNotContain("0123456789abcdef");
        }
        Throwable wrong = catchThrowable(() -> dev.hallmark.jwe.JweDecrypter.builder()
                .key(OctJwk.of(new byte[32])).build().decrypt(token));
        assertThat(wrong.getMessage()).isEqualTo("DECRYPTION_FAILED: the JWE could not be decrypted");
    }

    @Test
    void malformedKeyJsonDoesNotEchoTheSecret() {
        // a hand-edited key file with an unquoted secret must not put the secret into logs via the error
        String secret = "c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3JldA";
        for (ThrowingCallable call : List.<ThrowingCallable>of(
                () -> Jwk.parse("{\"kty\":\"oct\",\"k\":" + secret + "}"),
                () -> Jwk.parse("{\"kty\":\"oct\",\"k\":\"" + secret + "\" \"" + secret + "\"}"),
                () -> JwkSet.parse("{\"keys\":[{\"kty\":\"oct\",\"k\":" + secret + "}]}"),
                () -> Jwk.parse("{\"kty\":\"EC\",\"crv\":\"P-256\",\"d\":" + secret + "x}"))) {
            Throwable t = catchThrowable(call);
            assertThat(t).isInstanceOf(JoseException.class);
            assertThat(((JoseException) t).reason()).isEqualTo(Reason.MALFORMED);
            assertThat(t.getMessage()).doesNotContain(secret.substring(0, 12));
        }
    }

    @Test
    void invalidKeyMaterialIsNotEchoed() {
        // a private EC scalar out of range, and an oct key too short for its alg
        String d = TokenForge.b64(new byte[32]).replace('A', '_');
        Throwable t = catchThrowable(() -> Jwk.parse("{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"" + jsonOf(TestKeys.ES256, "x")
                + "\",\"y\":\"" + jsonOf(TestKeys.ES256, "y") + "\",\"d\":\"" + d + "\"}"));
        assertThat(t).isInstanceOf(JoseException.class);
        assertThat(t.getMessage()).doesNotContain(d.substring(0, 12));
        String k = TokenForge.b64("short-but-secret-value".getBytes(StandardCharsets.US_ASCII));
        Throwable weak = catchThrowable(() -> Jwk.parse("{\"kty\":\"oct\",\"alg\":\"HS256\",\"k\":\"" + k + "\"}"));
        assertThat(weak).isInstanceOf(JoseException.class);
        assertThat(weak.getMessage()).doesNotContain(k.substring(0, 12), "short-but-secret");
    }

    private static String jsonOf(Jwk key, String member) {
        return (String) StrictJson.parseObject(key.toPublicJson(), Limits.DEFAULT, "key").get(member);
    }
}
