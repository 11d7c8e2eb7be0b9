package dev.hallmark.jws;

import dev.hallmark.JoseException;
import dev.hallmark.Reason;
import dev.hallmark.internal.codec.Base64Url;
import dev.hallmark.jwk.OctJwk;
import dev.hallmark.vectors.Wycheproof;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * HS256, HS384 and HS512 (RFC 7518 §3.2) against Wycheproof's {@code hmac_sha256/384/512} files. Each file has
 * three key sizes (the hash size, half of it, 520 bits) and two tag sizes (the hash size and half of it).
 * <ul>
 *   <li>Full-length tags: the primitive verifies exactly the valid tags.</li>
 *   <li>Truncated tags (the groups with {@code tagSize} below the hash size) are not JOSE: HS* compares the whole
 *       tag. Every such case, valid or not, is asserted to fail verification.</li>
 *   <li>Keys shorter than the hash are fine for HMAC itself, and the primitive computes the expected tag with
 *       them; RFC 7518 §3.2 forbids them for HS*, so the JWS-level API must refuse them with {@code WEAK_KEY}
 *       even for a token whose MAC is correct. With the other keys the same kind of token verifies.</li>
 * </ul>
 * There are no acceptable cases.
 */
class WycheproofHmacTest {

    static Stream<Wycheproof.Case> cases() {
        return Stream.of("hmac_sha256", "hmac_sha384", "hmac_sha512").flatMap(Wycheproof::stream);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void verifiesFullLengthTagsOnly(Wycheproof.Case c) {
        assertThat(c.isAcceptable()).isFalse();
        String file = c.group().file();
        JwsAlgorithm alg = JwsAlgorithm.fromName("HS" + file.substring("hmac_sha".length(), "hmac_sha".length() + 3))
                .orElseThrow();
        int hashBits = alg.minSecretBytes() * 8;
        long keyBits = c.group().number("keySize");
        long tagBits = c.group().number("tagSize");

        byte[] secret = c.hex("key");
        assertThat(secret.length * 8L).isEqualTo(keyBits);
        OctJwk key = OctJwk.of(secret);
        byte[] msg = c.hex("msg");
        byte[] tag = c.hex("tag");
        boolean verified = WycheproofPrimitives.verify(alg, key, msg, tag);

        if (tagBits == hashBits) {
            assertThat(verified).as("%s", c).isEqualTo(c.isValid());
        } else {
            assertThat(tag).hasSize((int) (tagBits / 8));
            assertThat(verified).as("%s: a truncated tag never verifies", c).isFalse();
        }
        JwsVerifier verifier = JwsVerifier.builder().key(key).algorithms(AlgorithmPolicy.of(alg)).build();
        String token = correctlyMacedToken(alg, key, msg);
        if (keyBits < hashBits) {
            if (c.isValid() && tagBits == hashBits) {
                assertThat(verified).as("the primitive computes HMAC with a short key").isTrue();
            }
            // The token's MAC is right for the key, yet it is refused: the key is the problem (RFC 8725 §3.5).
            assertThatThrownBy(() -> verifier.verify(token)).isInstanceOfSatisfying(JoseException.class,
                    e -> assertThat(e.reason()).isEqualTo(Reason.WEAK_KEY));
        } else {
            assertThat(verifier.verify(token).payload()).isEqualTo(msg);
        }
    }

    /** A compact JWS over {@code payload} with a correct MAC under {@code key}, made with the primitive. */
    private static String correctlyMacedToken(JwsAlgorithm alg, OctJwk key, byte[] payload) {
        String input = Base64Url.encode(("{\"alg\":\"" + alg + "\"}").getBytes(StandardCharsets.UTF_8))
                + "." + Base64Url.encode(payload);
        byte[] mac = alg.scheme().sign(key.toSecretKey(), input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + Base64Url.encode(mac);
    }
}
