package dev.hallmark;

import dev.hallmark.jwk.Jwk;
import dev.hallmark.jwk.JwkSet;
import dev.hallmark.jwk.KeyGenerator;
import dev.hallmark.jwk.KeySource;
import dev.hallmark.jws.JwsSigner;
import dev.hallmark.jws.JwsVerifier;
import dev.hallmark.jwt.JwtSigner;
import dev.hallmark.jwt.JwtVerifier;
import dev.hallmark.jwt.TestKeys;
import dev.hallmark.jwt.TokenForge;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static dev.hallmark.Rejection.assertRejected;
import static dev.hallmark.jwt.TestKeys.validClaims;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link Limits}: safe defaults, validated bounds, and each bound enforced where untrusted input enters. */
class LimitsTest {

    private static final Jwk KEY = TestKeys.ES256;

    @Test
    void defaults() {
        Limits d = Limits.DEFAULT;
        assertThat(d.maxTokenBytes()).isEqualTo(64 * 1024);
        assertThat(d.maxJsonDepth()).isEqualTo(16);
        assertThat(d.maxJsonValues()).isEqualTo(10_000);
        assertThat(d.minRsaBits()).isEqualTo(2048);
        assertThat(d.maxRsaBits()).isEqualTo(16384).isEqualTo(Limits.RSA_BITS_CEILING);
        assertThat(d.maxKeysTriedWithoutKid()).isEqualTo(3);
        assertThat(d.maxJwkSetKeys()).isEqualTo(100);
        assertThat(d.maxJwkSetBytes()).isEqualTo(512 * 1024);
        assertThat(d.maxSignatures()).isEqualTo(8);
        assertThat(d.maxRecipients()).isEqualTo(8);
        assertThat(d.maxPbes2Iterations()).isEqualTo(310_000);
        assertThat(d.maxInflatedBytes()).isEqualTo(256 * 1024);
        assertThat(Limits.builder().build().toString()).isEqualTo(d.toString());
    }

    @Test
    void boundsMustBePositive() {
        for (int bad : new int[] {0, -1, Integer.MIN_VALUE}) {
            Limits.Builder b = Limits.builder();
            assertThatThrownBy(() -> b.maxTokenBytes(bad)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> b.maxJsonDepth(bad)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> b.maxJsonValues(bad)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> b.maxRsaBits(bad)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> b.maxKeysTriedWithoutKid(bad)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> b.maxJwkSetKeys(bad)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> b.maxJwkSetBytes(bad)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> b.maxSignatures(bad)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> b.maxRecipients(bad)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> b.maxPbes2Iterations(bad)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> b.maxInflatedBytes(bad)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void rsaBoundsStayWithinRfc7518AndTheCeiling() {
        assertThatThrownBy(() -> Limits.builder().minRsaBits(2047)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("RFC 7518 §3.3");
        assertThatThrownBy(() -> Limits.builder().maxRsaBits(16385)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Limits.builder().minRsaBits(4096).maxRsaBits(3072).build())
                .isInstanceOf(IllegalStateException.class);
        assertThat(Limits.builder().minRsaBits(3072).maxRsaBits(3072).build().minRsaBits()).isEqualTo(3072);
    }

    @Test
    void toBuilderCopiesEveryBound() {
        Limits custom = Limits.builder().maxTokenBytes(1).maxJsonDepth(2).maxJsonValues(3).minRsaBits(3072)
                .maxRsaBits(4096).maxKeysTriedWithoutKid(5).maxJwkSetKeys(6).maxJwkSetBytes(7).maxSignatures(8).maxRecipients(9)
                .maxPbes2Iterations(10).maxInflatedBytes(11).build();
        Limits copy = custom.toBuilder().build();
        assertThat(copy.maxRecipients()).isEqualTo(9);
        assertThat(copy.maxPbes2Iterations()).isEqualTo(10);
        assertThat(copy.maxInflatedBytes()).isEqualTo(11);
        assertThat(copy.toString()).isEqualTo(custom.toString()).isNotEqualTo(Limits.DEFAULT.toString());
        assertThat(custom.toBuilder().maxSignatures(9).build().maxSignatures()).isEqualTo(9);
        assertThat(custom.maxSignatures()).isEqualTo(8);
    }

    @Test
    void maxJsonDepthAppliesToHeaderPayloadAndKeys() {
        Limits shallow = Limits.builder().maxJsonDepth(2).build();
        JwtVerifier verifier = TestKeys.verifier(KEY).limits(shallow).build();
        String ok = TestKeys.signer(KEY).sign(validClaims().claim("o", List.of()).build());
        assertThat(verifier.verify(ok)).isNotNull();
        String deep = TestKeys.signer(KEY).sign(validClaims().claim("o", List.of(List.of())).build());
        assertRejected(() -> verifier.verify(deep), Reason.MALFORMED);
        String deepHeader = JwtSigner.builder(KEY).clock(TestKeys.CLOCK).headerParameter("x", List.of(List.of())).build()
                .sign(validClaims().build());
        assertRejected(() -> verifier.verify(deepHeader), Reason.MALFORMED);
        assertRejected(() -> Jwk.parse("{\"kty\":\"oct\",\"k\":\"AAAA\",\"x\":[[1]]}", shallow), Reason.MALFORMED);
    }

    @Test
    void maxJsonValuesCountsMembersAndElements() {
        Limits few = Limits.builder().maxJsonValues(12).build();
        JwtVerifier verifier = TestKeys.verifier(KEY).limits(few).build();
        // valid claims hold 5 members (iss, aud, sub, iat, exp), plus the list and its elements
        String ok = TestKeys.signer(KEY).sign(validClaims().claim("l", List.of(1, 2, 3, 4, 5, 6)).build());
        assertThat(verifier.verify(ok)).isNotNull();
        String many = TestKeys.signer(KEY).sign(validClaims().claim("l", List.of(1, 2, 3, 4, 5, 6, 7)).build());
        assertRejected(() -> verifier.verify(many), Reason.MALFORMED);
        // and the default stops a payload of 10,001 values that fits easily in the size limit
        String flood = TestKeys.signer(KEY).sign(validClaims().claim("l", Collections.nCopies(10_000, 0)).build());
        assertRejected(() -> TestKeys.verifier(KEY).build().verify(flood), Reason.MALFORMED);
    }

    @Test
    void maxKeysTriedWithoutKid() {
        List<Jwk> keys = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            keys.add(KeyGenerator.forAlgorithm("ES256").generate().withKeyId(null));
        }
        KeySource source = KeySource.of(JwkSet.of(keys.stream().map(Jwk::toPublicJwk).toList()));
        JwtVerifier threeTried = JwtVerifier.builder().keys(source).ignoreIssuer().ignoreAudience()
                .clock(TestKeys.CLOCK).build();
        JwtVerifier fourTried = JwtVerifier.builder().keys(source).ignoreIssuer().ignoreAudience()
                .clock(TestKeys.CLOCK).limits(Limits.builder().maxKeysTriedWithoutKid(4).build()).build();
        String byThird = TestKeys.signer(keys.get(2)).sign(validClaims().build());
        String byFourth = TestKeys.signer(keys.get(3)).sign(validClaims().build());
        assertThat(threeTried.verify(byThird)).isNotNull();
        assertRejected(() -> threeTried.verify(byFourth), Reason.BAD_SIGNATURE);
        assertThat(fourTried.verify(byFourth).key()).isEqualTo(keys.get(3).toPublicJwk());
    }

    @Test
    void maxJwkSetKeysAndBytes() {
        String one = KEY.toPublicJwk().toPublicJson();
        String hundredOne = "{\"keys\":[" + String.join(",", Collections.nCopies(101, one)) + "]}";
        assertRejected(() -> JwkSet.parse(hundredOne), Reason.TOO_LARGE);
        String hundred = "{\"keys\":[" + String.join(",", Collections.nCopies(100, one)) + "]}";
        assertThat(JwkSet.parse(hundred).keys()).hasSize(100);
        assertRejected(() -> JwkSet.parse(hundred, Limits.builder().maxJwkSetKeys(99).build()), Reason.TOO_LARGE);

        Limits small = Limits.builder().maxJwkSetBytes(one.length() - 1).build();
        assertRejected(() -> Jwk.parse(one, small), Reason.TOO_LARGE);
        assertRejected(() -> JwkSet.parse("{\"keys\":[" + one + "]}", small), Reason.TOO_LARGE);
        assertThat(Jwk.parse(one, Limits.builder().maxJwkSetBytes(one.length()).build())).isEqualTo(KEY.toPublicJwk());
        // the bound is in bytes: multi-byte characters count for what they weigh
        String wide = "{\"kty\":\"oct\",\"k\":\"AAAA\",\"x\":\"" + "\u20ac".repeat(100) + "\"}";
        assertRejected(() -> Jwk.parse(wide, Limits.builder().maxJwkSetBytes(wide.length() + 100).build()),
                Reason.TOO_LARGE);
    }

    @Test
    void maxSignatures() {
        List<JwsSigner> nine = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            nine.add(JwsSigner.builder(KEY).build());
        }
        byte[] payload = "hello".getBytes(StandardCharsets.UTF_8);
        JwsVerifier verifier = JwsVerifier.builder().key(KEY.toPublicJwk()).build();
        assertRejected(() -> verifier.verifyJson(JwsSigner.signGeneralJson(payload, nine)), Reason.TOO_LARGE);
        assertThat(verifier.verifyJson(JwsSigner.signGeneralJson(payload, nine.subList(0, 8))).payloadAsString())
                .isEqualTo("hello");
    }

    @Test
    void rsaBoundsApplyAtImportAndAtVerification() {
        // a public modulus does not have to be a real RSA modulus to exercise the size check: odd and random will do
        BigInteger n = new BigInteger(4096, new Random(7)).setBit(4095).setBit(0);
        String jwk = "{\"kty\":\"RSA\",\"n\":\"" + uint(n) + "\",\"e\":\"AQAB\"}";
        Limits upTo3072 = Limits.builder().maxRsaBits(3072).build();
        assertThat(Jwk.parse(jwk)).isNotNull();
        assertRejected(() -> Jwk.parse(jwk, upTo3072), Reason.WEAK_KEY);
        assertThat(JwkSet.parse("{\"keys\":[" + jwk + "]}", upTo3072).skipped()).hasSize(1);
        // a key imported under looser limits is refused by a verifier with tighter ones, before its signature
        JwtVerifier verifier = JwtVerifier.builder().key(Jwk.parse(jwk)).ignoreIssuer().ignoreAudience()
                .clock(TestKeys.CLOCK).limits(upTo3072).build();
        String token = TokenForge.b64("{\"alg\":\"RS256\"}") + "." + TokenForge.b64(TestKeys.validPayloadJson()) + "."
                + TokenForge.b64(new byte[512]);
        assertRejected(() -> verifier.verify(token), Reason.WEAK_KEY);
    }

    private static String uint(BigInteger v) {
        byte[] b = v.toByteArray();
        return TokenForge.b64(b[0] == 0 ? java.util.Arrays.copyOfRange(b, 1, b.length) : b);
    }
}
