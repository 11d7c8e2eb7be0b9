package dev.hallmark.jwk;

import dev.hallmark.JoseException;
import dev.hallmark.Limits;
import dev.hallmark.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigInteger;
import java.security.KeyPairGenerator;
import java.util.Map;
import java.util.Random;

import static dev.hallmark.jwk.JwkJson.assertRefused;
import static dev.hallmark.jwk.JwkJson.b64;
import static dev.hallmark.jwk.JwkJson.members;
import static dev.hallmark.jwk.JwkJson.uint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Keys too weak for their use are refused with WEAK_KEY (RFC 7518 §3.2, §3.3, §4.4, §5; RFC 8725 §3.5). */
class JwkStrengthTest {

    private static final Map<String, Object> RSA_PUBLIC = members(KeyGenerator.forAlgorithm("RS256").generate().toPublicJwk());

    // ---- symmetric keys ----

    @ParameterizedTest(name = "{0} with {1} bytes")
    @CsvSource({
        // HMAC: at least the hash size (RFC 7518 §3.2)
        "HS256, 31", "HS256, 1", "HS384, 47", "HS384, 32", "HS512, 63", "HS512, 48",
        // AES: exactly the key size (RFC 7518 §4.4, §4.7, §5.2, §5.3)
        "A128KW, 17", "A128KW, 15", "A128KW, 32", "A192KW, 16", "A192KW, 32", "A256KW, 31", "A256KW, 33",
        "A128GCMKW, 24", "A256GCMKW, 16", "A128GCM, 32", "A192GCM, 16", "A256GCM, 31",
        "A128CBC-HS256, 16", "A128CBC-HS256, 33", "A192CBC-HS384, 24", "A256CBC-HS512, 32",
    })
    void symmetricKeyOfTheWrongSizeForItsAlgorithmIsWeak(String alg, int bytes) {
        String json = "{\"kty\":\"oct\",\"k\":\"" + b64(new byte[bytes]) + "\",\"alg\":\"" + alg + "\"}";
        assertRefused(json, Reason.WEAK_KEY, alg);
        assertThatThrownBy(() -> OctJwk.of(new byte[bytes]).withAlgorithm(alg)).isInstanceOf(JoseException.class)
                .extracting(e -> ((JoseException) e).reason()).isEqualTo(Reason.WEAK_KEY);
    }

    @ParameterizedTest(name = "{0} with {1} bytes")
    @CsvSource({"HS256, 32", "HS256, 64", "HS384, 48", "HS512, 64", "HS512, 128", "A128KW, 16", "A192KW, 24",
        "A256KW, 32", "A128GCMKW, 16", "A192GCM, 24", "A256GCM, 32", "A128CBC-HS256, 32", "A192CBC-HS384, 48",
        "A256CBC-HS512, 64", "dir, 1"})
    void symmetricKeyOfTheRightSizeIsAccepted(String alg, int bytes) {
        OctJwk key = (OctJwk) Jwk.parse("{\"kty\":\"oct\",\"k\":\"" + b64(new byte[bytes]) + "\",\"alg\":\"" + alg + "\"}");
        assertThat(key.length()).isEqualTo(bytes);
        assertThat(key.algorithm()).contains(alg);
    }

    @Test
    void emptySymmetricKeyIsWeak() {
        assertRefused("{\"kty\":\"oct\",\"k\":\"\"}", Reason.WEAK_KEY, "empty");
        assertRefused("{\"kty\":\"oct\",\"k\":\"\",\"alg\":\"HS256\"}", Reason.WEAK_KEY, "empty");
        assertThatThrownBy(() -> OctJwk.of(new byte[0])).isInstanceOf(JoseException.class)
                .extracting(e -> ((JoseException) e).reason()).isEqualTo(Reason.WEAK_KEY);
    }

    /** Without an alg the length cannot be judged yet; it is judged once an alg is set, and again at use. */
    @Test
    void shortSymmetricKeyWithoutAlgorithmIsAcceptedUntilAnAlgorithmIsSet() {
        OctJwk key = (OctJwk) Jwk.parse("{\"kty\":\"oct\",\"k\":\"" + b64(new byte[16]) + "\"}");
        assertThat(key.length()).isEqualTo(16);
        assertThat(key.withAlgorithm("A128KW").algorithm()).contains("A128KW");
        assertThatThrownBy(() -> key.withAlgorithm("HS256")).isInstanceOf(JoseException.class)
                .extracting(e -> ((JoseException) e).reason()).isEqualTo(Reason.WEAK_KEY);
    }

    // ---- RSA public keys (RFC 7518 §3.3, RFC 8725 §3.5) ----

    @ParameterizedTest(name = "e = {0}")
    @ValueSource(ints = {1, 2, 0, 65536})
    void rsaWithBadPublicExponentIsWeak(int e) {
        Map<String, Object> m = new java.util.LinkedHashMap<>(RSA_PUBLIC);
        m.put("e", uint(BigInteger.valueOf(e)));
        assertRefused(m, Reason.WEAK_KEY, "exponent");
    }

    @Test
    void rsaWithExponentAtLeastTheModulusIsWeak() {
        Map<String, Object> m = new java.util.LinkedHashMap<>(RSA_PUBLIC);
        m.put("e", m.get("n"));
        assertRefused(m, Reason.WEAK_KEY, "exponent");
    }

    @Test
    void rsaWithEvenModulusIsWeak() {
        Map<String, Object> m = new java.util.LinkedHashMap<>(RSA_PUBLIC);
        m.put("n", uint(uint(m.get("n")).add(BigInteger.ONE)));
        assertRefused(m, Reason.WEAK_KEY, "even");
    }

    @ParameterizedTest(name = "{0} bits")
    @ValueSource(ints = {1024, 2040, 512})
    void rsaPublicKeyBelow2048BitsIsWeak(int bits) {
        Map<String, Object> m = new java.util.LinkedHashMap<>(RSA_PUBLIC);
        m.put("n", uint(oddNumber(bits, new Random(bits))));
        assertRefused(m, Reason.WEAK_KEY, bits + " bits is below the minimum of 2048");
    }

    @Test
    void rsaPrivateKeyOf1024BitsIsWeak() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(1024);
        var pair = g.generateKeyPair();
        assertThatThrownBy(() -> Jwk.fromKeyPair(pair)).isInstanceOf(JoseException.class)
                .extracting(e -> ((JoseException) e).reason()).isEqualTo(Reason.WEAK_KEY);
        assertThatThrownBy(() -> Jwk.fromPrivateKey(pair.getPrivate())).isInstanceOf(JoseException.class)
                .extracting(e -> ((JoseException) e).reason()).isEqualTo(Reason.WEAK_KEY);
    }

    @Test
    void rsaAboveTheConfiguredMaximumIsWeak() {
        Map<String, Object> m = new java.util.LinkedHashMap<>(RSA_PUBLIC);
        m.put("n", uint(oddNumber(16392, new Random(1))));
        assertRefused(m, Reason.WEAK_KEY, "above the maximum of 16384");

        Limits limits = Limits.builder().maxRsaBits(3072).build();
        m.put("n", uint(oddNumber(4096, new Random(2))));
        assertThatThrownBy(() -> Jwk.parse(JwkJson.json(m), limits)).isInstanceOf(JoseException.class)
                .extracting(e -> ((JoseException) e).reason()).isEqualTo(Reason.WEAK_KEY);
        assertThat(Jwk.parse(JwkJson.json(m))).isNotNull(); // 4096 is fine under the defaults
    }

    @Test
    void rsaBelowARaisedMinimumIsWeak() {
        Limits limits = Limits.builder().minRsaBits(3072).build();
        assertThatThrownBy(() -> Jwk.parse(JwkJson.json(RSA_PUBLIC), limits)).isInstanceOf(JoseException.class)
                .extracting(e -> ((JoseException) e).reason()).isEqualTo(Reason.WEAK_KEY);
    }

    /**
     * A modulus with the ROCA fingerprint (CVE-2017-15361): its factors have the form k * M + (65537^a mod M), M the
     * product of the primes up to 167, so n mod each such prime lies in the group 65537 generates. The factors need
     * not be prime for the fingerprint, so they are made directly; a random odd modulus of the same size passes.
     */
    @Test
    void rsaWithRocaFingerprintIsWeak() {
        BigInteger m = BigInteger.ONE;
        for (int r : new int[] {2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83,
            89, 97, 101, 103, 107, 109, 113, 127, 131, 137, 139, 149, 151, 157, 163, 167}) {
            m = m.multiply(BigInteger.valueOf(r));
        }
        // k of at least 2^(1025 - |M|) makes each factor over 1024 bits, so n is over 2048 and reaches the check
        Random random = new Random(4);
        BigInteger kMin = BigInteger.ONE.shiftLeft(1025 - m.bitLength());
        BigInteger g = BigInteger.valueOf(65537);
        BigInteger p = kMin.add(new BigInteger(1000 - m.bitLength(), random)).multiply(m).add(g.modPow(BigInteger.valueOf(12345), m));
        BigInteger q = kMin.add(new BigInteger(1000 - m.bitLength(), random)).multiply(m).add(g.modPow(BigInteger.valueOf(6789), m));
        BigInteger n = p.multiply(q);
        assertThat(n.bitLength()).isBetween(2049, 2060);
        Map<String, Object> members = new java.util.LinkedHashMap<>(RSA_PUBLIC);
        members.put("n", uint(n));
        assertRefused(members, Reason.WEAK_KEY, "ROCA");
        members.put("n", uint(oddNumber(2048, new Random(3))));
        assertThat(Jwk.parse(JwkJson.json(members))).isNotNull();
    }

    private static BigInteger oddNumber(int bits, Random random) {
        return new BigInteger(bits, random).setBit(bits - 1).setBit(0);
    }
}
