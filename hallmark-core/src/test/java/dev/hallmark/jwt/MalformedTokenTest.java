package dev.hallmark.jwt;

import dev.hallmark.JoseException;
import dev.hallmark.Limits;
import dev.hallmark.Reason;
import dev.hallmark.jwk.Jwk;
import dev.hallmark.jws.JwsVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;

import static dev.hallmark.Rejection.assertRejected;
import static dev.hallmark.jwt.TestKeys.validClaims;
import static dev.hallmark.jwt.TokenForge.b64;
import static dev.hallmark.jwt.TokenForge.segment;
import static dev.hallmark.jwt.TokenForge.unb64;
import static dev.hallmark.jwt.TokenForge.withSegment;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The structure of a compact JWS (RFC 7515 §7.1): exactly three segments of strict base64url (RFC 7515 §2: no
 * padding, no whitespace, no {@code +} or {@code /}, zero spare bits), bounded in size before anything is parsed.
 * Each rejection comes from the structure alone: the tokens are otherwise genuine, so a lenient parser would
 * accept several of them.
 */
class MalformedTokenTest {

    private static final Jwk KEY = TestKeys.ES256;
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private static JwtVerifier verifier() {
        return TestKeys.verifier(KEY).build();
    }

    /**
     * A genuine ES256 token whose three segments all end in a partial base64 group (length not a multiple of 4), so
     * each has spare bits and a padded form. The signature (64 bytes) always does; header and payload are grown
     * by a member until they do.
     */
    private static String tokenWithPartialGroups() {
        for (int i = 0; i < 9; i++) {
            String header = "{\"alg\":\"ES256\",\"kid\":\"es256\",\"typ\":\"JWT\",\"x\":\"" + "h".repeat(i % 3) + "\"}";
            String payload = validClaims().claim("x", "p".repeat(i / 3)).build().toJson();
            if (header.length() % 3 != 0 && TokenForge.utf8(payload).length % 3 != 0) {
                String token = TokenForge.sign(KEY, "ES256", header, payload);
                assertThat(verifier().verify(token)).isNotNull();
                return token;
            }
        }
        throw new IllegalStateException("no length combination found");
    }

    // ---- parts and dots ----

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", ".", "..", "...", "a", "a.b", "a.b.c.d", "a.b.c.d.e.f", "....", ".b.c", "eyJhbGciOiJFUzI1NiJ9"})
    void notThreeSegments(String token) {
        assertRejected(() -> verifier().verify(token), Reason.MALFORMED);
    }

    @Test
    void genuineTokenWithASegmentMissingOrAdded() {
        String token = TestKeys.signer(KEY).sign(validClaims().build());
        String[] p = token.split("\\.");
        for (String bad : new String[] {p[0] + "." + p[1], p[1] + "." + p[2], token + ".", "." + token, token + "." + p[2],
                p[0] + "." + p[1] + ".." + p[2]}) {
            assertRejected(() -> verifier().verify(bad), Reason.MALFORMED);
        }
        // an empty payload segment is well-formed (RFC 7515 allows an empty payload): the signature decides
        assertRejected(() -> verifier().verify(p[0] + ".." + p[2]), Reason.BAD_SIGNATURE);
    }

    @Test
    void aJweGivenToAJwsVerifier() {
        // the compact JWE form: five segments (RFC 7516 §7.1)
        String jwe = b64("{\"alg\":\"dir\",\"enc\":\"A256GCM\",\"kid\":\"es256\"}") + ".." + b64(new byte[12]) + "."
                + b64("ciphertext") + "." + b64(new byte[16]);
        JoseException e = assertRejected(() -> verifier().verify(jwe), Reason.MALFORMED);
        assertThat(e.getMessage()).contains("JWE");
        assertRejected(() -> JwsVerifier.builder().key(KEY.toPublicJwk()).build().verify(jwe), Reason.MALFORMED);
        assertRejected(() -> Jwt.decodeUnverified(jwe), Reason.MALFORMED);
        String rsaOaepJwe = b64("{\"alg\":\"RSA-OAEP\",\"enc\":\"A128GCM\"}") + "." + b64(new byte[256]) + "."
                + b64(new byte[12]) + "." + b64("x") + "." + b64(new byte[16]);
        assertRejected(() -> verifier().verify(rsaOaepJwe), Reason.MALFORMED);
    }

    @Test
    void aJweJsonSerializationGivenToAJwsVerifier() {
        String json = "{\"protected\":\"" + b64("{\"enc\":\"A256GCM\"}") + "\",\"recipients\":[{\"header\":{\"alg\":\"dir\"}}],"
                + "\"iv\":\"AAAAAAAAAAAAAAAA\",\"ciphertext\":\"AAAA\",\"tag\":\"AAAAAAAAAAAAAAAAAAAAAA\"}";
        assertRejected(() -> JwsVerifier.builder().key(KEY.toPublicJwk()).build().verifyJson(json), Reason.MALFORMED);
    }

    @Test
    void aTokenOfOneHundredThousandDotsIsRefusedBySize() {
        String dots = ".".repeat(100_000);
        JoseException e = assertRejected(() -> verifier().verify(dots), Reason.TOO_LARGE);
        assertThat(e.getMessage()).hasSizeLessThan(200);
        assertRejected(() -> Jwt.decodeUnverified(dots), Reason.TOO_LARGE);
    }

    @Test
    void aTokenOfOneHundredThousandDotsUnderARaisedSizeLimitIsSplitInOneBoundedPass() {
        Limits roomy = Limits.builder().maxTokenBytes(200_000).build();
        JwtVerifier verifier = TestKeys.verifier(KEY).limits(roomy).build();
        String token = TestKeys.signer(KEY).sign(validClaims().build());
        for (String many : new String[] {".".repeat(100_000), token + ".".repeat(100_000), "a.".repeat(90_000)}) {
            JoseException e = assertRejected(() -> verifier.verify(many), Reason.MALFORMED);
            // the message reports the count without echoing the input
            assertThat(e.getMessage()).hasSizeLessThan(200);
        }
    }

    // ---- characters outside base64url ----

    @ParameterizedTest(name = "segment {0}")
    @ValueSource(ints = {0, 1, 2})
    void paddingIsRefused(int index) {
        String token = tokenWithPartialGroups();
        String seg = segment(token, index);
        String padded = seg + "=".repeat(4 - seg.length() % 4);
        // java.util.Base64 reads the padded form as the same bytes: a lenient verifier would accept it
        assertThat(unb64(padded)).isEqualTo(unb64(seg));
        assertRejected(() -> verifier().verify(withSegment(token, index, padded)), Reason.MALFORMED);
        assertRejected(() -> verifier().verify(withSegment(token, index, seg + "=")), Reason.MALFORMED);
    }

    @ParameterizedTest(name = "segment {0}")
    @ValueSource(ints = {0, 1, 2})
    void spareBitsMustBeZero(int index) {
        String token = tokenWithPartialGroups();
        String seg = segment(token, index);
        char last = seg.charAt(seg.length() - 1);
        String twin = seg.substring(0, seg.length() - 1) + ALPHABET.charAt(ALPHABET.indexOf(last) | 1);
        assertThat(twin).isNotEqualTo(seg);
        // the same bytes under a lenient decoder: a second encoding of the same token
        assertThat(unb64(twin)).isEqualTo(unb64(seg));
        assertRejected(() -> verifier().verify(withSegment(token, index, twin)), Reason.MALFORMED);
    }

    @ParameterizedTest(name = "segment {0}")
    @ValueSource(ints = {0, 1, 2})
    void whitespaceIsRefused(int index) {
        String token = tokenWithPartialGroups();
        String seg = segment(token, index);
        for (String ws : new String[] {" ", "\n", "\r\n", "\t", "\u00a0", "\u2028"}) {
            String spaced = seg.substring(0, 4) + ws + seg.substring(4);
            assertRejected(() -> verifier().verify(withSegment(token, index, spaced)), Reason.MALFORMED);
            assertRejected(() -> verifier().verify(withSegment(token, index, seg + ws)), Reason.MALFORMED);
        }
    }

    @ParameterizedTest(name = "segment {0}")
    @ValueSource(ints = {0, 1, 2})
    void theStandardAlphabetIsRefused(int index) {
        String token = tokenWithPartialGroups();
        String seg = segment(token, index);
        String standard = seg.replace('-', '+').replace('_', '/');
        if (!standard.equals(seg)) {
            assertRejected(() -> verifier().verify(withSegment(token, index, standard)), Reason.MALFORMED);
        }
        for (char c : new char[] {'+', '/', '*', '~', '!', '$'}) {
            String odd = seg.substring(0, 2) + c + seg.substring(3);
            assertRejected(() -> verifier().verify(withSegment(token, index, odd)), Reason.MALFORMED);
        }
    }

    @ParameterizedTest(name = "segment {0}")
    @ValueSource(ints = {0, 1, 2})
    void aLengthOfOneModuloFourIsRefused(int index) {
        String token = tokenWithPartialGroups();
        String seg = segment(token, index);
        String cut = seg.substring(0, seg.length() - seg.length() % 4) + "A";
        assertRejected(() -> verifier().verify(withSegment(token, index, cut)), Reason.MALFORMED);
    }

    @Test
    void surroundingWhitespaceAndSchemesAreNotStripped() {
        String token = TestKeys.signer(KEY).sign(validClaims().build());
        for (String bad : new String[] {" " + token, token + " ", token + "\n", "Bearer " + token, "\"" + token + "\"",
                token + "\u0000"}) {
            assertRejected(() -> verifier().verify(bad), Reason.MALFORMED);
        }
    }

    // ---- size ----

    @Test
    void twoMegabyteTokenIsRefusedBeforeParsing() {
        // a 2 MB string that is not even base64url: only a size check that runs first can call it TOO_LARGE
        char[] junk = new char[2 * 1024 * 1024];
        Arrays.fill(junk, '\u0000');
        String token = new String(junk);
        assertRejected(() -> verifier().verify(token), Reason.TOO_LARGE);
        assertRejected(() -> Jwt.decodeUnverified(token), Reason.TOO_LARGE);
        assertRejected(() -> JwsVerifier.builder().key(KEY.toPublicJwk()).build().verifyJson(token), Reason.TOO_LARGE);

        String genuineButHuge = TestKeys.signer(KEY).sign(validClaims().claim("blob", "x".repeat(2_000_000)).build());
        assertRejected(() -> verifier().verify(genuineButHuge), Reason.TOO_LARGE);
    }

    @Test
    void theSizeLimitIsInclusive() {
        String token = TestKeys.signer(KEY).sign(validClaims().build());
        JwtVerifier exact = TestKeys.verifier(KEY).limits(Limits.builder().maxTokenBytes(token.length()).build()).build();
        assertThat(exact.verify(token)).isNotNull();
        JwtVerifier oneLess = TestKeys.verifier(KEY).limits(Limits.builder().maxTokenBytes(token.length() - 1).build())
                .build();
        assertRejected(() -> oneLess.verify(token), Reason.TOO_LARGE);
    }

    // ---- header structure ----

    @ParameterizedTest(name = "header {0}")
    @ValueSource(strings = {"{}", "{\"alg\":null}", "{\"alg\":256}", "{\"alg\":[\"ES256\"]}", "{\"alg\":{}}",
        "[\"ES256\"]", "\"ES256\"", "null", "", "{\"alg\":\"ES256\"", "{\"alg\":\"ES256\"}x", "{\"alg\":\"ES256\"}{}",
        "{\"alg\":\"ES256\",\"typ\":1}", "{\"alg\":\"ES256\",\"cty\":false}", "{\"alg\":\"ES256\",\"jku\":[]}",
        "{\"alg\":\"ES256\",\"jwk\":\"key\"}", "{\"alg\":\"ES256\",\"x5c\":\"cert\"}", "{'alg':'ES256'}",
        "{alg:\"ES256\"}", "{\"alg\":\"ES256\",}", "{\"alg\":\"ES256\"/*c*/}"})
    void headerThatIsNotAValidJoseHeader(String header) {
        String token = TokenForge.sign(KEY, "ES256", header, TestKeys.validPayloadJson());
        assertRejected(() -> verifier().verify(token), Reason.MALFORMED);
        assertRejected(() -> Jwt.decodeUnverified(token), Reason.MALFORMED);
    }

    @ParameterizedTest(name = "payload {0}")
    @ValueSource(strings = {"", "null", "[]", "\"claims\"", "42", "{", "{\"sub\":\"a\"}}", "{\"sub\":\"a\"} {}",
        "{\"iss\":1}", "{\"sub\":[\"a\"]}", "{\"jti\":true}", "{\"aud\":1}", "{\"aud\":[\"a\",1]}", "{\"aud\":null}"})
    void signedPayloadThatIsNotAClaimsSet(String payload) {
        String token = TokenForge.sign(KEY, "ES256", "{\"alg\":\"ES256\",\"kid\":\"es256\"}", payload);
        assertRejected(() -> verifier().verify(token), Reason.MALFORMED);
    }
}
