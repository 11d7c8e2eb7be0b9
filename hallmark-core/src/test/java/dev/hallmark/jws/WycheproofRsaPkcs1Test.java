package dev.hallmark.jws;

import dev.hallmark.jwk.Jwk;
import dev.hallmark.jwk.RsaJwk;
import dev.hallmark.vectors.Wycheproof;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RS256, RS384 and RS512 (RSASSA-PKCS1-v1_5, RFC 7518 §3.3) against the nine Wycheproof
 * {@code rsa_signature_<bits>_sha<hash>} files. The 249-251 invalid cases per file are DigestInfo and padding
 * manipulations (BER length tricks, wrong hash OIDs, trailing garbage, ...): only the one exact encoding may pass.
 * Keys come from the group's {@code keyJwk}; all are 2048 bits or more, with e = 65537 or e = 3, and import fine
 * (Hallmark refuses only even exponents and e < 3).
 */
class WycheproofRsaPkcs1Test {

    static Stream<Wycheproof.Case> cases() {
        return Stream.of(2048, 3072, 4096).flatMap(bits -> Stream.of(256, 384, 512)
                .flatMap(hash -> Wycheproof.stream("rsa_signature_" + bits + "_sha" + hash)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void verifiesExactlyTheValidSignatures(Wycheproof.Case c) {
        JwsAlgorithm alg = WycheproofPrimitives.algorithm("RS", c.group().string("sha")).orElseThrow();
        Jwk key = WycheproofPrimitives.key(c.group(), g -> Jwk.parse(Wycheproof.json(g.object("keyJwk"))));
        assertThat(key).isInstanceOfSatisfying(RsaJwk.class,
                rsa -> assertThat(rsa.modulusBits()).isEqualTo(c.group().number("keySize")));

        // The single acceptable case per file is "MissingNull": a DigestInfo whose AlgorithmIdentifier omits the
        // NULL parameters. RFC 8017 §9.2 note 1 lets verifiers accept it; a JOSE verifier has no legacy signer
        // to accommodate, and comparing against the one encoding RFC 8017 produces refuses it. Decision: reject.
        if (c.isAcceptable()) {
            assertThat(c.flags()).containsExactly("MissingNull");
        }
        boolean verified = WycheproofPrimitives.verify(alg, key, c.hex("msg"), c.hex("sig"));
        assertThat(verified).as("%s", c).isEqualTo(c.isValid());
    }
}
