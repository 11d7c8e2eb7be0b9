package dev.hallmark.jws;

import dev.hallmark.jwk.Jwk;
import dev.hallmark.vectors.Wycheproof;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RS256, RS384 and RS512 signing against the Wycheproof {@code rsa_pkcs1_<bits>_sig_gen} files. PKCS#1 v1.5
 * signing is deterministic, so the signature over {@code msg} with the group's {@code privateKeyJwk} must equal
 * {@code sig} byte for byte, and it must verify with the public half.
 */
class WycheproofRsaPkcs1SigningTest {

    static Stream<Wycheproof.Case> cases() {
        return Stream.of(2048, 3072, 4096).flatMap(bits -> Wycheproof.stream("rsa_pkcs1_" + bits + "_sig_gen"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void signsExactlyTheExpectedBytes(Wycheproof.Case c) {
        String sha = c.group().string("sha");
        if (sha.equals("SHA-1") || sha.equals("SHA-224")) {
            // Unsupported by construction: JOSE registers no RSASSA-PKCS1-v1_5 algorithm over SHA-1 or SHA-224
            // (RFC 7518 §3.1), and JwsAlgorithm has none, so no key or header can ask Hallmark for one. These
            // groups carry no JWK either. The SHA-1 cases are "acceptable" (WeakHash): refusing them is the decision.
            assertThat(WycheproofPrimitives.algorithm("RS", sha)).isEmpty();
            assertThat(c.group().has("privateKeyJwk")).isFalse();
            assertThat(JwsAlgorithm.values())
                    .filteredOn(a -> a.family() == JwsAlgorithm.Family.RSA)
                    .extracting(Enum::name)
                    .containsExactlyInAnyOrder("RS256", "RS384", "RS512", "PS256", "PS384", "PS512");
            return;
        }
        // The other acceptable cases are "SmallPublicKey": the key has e = 3. RFC 7518 sets no exponent rule and
        // Hallmark imports odd exponents of at least 3 (e = 1 and even ones are WEAK_KEY), so the decision is to
        // sign with them like any other key: the expected bytes must come out.
        if (c.isAcceptable()) {
            assertThat(c.flags()).containsExactly("SmallPublicKey");
        }
        JwsAlgorithm alg = WycheproofPrimitives.algorithm("RS", sha).orElseThrow();
        Jwk key = WycheproofPrimitives.key(c.group(), g -> Jwk.parse(Wycheproof.json(g.object("privateKeyJwk"))));
        assertThat(key.isPrivate()).isTrue();

        byte[] msg = c.hex("msg");
        byte[] signature = alg.scheme().sign(key.privateKey().orElseThrow(), msg);
        assertThat(signature).as("%s", c).isEqualTo(c.hex("sig"));
        assertThat(WycheproofPrimitives.verify(alg, key.toPublicJwk(), msg, signature)).isTrue();
    }
}
