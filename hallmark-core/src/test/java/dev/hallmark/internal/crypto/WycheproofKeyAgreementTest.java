package dev.hallmark.internal.crypto;

import dev.hallmark.jwk.Jwk;
import dev.hallmark.vectors.Wycheproof;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPrivateKeySpec;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * ECDH-ES key agreement (the shared secret Z before the Concat KDF) against Wycheproof, through the same entry
 * point the JWE decrypter uses for an {@code epk}: the peer key arrives as a JWK map and is validated first.
 */
class WycheproofKeyAgreementTest {

    static Stream<Wycheproof.Case> ecdh() {
        return Stream.of("ecdh_secp256r1_webcrypto", "ecdh_secp384r1_webcrypto", "ecdh_secp521r1_webcrypto")
                .flatMap(Wycheproof::stream);
    }

    /**
     * Valid: Z equals {@code shared}. Invalid (points off the curve, on another curve, wrong coordinates, a
     * private-key-shaped or malformed JWK): refused before any agreement. No acceptable cases.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("ecdh")
    void ecdhWebcrypto(Wycheproof.Case c) {
        assertThat(c.isAcceptable()).isFalse();
        String curve = c.group().string("curve");
        PrivateKey priv = Jwk.parse(Wycheproof.json(map(c.value("private")))).privateKey().orElseThrow();
        Object epk = c.value("public");
        if (c.isValid()) {
            assertThat(EcdhEs.sharedSecret(priv, curve, epk)).isEqualTo(c.hex("shared"));
        } else {
            assertThatThrownBy(() -> EcdhEs.sharedSecret(priv, curve, epk)).isSameAs(CryptoFailure.get());
        }
    }

    static Stream<Wycheproof.Case> xdhJwk() {
        return Stream.of("x25519_jwk", "x448_jwk").flatMap(Wycheproof::stream);
    }

    /**
     * Valid: Z equals {@code shared}. Invalid (malformed or wrong-curve JWKs): refused. Acceptable cases (twist
     * points, non-canonical u, low-order points) are decided by one rule: a case whose shared secret is all zero
     * (a low-order point, RFC 7748 §6) is refused, every other computes the expected Z.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("xdhJwk")
    void xdhJwk(Wycheproof.Case c) {
        Map<String, Object> privateJwk = map(c.value("private"));
        String curve = (String) privateJwk.get("crv");
        PrivateKey priv = Jwk.parse(Wycheproof.json(privateJwk)).privateKey().orElseThrow();
        Object epk = c.value("public");
        if (c.isInvalid() || isZero(c.hex("shared"))) {
            assertThatThrownBy(() -> EcdhEs.sharedSecret(priv, curve, epk)).isSameAs(CryptoFailure.get());
        } else {
            assertThat(EcdhEs.sharedSecret(priv, curve, epk)).isEqualTo(c.hex("shared"));
        }
    }

    static Stream<Wycheproof.Case> xdhRaw() {
        return Stream.of("x25519", "x448").flatMap(Wycheproof::stream);
    }

    /** The raw-octet files, same rule as {@link #xdhJwk}; x448's invalid cases are wrong-length public keys. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("xdhRaw")
    void xdhRaw(Wycheproof.Case c) throws Exception {
        OkpCurve curve = c.group().string("curve").equals("curve25519") ? OkpCurve.X25519 : OkpCurve.X448;
        byte[] d = c.hex("private");
        PrivateKey priv = KeyFactory.getInstance("XDH").generatePrivate(
                new XECPrivateKeySpec(new NamedParameterSpec(curve.jwkName()), d));
        byte[] pub = c.hex("public");
        if (c.isInvalid() || isZero(c.hex("shared"))) {
            assertThatThrownBy(() -> EcdhEs.sharedSecret(curve, priv, pub)).isSameAs(CryptoFailure.get());
        } else {
            assertThat(HexFormat.of().formatHex(EcdhEs.sharedSecret(curve, priv, pub))).isEqualTo(c.string("shared"));
        }
    }

    private static boolean isZero(byte[] b) {
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }
}
