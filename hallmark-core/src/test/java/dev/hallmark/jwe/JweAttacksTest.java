package dev.hallmark.jwe;

import dev.hallmark.JoseException;
import dev.hallmark.Limits;
import dev.hallmark.Reason;
import dev.hallmark.internal.codec.Base64Url;
import dev.hallmark.jwk.Jwk;
import dev.hallmark.jwk.KeyGenerator;
import dev.hallmark.jwk.OctJwk;
import dev.hallmark.jws.JwsSigner;
import dev.hallmark.jws.JwsVerifier;
import dev.hallmark.jwt.Claims;
import dev.hallmark.jwt.JwtSigner;
import dev.hallmark.jwt.JwtVerifier;
import dev.hallmark.vectors.VectorFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static dev.hallmark.vectors.JoseAssertions.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Hostile JWEs: cost attacks, invalid curves, tampering, wrong keys and type confusion, each with its reason. */
class JweAttacksTest {

    private static final byte[] PLAINTEXT = "{\"sub\":\"alice\"}".getBytes(StandardCharsets.UTF_8);

    // ---- PBES2: the cost is checked before any derivation ----

    private static String pbes2Token() {
        return JweEncrypter.builder().recipient(JweTestKeys.PASSWORD, JweAlgorithm.PBES2_HS256_A128KW)
                .pbes2Iterations(1000).build().encrypt(PLAINTEXT);
    }

    private static JweDecrypter pbes2Decrypter() {
        return JweDecrypter.builder().key(JweTestKeys.PASSWORD).algorithms(JweAlgorithm.PBES2_HS256_A128KW).build();
    }

    @Test
    void pbes2RoundTripsWithinTheCap() {
        assertThat(pbes2Decrypter().decrypt(pbes2Token()).plaintext()).isEqualTo(PLAINTEXT);
    }

    /**
     * A p2c of 2^31-1 would take hours of PBKDF2 if it were run; the rejection returning at all shows the cap is
     * checked first. A p2c beyond any integer type is refused the same way.
     */
    @ParameterizedTest
    @ValueSource(strings = {"310001", "2147483647", "9223372036854775807", "100000000000000000000000000000"})
    void p2cOverTheCapIsTooLargeBeforeDerivation(String p2c) {
        String token = withHeader(pbes2Token(), h -> h.put("p2c", new BigInteger(p2c)));
        assertRejected(() -> pbes2Decrypter().decrypt(token), Reason.TOO_LARGE);
    }

    @Test
    void p2cCapIsConfigurable() {
        String token = pbes2Token();
        JweDecrypter strict = JweDecrypter.builder().key(JweTestKeys.PASSWORD)
                .algorithms(JweAlgorithm.PBES2_HS256_A128KW).limits(Limits.builder().maxPbes2Iterations(999).build())
                .build();
        assertRejected(() -> strict.decrypt(token), Reason.TOO_LARGE);
    }

    /**
     * The cap bounds the PBKDF2 work of a whole JWE, not of each recipient: eight PBES2 recipients at 200,000 each
     * would otherwise cost 1.6 million iterations for one token. The first recipient is tried, the second is
     * refused before its derivation.
     */
    @Test
    void pbes2WorkIsCappedPerJweNotPerRecipient() {
        JweEncrypter.Builder b = JweEncrypter.builder().pbes2Iterations(200_000);
        for (int i = 0; i < 8; i++) {
            b.recipient(OctJwk.of(("other password " + i).getBytes(StandardCharsets.UTF_8)),
                    JweAlgorithm.PBES2_HS256_A128KW);
        }
        String json = b.build().encryptJson(PLAINTEXT);
        JoseException e = catchThrowableOfType(() -> pbes2Decrypter().decryptJson(json), JoseException.class);
        assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE);
        assertThat(e.getMessage()).contains("PBES2 work for this JWE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1"})
    void p2cMustBePositive(String p2c) {
        String token = withHeader(pbes2Token(), h -> h.put("p2c", new BigInteger(p2c)));
        assertRejected(() -> pbes2Decrypter().decrypt(token), Reason.MALFORMED);
    }

    @Test
    void p2cMustBeAnInteger() {
        String token = withHeader(pbes2Token(), h -> h.put("p2c", "1000"));
        assertRejected(() -> pbes2Decrypter().decrypt(token), Reason.MALFORMED);
    }

    @Test
    void p2sShorterThanEightBytesIsMalformed() {
        String token = withHeader(pbes2Token(), h -> h.put("p2s", Base64Url.encode(new byte[7])));
        assertRejected(() -> pbes2Decrypter().decrypt(token), Reason.MALFORMED);
        String missing = withHeader(pbes2Token(), h -> h.remove("p2s"));
        assertRejected(() -> pbes2Decrypter().decrypt(missing), Reason.MALFORMED);
    }

    @Test
    void pbes2NeedsThePasswordMarkedOrAllowedByName() {
        JweDecrypter byType = JweDecrypter.builder().key(JweTestKeys.PASSWORD).build();
        assertRejected(() -> byType.decrypt(pbes2Token()), Reason.ALG_NOT_ALLOWED);
        Jwk marked = JweTestKeys.PASSWORD.withAlgorithm("PBES2-HS256+A128KW");
        assertThat(JweDecrypter.builder().key(marked).build().decrypt(pbes2Token()).plaintext()).isEqualTo(PLAINTEXT);
    }

    // ---- DEFLATE: off by default, capped when on ----

    /** One MiB of zeros deflates to about a kilobyte; inflated it is four times the default cap. */
    @Test
    void zipBombIsTooLarge() {
        OctJwk key = JweTestKeys.secret(32);
        String token = JweEncrypter.builder(key).compress().build().encrypt(new byte[1024 * 1024]);
        assertThat(token.length()).isLessThan(2000);
        JweDecrypter decrypter = JweDecrypter.builder().key(key).allowCompression().build();
        assertRejected(() -> decrypter.decrypt(token), Reason.TOO_LARGE);
        JweDecrypter roomy = JweDecrypter.builder().key(key).allowCompression()
                .limits(Limits.builder().maxInflatedBytes(2 * 1024 * 1024).build()).build();
        assertThat(roomy.decrypt(token).plaintext()).hasSize(1024 * 1024);
    }

    @Test
    void compressionIsRefusedUnlessEnabled() {
        OctJwk key = JweTestKeys.secret(32);
        String token = JweEncrypter.builder(key).compress().build().encrypt(PLAINTEXT);
        assertRejected(() -> JweDecrypter.builder().key(key).build().decrypt(token), Reason.ALG_NOT_ALLOWED);
        assertThat(JweDecrypter.builder().key(key).allowCompression().build().decrypt(token).plaintext())
                .isEqualTo(PLAINTEXT);
    }

    @Test
    void unknownOrUnprotectedZipIsMalformed() {
        OctJwk key = JweTestKeys.secret(32);
        JweDecrypter decrypter = JweDecrypter.builder().key(key).allowCompression().build();
        String gzip = withHeader(JweEncrypter.builder(key).build().encrypt(PLAINTEXT), h -> h.put("zip", "GZIP"));
        assertRejected(() -> decrypter.decrypt(gzip), Reason.MALFORMED);
        String json = JweEncrypter.builder(key).build().encryptJson(PLAINTEXT);
        Map<String, Object> doc = object(VectorFiles.parse(json));
        doc.put("unprotected", Map.of("zip", "DEF"));
        assertRejected(() -> decrypter.decryptJson(VectorFiles.write(doc)), Reason.MALFORMED);
    }

    // ---- ECDH-ES: the ephemeral key is validated before use ----

    static Stream<Arguments> badEpks() {
        Map<String, Object> p256 = Map.of("kty", "EC", "crv", "P-256");
        String x = "gI0GAILBdu7T53akrFmMyGcsF3n5dO7MmwNBHKW5SV0";
        String y = "SLW_xSffzlPWrHEVI30DHM_4egVwt3NQqeUD7nMFpps";
        String yPlusOne = "SLW_xSffzlPWrHEVI30DHM_4egVwt3NQqeUD7nMFpp0";
        String zero32 = Base64Url.encode(new byte[32]);
        String p384X = Base64Url.encode(new byte[48]);
        List<Arguments> out = new ArrayList<>();
        out.add(Arguments.of("off the curve (y + 1)", JweTestKeys.P256, with(p256, "x", x, "y", yPlusOne)));
        out.add(Arguments.of("(0, 0), standing in for the identity", JweTestKeys.P256, with(p256, "x", zero32, "y", zero32)));
        out.add(Arguments.of("a P-384 point for a P-256 key", JweTestKeys.P256,
                Map.of("kty", "EC", "crv", "P-384", "x", p384X, "y", p384X)));
        out.add(Arguments.of("coordinates of the wrong length", JweTestKeys.P256,
                with(p256, "x", Base64Url.encode(new byte[31]), "y", y)));
        out.add(Arguments.of("an OKP key for an EC recipient", JweTestKeys.P256,
                Map.of("kty", "OKP", "crv", "X25519", "x", zero32)));
        out.add(Arguments.of("a private epk", JweTestKeys.P256, with(p256, "x", x, "y", y, "d", zero32)));
        for (String u : List.of(
                "0000000000000000000000000000000000000000000000000000000000000000",
                "0100000000000000000000000000000000000000000000000000000000000000",
                "e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800",
                "5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157",
                "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f")) {
            out.add(Arguments.of("X25519 low-order point " + u, JweTestKeys.X25519,
                    Map.of("kty", "OKP", "crv", "X25519", "x", Base64Url.encode(HexFormat.of().parseHex(u)))));
        }
        out.add(Arguments.of("X448 point 0", JweTestKeys.X448,
                Map.of("kty", "OKP", "crv", "X448", "x", Base64Url.encode(new byte[56]))));
        byte[] one = new byte[56];
        one[0] = 1;
        out.add(Arguments.of("X448 point 1", JweTestKeys.X448,
                Map.of("kty", "OKP", "crv", "X448", "x", Base64Url.encode(one))));
        out.add(Arguments.of("an X448 key for an X25519 recipient", JweTestKeys.X25519,
                Map.of("kty", "OKP", "crv", "X448", "x", Base64Url.encode(one))));
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badEpks")
    void invalidEphemeralKeysFailAsDecryption(String name, Jwk recipient, Map<String, Object> epk) {
        for (JweAlgorithm alg : List.of(JweAlgorithm.ECDH_ES, JweAlgorithm.ECDH_ES_A256KW)) {
            String good = JweEncrypter.builder().recipient(recipient.toPublicJwk(), alg).build().encrypt(PLAINTEXT);
            String token = withHeader(good, h -> h.put("epk", epk));
            JweDecrypter decrypter = JweDecrypter.builder().key(recipient).build();
            assertThat(decrypter.decrypt(good).plaintext()).isEqualTo(PLAINTEXT);
            assertDecryptionFailed(() -> decrypter.decrypt(token));
        }
    }

    @Test
    void missingEpkIsMalformed() {
        String token = withHeader(JweEncrypter.builder(JweTestKeys.P256.toPublicJwk()).build().encrypt(PLAINTEXT),
                h -> h.remove("epk"));
        assertRejected(() -> JweDecrypter.builder().key(JweTestKeys.P256).build().decrypt(token), Reason.MALFORMED);
    }

    // ---- tampering: every bit of every segment, truncated tags ----

    static Stream<Arguments> tokens() {
        return Stream.of(
                Arguments.of("A256KW A256GCM", JweTestKeys.secret(32), JweAlgorithm.A256KW, ContentEncryption.A256GCM),
                Arguments.of("RSA-OAEP-256 A128CBC-HS256", JweTestKeys.RSA, JweAlgorithm.RSA_OAEP_256,
                        ContentEncryption.A128CBC_HS256),
                Arguments.of("ECDH-ES A256GCM", JweTestKeys.P256, JweAlgorithm.ECDH_ES, ContentEncryption.A256GCM),
                Arguments.of("ECDH-ES+A128KW A256CBC-HS512", JweTestKeys.X25519, JweAlgorithm.ECDH_ES_A128KW,
                        ContentEncryption.A256CBC_HS512),
                Arguments.of("A128GCMKW A192GCM", JweTestKeys.secret(16), JweAlgorithm.A128GCMKW, ContentEncryption.A192GCM),
                Arguments.of("dir A192CBC-HS384", JweTestKeys.secret(48), JweAlgorithm.DIR, ContentEncryption.A192CBC_HS384));
    }

    /**
     * Each bit of the encrypted key, IV, ciphertext and tag flipped in turn: always {@code DECRYPTION_FAILED} with
     * the same message. Header bits flipped: whatever step notices first (a header that is no longer JSON is
     * {@code MALFORMED}), and never a decryption.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("tokens")
    void everyFlippedBitIsRejected(String name, Jwk key, JweAlgorithm alg, ContentEncryption enc) {
        String token = JweEncrypter.builder().recipient(JweRoundTripTest.publicForm(key), alg).encryption(enc).build()
                .encrypt(PLAINTEXT);
        JweDecrypter decrypter = JweDecrypter.builder().key(key).build();
        String[] parts = token.split("\\.", -1);
        for (int segment = 0; segment < 5; segment++) {
            byte[] bytes = Base64Url.decode(parts[segment], "segment");
            for (int bit = 0; bit < bytes.length * 8; bit++) {
                byte[] flipped = bytes.clone();
                flipped[bit / 8] ^= (byte) (1 << (bit % 8));
                String[] copy = parts.clone();
                copy[segment] = Base64Url.encode(flipped);
                String forged = String.join(".", copy);
                JoseException e = catchThrowableOfType(() -> decrypter.decrypt(forged), JoseException.class);
                assertThat(e).as("segment %d bit %d", segment, bit).isNotNull();
                if (segment > 0) {
                    assertThat(e.getMessage()).isEqualTo("DECRYPTION_FAILED: the JWE could not be decrypted");
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tokens")
    void truncatedOrExtendedTagIsRejected(String name, Jwk key, JweAlgorithm alg, ContentEncryption enc) {
        String token = JweEncrypter.builder().recipient(JweRoundTripTest.publicForm(key), alg).encryption(enc).build()
                .encrypt(PLAINTEXT);
        JweDecrypter decrypter = JweDecrypter.builder().key(key).build();
        String[] parts = token.split("\\.", -1);
        byte[] tag = Base64Url.decode(parts[4], "tag");
        for (int len : new int[] {0, 1, tag.length / 2, tag.length - 1, tag.length + 1}) {
            byte[] changed = java.util.Arrays.copyOf(tag, len);
            String forged = parts[0] + "." + parts[1] + "." + parts[2] + "." + parts[3] + "." + Base64Url.encode(changed);
            assertDecryptionFailed(() -> decrypter.decrypt(forged));
        }
    }

    @Test
    void wrongKeyFailsAsDecryption() {
        Jwk key = KeyGenerator.forAlgorithm("RSA-OAEP-256").keyId("k1").generate();
        Jwk impostor = KeyGenerator.forAlgorithm("RSA-OAEP-256").keyId("k1").generate();
        String token = JweEncrypter.builder(key.toPublicJwk()).build().encrypt(PLAINTEXT);
        assertDecryptionFailed(() -> JweDecrypter.builder().key(impostor).build().decrypt(token));
        OctJwk secret = JweTestKeys.secret(32);
        String symmetric = JweEncrypter.builder(secret).build().encrypt(PLAINTEXT);
        assertDecryptionFailed(() -> JweDecrypter.builder().key(JweTestKeys.secret(32)).build().decrypt(symmetric));
    }

    // ---- type confusion ----

    @Test
    void jweGivenToJwsAndJwtVerifiersIsMalformed() {
        Jwk signing = KeyGenerator.forAlgorithm("ES256").generate();
        OctJwk secret = JweTestKeys.secret(32);
        JweEncrypter encrypter = JweEncrypter.builder(secret).contentType("JWT").build();
        String signed = JwtSigner.builder(signing).build().sign(Claims.builder().subject("alice").build());
        String compactJwe = encrypter.encrypt(signed);
        JwsVerifier jws = JwsVerifier.builder().key(signing.toPublicJwk()).build();
        JoseException e = catchThrowableOfType(() -> jws.verify(compactJwe), JoseException.class);
        assertThat(e.reason()).isEqualTo(Reason.MALFORMED);
        assertThat(e.getMessage()).contains("JWE, not a JWS");
        assertRejected(() -> jws.verifyJson(encrypter.encryptJson(signed.getBytes(StandardCharsets.US_ASCII))),
                Reason.MALFORMED);
        JwtVerifier jwt = JwtVerifier.builder().key(signing.toPublicJwk()).ignoreIssuer().ignoreAudience()
                .allowMissingExpiration().build();
        JoseException j = catchThrowableOfType(() -> jwt.verify(compactJwe), JoseException.class);
        assertThat(j.reason()).isEqualTo(Reason.MALFORMED);
        assertThat(j.getMessage()).contains("JWE, not a JWS");
    }

    @Test
    void jwsGivenToTheDecrypterIsMalformed() {
        Jwk signing = KeyGenerator.forAlgorithm("ES256").generate();
        String compactJws = JwsSigner.builder(signing).build().sign(PLAINTEXT);
        JweDecrypter decrypter = JweDecrypter.builder().key(JweTestKeys.P256).build();
        JoseException e = catchThrowableOfType(() -> decrypter.decrypt(compactJws), JoseException.class);
        assertThat(e.reason()).isEqualTo(Reason.MALFORMED);
        assertThat(e.getMessage()).contains("JWS, not a JWE");
        String jsonJws = JwsSigner.builder(signing).build().signFlattenedJson(PLAINTEXT);
        JoseException j = catchThrowableOfType(() -> decrypter.decryptJson(jsonJws), JoseException.class);
        assertThat(j.reason()).isEqualTo(Reason.MALFORMED);
        assertThat(j.getMessage()).contains("JWS, not a JWE");
    }

    // ---- policy, header and size ----

    @Test
    void algorithmAndEncryptionPoliciesBind() {
        OctJwk key = JweTestKeys.secret(32);
        String token = JweEncrypter.builder(key).encryption(ContentEncryption.A128CBC_HS256).build().encrypt(PLAINTEXT);
        assertRejected(() -> JweDecrypter.builder().key(key).algorithms(JweAlgorithm.A256GCMKW).build().decrypt(token),
                Reason.ALG_NOT_ALLOWED);
        assertRejected(() -> JweDecrypter.builder().key(key).encryptions(ContentEncryption.A256GCM).build()
                .decrypt(token), Reason.ALG_NOT_ALLOWED);
        String unknown = withHeader(token, h -> h.put("alg", "A512KW"));
        assertRejected(() -> JweDecrypter.builder().key(key).build().decrypt(unknown), Reason.ALG_NOT_ALLOWED);
        String noEnc = withHeader(token, h -> h.remove("enc"));
        assertRejected(() -> JweDecrypter.builder().key(key).build().decrypt(noEnc), Reason.MALFORMED);
        Jwk boundToGcmKw = key.withAlgorithm("A256GCMKW");
        assertRejected(() -> JweDecrypter.builder().key(boundToGcmKw).build().decrypt(token), Reason.ALG_NOT_ALLOWED);
    }

    @Test
    void rsa1_5IsRefusedUnlessEnabled() {
        String token = withHeader(JweEncrypter.builder(JweTestKeys.RSA.toPublicJwk()).build().encrypt(PLAINTEXT),
                h -> h.put("alg", "RSA1_5"));
        assertRejected(() -> JweDecrypter.builder().key(JweTestKeys.RSA).build().decrypt(token), Reason.ALG_NOT_ALLOWED);
        // enabled: an OAEP ciphertext is not PKCS#1 v1.5, so the random CEK takes over and the tag fails
        assertDecryptionFailed(() -> JweDecrypter.builder().key(JweTestKeys.RSA).allowRsa1_5().build().decrypt(token));
    }

    @Test
    void unknownCriticalHeaderIsRejected() {
        OctJwk key = JweTestKeys.secret(32);
        String token = JweEncrypter.builder(key).protectedParameter("crit", List.of("exp")).protectedParameter("exp", 1)
                .build().encrypt(PLAINTEXT);
        assertRejected(() -> JweDecrypter.builder().key(key).build().decrypt(token), Reason.UNSUPPORTED_CRITICAL);
        assertThat(JweDecrypter.builder().key(key).understoodCriticalParameters("exp").build().decrypt(token)
                .header().critical()).containsExactly("exp");
    }

    @Test
    void headerParameterInTwoHeadersIsMalformed() {
        OctJwk key = JweTestKeys.secret(32);
        Map<String, Object> doc = object(VectorFiles.parse(JweEncrypter.builder(key).build().encryptJson(PLAINTEXT)));
        doc.put("unprotected", Map.of("enc", "A256GCM"));
        assertRejected(() -> JweDecrypter.builder().key(key).build().decryptJson(VectorFiles.write(doc)), Reason.MALFORMED);
    }

    @Test
    void sizeLimitsApply() {
        OctJwk key = JweTestKeys.secret(32);
        String big = JweEncrypter.builder(key).build().encrypt(new byte[70 * 1024]);
        assertRejected(() -> JweDecrypter.builder().key(key).build().decrypt(big), Reason.TOO_LARGE);
        JweEncrypter.Builder many = JweEncrypter.builder();
        for (int i = 0; i < 9; i++) {
            many.recipient(JweTestKeys.secret(16));
        }
        String crowd = many.build().encryptJson(PLAINTEXT);
        assertRejected(() -> JweDecrypter.builder().key(key).build().decryptJson(crowd), Reason.TOO_LARGE);
    }

    @Test
    void kidSelectsExactlyOneKey() {
        Jwk a = KeyGenerator.forAlgorithm("ECDH-ES+A256KW").keyId("a").generate();
        Jwk b = KeyGenerator.forAlgorithm("ECDH-ES+A256KW").keyId("b").generate();
        String token = JweEncrypter.builder(a.toPublicJwk()).build().encrypt(PLAINTEXT);
        assertThat(JweDecrypter.builder().keys(dev.hallmark.jwk.KeySource.of(b, a)).build().decrypt(token)
                .key().keyId()).contains("a");
        assertRejected(() -> JweDecrypter.builder().key(b).build().decrypt(token), Reason.KEY_NOT_FOUND);
        assertRejected(() -> JweDecrypter.builder().key(a.toPublicJwk()).build().decrypt(token), Reason.KEY_NOT_FOUND);
    }

    @Test
    void decryptedJweSaysNothingSecret() {
        OctJwk key = JweTestKeys.secret(32);
        DecryptedJwe result = JweDecrypter.builder().key(key).build()
                .decrypt(JweEncrypter.builder(key).build().encrypt(PLAINTEXT));
        assertThat(result.toString()).doesNotContain("alice").contains("A256KW");
    }

    // ---- helpers ----

    static void assertDecryptionFailed(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        JoseException e = catchThrowableOfType(call, JoseException.class);
        assertThat(e).isNotNull();
        assertThat(e.reason()).isEqualTo(Reason.DECRYPTION_FAILED);
        assertThat(e.getMessage()).isEqualTo("DECRYPTION_FAILED: the JWE could not be decrypted");
    }

    /** The compact token with its protected header changed (the tag no longer matches, which is the point). */
    static String withHeader(String compact, Consumer<Map<String, Object>> change) {
        int dot = compact.indexOf('.');
        Map<String, Object> header = object(VectorFiles.parse(new String(Base64Url.decode(compact.substring(0, dot),
                "header"), StandardCharsets.UTF_8)));
        change.accept(header);
        return Base64Url.encode(VectorFiles.write(header).getBytes(StandardCharsets.UTF_8)) + compact.substring(dot);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Object parsed) {
        return new LinkedHashMap<>((Map<String, Object>) parsed);
    }

    private static Map<String, Object> with(Map<String, Object> base, String... kv) {
        Map<String, Object> m = new LinkedHashMap<>(base);
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }
}
