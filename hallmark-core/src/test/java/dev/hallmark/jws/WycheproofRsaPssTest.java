package dev.hallmark.jws;

import dev.hallmark.jwk.Jwk;
import dev.hallmark.jwk.RsaJwk;
import dev.hallmark.vectors.Wycheproof;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PS256, PS384 and PS512 (RSASSA-PSS with MGF1 over the same hash and a salt as long as the hash, RFC 7518 §3.5)
 * against the six Wycheproof {@code rsa_pss_*} files with exactly those parameters. Invalid cases include other
 * salt lengths, modified encodings and out-of-range signature values; there are no acceptable cases.
 */
class WycheproofRsaPssTest {

    static Stream<Wycheproof.Case> cases() {
        return Stream.of("rsa_pss_2048_sha256_mgf1_32", "rsa_pss_2048_sha384_mgf1_48", "rsa_pss_3072_sha256_mgf1_32",
                "rsa_pss_4096_sha256_mgf1_32", "rsa_pss_4096_sha384_mgf1_48", "rsa_pss_4096_sha512_mgf1_64")
                .flatMap(Wycheproof::stream);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void verifiesExactlyTheValidSignatures(Wycheproof.Case c) {
        assertThat(c.isAcceptable()).isFalse();
        String sha = c.group().string("sha");
        JwsAlgorithm alg = WycheproofPrimitives.algorithm("PS", sha).orElseThrow();
        // The group's parameters are the ones the JOSE algorithm fixes.
        assertThat(c.group().string("mgf")).isEqualTo("MGF1");
        assertThat(c.group().string("mgfSha")).isEqualTo(sha);
        assertThat(c.group().number("sLen") * 8).isEqualTo(Long.parseLong(sha.substring("SHA-".length())));

        Jwk key = WycheproofPrimitives.key(c.group(), g -> Jwk.parse(Wycheproof.json(g.object("publicKeyJwk"))));
        assertThat(key).isInstanceOfSatisfying(RsaJwk.class,
                rsa -> assertThat(rsa.modulusBits()).isEqualTo(c.group().number("keySize")));

        boolean verified = WycheproofPrimitives.verify(alg, key, c.hex("msg"), c.hex("sig"));
        assertThat(verified).as("%s", c).isEqualTo(c.isValid());
    }
}
