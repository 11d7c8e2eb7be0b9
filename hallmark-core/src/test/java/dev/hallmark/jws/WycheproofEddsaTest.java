package dev.hallmark.jws;

import dev.hallmark.jwk.Jwk;
import dev.hallmark.jwk.OkpJwk;
import dev.hallmark.vectors.Wycheproof;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * EdDSA with Ed25519 and Ed448 (RFC 8037 §3.1) against Wycheproof's {@code ed25519} and {@code ed448} files:
 * {@code sig} is exactly the 64- or 114-octet JWS signature. Invalid cases include truncated and extended
 * signatures, S not below the group order (malleability), and non-canonical R; there are no acceptable cases.
 */
class WycheproofEddsaTest {

    static Stream<Wycheproof.Case> cases() {
        return Stream.of("ed25519", "ed448").flatMap(Wycheproof::stream);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void verifiesExactlyTheValidSignatures(Wycheproof.Case c) {
        assertThat(c.isAcceptable()).isFalse();
        Jwk key = WycheproofPrimitives.key(c.group(), g -> Jwk.parse(Wycheproof.json(g.object("publicKeyJwk"))));
        assertThat(key).isInstanceOf(OkpJwk.class);
        assertThat(JwsAlgorithm.EdDSA.fits(key)).isTrue();

        boolean verified = WycheproofPrimitives.verify(JwsAlgorithm.EdDSA, key, c.hex("msg"), c.hex("sig"));
        assertThat(verified).as("%s", c).isEqualTo(c.isValid());
    }
}
