package dev.hallmark.jwk;

import dev.hallmark.JoseException;
import dev.hallmark.Limits;
import dev.hallmark.Reason;
import dev.hallmark.jws.JwsSigner;
import dev.hallmark.jws.JwsVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.hallmark.jwk.JwkJson.assertRefused;
import static dev.hallmark.jwk.JwkJson.b64;
import static dev.hallmark.jwk.JwkJson.bytes;
import static dev.hallmark.jwk.JwkJson.members;
import static dev.hallmark.jwk.JwkJson.uint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The parsing rules of {@link Jwk#parse} (RFC 7517, RFC 7518 §6, RFC 8037 §2): what is accepted and what is refused. */
class JwkTest {

    private static final Jwk RSA = KeyGenerator.forAlgorithm("RS256").generate();
    private static final Jwk OTHER_RSA = KeyGenerator.forAlgorithm("RS256").generate();

    // ---- every kty, public and private ----

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"RS256,", "ES256,", "ES384,", "ES512,", "EdDSA,Ed25519", "EdDSA,Ed448", "ECDH-ES,X25519", "ECDH-ES,X448",
        "HS256,", "A128KW,"})
    void everyKeyTypeParsesPublicAndPrivate(String alg, String curve) {
        KeyGenerator g = KeyGenerator.forAlgorithm(alg);
        if (curve != null) {
            g.curve(curve);
        }
        Jwk key = g.generate();
        Jwk parsed = Jwk.parse(key.toPrivateJson());
        assertThat(parsed).isEqualTo(key);
        assertThat(parsed.isPrivate()).isTrue();
        if (parsed instanceof OctJwk oct) {
            assertThat(oct.secretBytes()).isEqualTo(((OctJwk) key).secretBytes());
            return; // a symmetric key has no public form: see symmetricKeyHasNoPublicForm
        }
        assertThat(parsed.privateKey()).isPresent();
        Jwk publicOnly = Jwk.parse(key.toPublicJson());
        assertThat(publicOnly.isPrivate()).isFalse();
        assertThat(publicOnly.privateKey()).isEmpty();
        assertThat(publicOnly).isEqualTo(key.toPublicJwk());
        assertThat(publicOnly.publicKey()).isEqualTo(key.publicKey());
        assertThat(Thumbprint.of(publicOnly)).isEqualTo(Thumbprint.of(key));
        assertThat(members(publicOnly).keySet()).doesNotContain("d");
    }

    @Test
    void symmetricKeyHasNoPublicForm() {
        Jwk key = KeyGenerator.forAlgorithm("HS256").generate();
        assertThatThrownBy(key::toPublicJson).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(key::toPublicJwk).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(key::publicKey).isInstanceOf(IllegalStateException.class);
        assertThat(key.privateKey()).isEmpty();
    }

    @Test
    void toStringNeverShowsSecrets() {
        for (Jwk key : List.of(RSA, KeyGenerator.forAlgorithm("ES256").generate(),
                KeyGenerator.forAlgorithm("EdDSA").generate(), KeyGenerator.forAlgorithm("HS256").generate())) {
            Map<String, Object> m = members(key);
            String secret = (String) (m.containsKey("d") ? m.get("d") : m.get("k"));
            assertThat(key.toString()).doesNotContain(secret).contains("private=true");
        }
    }

    // ---- kty ----

    @ParameterizedTest
    @ValueSource(strings = {"foo", "rsa", "ec", "OCT", "okp", "", "RSA "})
    void unknownKeyTypeIsMalformed(String kty) {
        assertRefused("{\"kty\":\"" + kty + "\",\"k\":\"AAAA\"}", Reason.MALFORMED, "kty");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"kty\":1}", "{\"kty\":null}", "[]", "\"RSA\"", "", "{\"kty\":\"oct\",\"kty\":\"oct\",\"k\":\"AAAA\"}",
        "{\"kty\":\"oct\",\"k\":\"AAAA\"} trailing", "{\"kty\":\"oct\",\"k\":\"AAAA=\"}", "{\"kty\":\"oct\",\"k\":\"AA AA\"}",
        "{\"kty\":\"oct\"}", "{\"kty\":\"oct\",\"k\":7}", "{\"kty\":\"oct\",\"k\":\"AAAA\",\"kid\":7}",
        "{\"kty\":\"oct\",\"k\":\"AAAA\",\"alg\":[\"HS256\"]}", "{\"kty\":\"oct\",\"k\":\"AAAA\",\"use\":false}"})
    void structurallyBrokenJwkIsMalformed(String json) {
        assertRefused(json, Reason.MALFORMED, "");
    }

    @Test
    void jwkOverTheSizeLimitIsTooLarge() {
        Limits small = Limits.builder().maxJwkSetBytes(256).build();
        assertThatThrownBy(() -> Jwk.parse(RSA.toPublicJson(), small)).isInstanceOf(JoseException.class)
                .extracting(e -> ((JoseException) e).reason()).isEqualTo(Reason.TOO_LARGE);
        assertThat(Jwk.parse(KeyGenerator.forAlgorithm("ES256").generate().toPublicJson(), small)).isNotNull();
    }

    // ---- RSA private members (RFC 7518 §6.3.2) ----

    @ParameterizedTest
    @ValueSource(strings = {"p", "q", "dp", "dq", "qi"})
    void rsaCrtMembersAreAllOrNone(String missing) {
        Map<String, Object> m = members(RSA);
        m.remove(missing);
        assertRefused(m, Reason.MALFORMED, "some but not all of p, q, dp, dq, qi");
    }

    @Test
    void rsaPrivateKeyWithoutAnyCrtMemberSigns() {
        Map<String, Object> m = members(RSA);
        m.keySet().removeAll(Set.of("p", "q", "dp", "dq", "qi"));
        Jwk key = Jwk.parse(JwkJson.json(m));
        assertThat(key.isPrivate()).isTrue();
        assertThat(members(key)).doesNotContainKeys("p", "q", "dp", "dq", "qi").containsKey("d");
        byte[] payload = "non-CRT".getBytes(StandardCharsets.UTF_8);
        String jws = JwsSigner.builder(key).build().sign(payload);
        assertThat(JwsVerifier.builder().key(RSA.toPublicJwk()).build().verify(jws).payload()).isEqualTo(payload);
    }

    @Test
    void rsaPrimesWhoseProductIsNotTheModulusAreMalformed() {
        Map<String, Object> m = members(RSA);
        m.put("p", members(OTHER_RSA).get("p"));
        assertRefused(m, Reason.MALFORMED, "p * q differs from n");
        m = members(RSA);
        m.put("q", uint(uint(m.get("q")).nextProbablePrime()));
        assertRefused(m, Reason.MALFORMED, "p * q differs from n");
    }

    /** Each CRT value that does not belong to p, q and d is refused (it would sign garbage, or leak a factor). */
    @ParameterizedTest
    @ValueSource(strings = {"d", "dp", "dq", "qi"})
    void rsaCrtValueThatDoesNotBelongIsMalformed(String member) {
        Map<String, Object> m = members(RSA);
        m.put(member, uint(uint(m.get(member)).add(BigInteger.TWO)));
        assertRefused(m, Reason.MALFORMED, "do not belong to p, q and e");
    }

    @Test
    void rsaWithSwappedPrimesIsMalformed() {
        // p * q is still n, but dp and qi were computed for the other order
        Map<String, Object> m = members(RSA);
        Object p = m.get("p");
        m.put("p", m.get("q"));
        m.put("q", p);
        assertRefused(m, Reason.MALFORMED, "do not belong");
    }

    @Test
    void rsaWithOtherPrimesInfoIsMalformed() {
        Map<String, Object> m = members(RSA);
        m.put("oth", List.of(Map.of("r", "AQAB", "d", "AQAB", "t", "AQAB")));
        assertRefused(m, Reason.MALFORMED, "oth");
    }

    @ParameterizedTest
    @ValueSource(strings = {"n", "e"})
    void rsaWithEmptyOrMissingIntegerIsMalformed(String member) {
        Map<String, Object> m = members(RSA.toPublicJwk());
        m.put(member, "");
        assertRefused(m, Reason.MALFORMED, member);
        m.remove(member);
        assertRefused(m, Reason.MALFORMED, member);
    }

    // ---- EC (RFC 7518 §6.2) ----

    @ParameterizedTest
    @ValueSource(strings = {"ES256", "ES384", "ES512"})
    void ecPointOffTheCurveIsMalformed(String alg) {
        Jwk key = KeyGenerator.forAlgorithm(alg).generate();
        Map<String, Object> m = members(key.toPublicJwk());
        int size = bytes(m.get("y")).length;
        // y + 1 is below 2^(8 size) as y < p; (x, y + 1) and (x, y) cannot both be on the curve
        m.put("y", JwkJson.fixed(uint(m.get("y")).add(BigInteger.ONE), size));
        assertRefused(m, Reason.MALFORMED, "not a point on");
    }

    @Test
    void ecCoordinateNotReducedModuloPIsMalformed() {
        // P-256 field prime as x: the right length, but not a field element
        BigInteger p = new BigInteger("FFFFFFFF00000001000000000000000000000000FFFFFFFFFFFFFFFFFFFFFFFF", 16);
        Map<String, Object> m = members(KeyGenerator.forAlgorithm("ES256").generate().toPublicJwk());
        m.put("x", JwkJson.fixed(p, 32));
        assertRefused(m, Reason.MALFORMED, "not a point on P-256");
    }

    @ParameterizedTest(name = "{0} {1} of {2} octets")
    @CsvSource({"ES256, x, 31", "ES256, x, 33", "ES256, y, 31", "ES256, d, 31", "ES256, d, 33",
        "ES384, x, 47", "ES384, y, 49", "ES512, x, 65", "ES512, y, 67", "ES512, d, 65"})
    void ecMemberOfTheWrongLengthIsMalformed(String alg, String member, int length) {
        Map<String, Object> m = members(KeyGenerator.forAlgorithm(alg).generate());
        byte[] value = bytes(m.get(member));
        byte[] resized = new byte[length];
        // drop leading octets or prepend zeros: the number may even be the same, the encoding is still wrong
        System.arraycopy(value, Math.max(0, value.length - length), resized, Math.max(0, length - value.length),
                Math.min(length, value.length));
        m.put(member, b64(resized));
        assertRefused(m, Reason.MALFORMED, "must be exactly");
    }

    @Test
    void ecPointOfAnotherCurveIsMalformed() {
        Map<String, Object> m = members(KeyGenerator.forAlgorithm("ES384").generate().toPublicJwk());
        m.put("crv", "P-256");
        assertRefused(m, Reason.MALFORMED, "must be exactly 32 octets");
    }

    @ParameterizedTest
    @ValueSource(strings = {"P-192", "P-224", "secp256k1", "p-256", "P256", "Ed25519"})
    void ecWithUnsupportedCurveIsMalformed(String crv) {
        Map<String, Object> m = members(KeyGenerator.forAlgorithm("ES256").generate().toPublicJwk());
        m.put("crv", crv);
        assertRefused(m, Reason.MALFORMED, "unsupported \"crv\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ES256", "ES384", "ES512"})
    void ecPrivateKeyOfAnotherPointIsMalformed(String alg) {
        Map<String, Object> m = members(KeyGenerator.forAlgorithm(alg).generate());
        m.put("d", members(KeyGenerator.forAlgorithm(alg).generate()).get("d"));
        assertRefused(m, Reason.MALFORMED, "does not belong to the public point");
    }

    @ParameterizedTest(name = "d = {0}")
    @ValueSource(strings = {"0", "n", "n+1"})
    void ecPrivateScalarOutOfRangeIsMalformed(String which) {
        BigInteger n = new BigInteger("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);
        BigInteger d = switch (which) {
            case "0" -> BigInteger.ZERO;
            case "n" -> n;
            default -> n.add(BigInteger.ONE);
        };
        Map<String, Object> m = members(KeyGenerator.forAlgorithm("ES256").generate());
        m.put("d", JwkJson.fixed(d, 32));
        assertRefused(m, Reason.MALFORMED, "out of range");
    }

    // ---- OKP (RFC 8037 §2) ----

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"EdDSA, Ed25519", "EdDSA, Ed448", "ECDH-ES, X25519", "ECDH-ES, X448"})
    void okpPrivateKeyOfAnotherPublicKeyIsMalformed(String alg, String curve) {
        Map<String, Object> m = members(KeyGenerator.forAlgorithm(alg).curve(curve).generate());
        m.put("d", members(KeyGenerator.forAlgorithm(alg).curve(curve).generate()).get("d"));
        assertRefused(m, Reason.MALFORMED, "\"d\" does not belong to public key \"x\"");
    }

    @ParameterizedTest(name = "{1} {2} of {3} octets")
    @CsvSource({"EdDSA, Ed25519, x, 31", "EdDSA, Ed25519, x, 33", "EdDSA, Ed25519, d, 31", "EdDSA, Ed448, x, 56",
        "EdDSA, Ed448, d, 58", "ECDH-ES, X25519, x, 31", "ECDH-ES, X448, x, 57", "ECDH-ES, X448, d, 55"})
    void okpMemberOfTheWrongLengthIsMalformed(String alg, String curve, String member, int length) {
        Map<String, Object> m = members(KeyGenerator.forAlgorithm(alg).curve(curve).generate());
        byte[] value = bytes(m.get(member));
        byte[] resized = java.util.Arrays.copyOf(value, length);
        m.put(member, b64(resized));
        assertRefused(m, Reason.MALFORMED, "must be exactly");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ed25519ph", "Ed448ph", "ed25519", "P-256", "X25519 "})
    void okpWithUnsupportedCurveIsMalformed(String crv) {
        Map<String, Object> m = members(KeyGenerator.forAlgorithm("EdDSA").generate().toPublicJwk());
        m.put("crv", crv);
        assertRefused(m, Reason.MALFORMED, "unsupported \"crv\"");
    }

    /** RFC 8032 §5.1.3: y must be below p, and x must exist for it. */
    @Test
    void ed25519PublicKeyThatEncodesNoPointIsMalformed() {
        BigInteger p = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));
        Map<String, Object> m = members(KeyGenerator.forAlgorithm("EdDSA").generate().toPublicJwk());
        m.put("x", b64(littleEndian(p, 32))); // y = p: not canonical
        assertRefused(m, Reason.MALFORMED, "not a canonical encoding");

        // the smallest y for which (y^2 - 1) / (d y^2 + 1) has no square root mod p
        BigInteger d = BigInteger.valueOf(-121665).multiply(BigInteger.valueOf(121666).modInverse(p)).mod(p);
        BigInteger y = BigInteger.TWO;
        while (true) {
            BigInteger y2 = y.multiply(y).mod(p);
            BigInteger x2 = y2.subtract(BigInteger.ONE).multiply(d.multiply(y2).add(BigInteger.ONE).modInverse(p)).mod(p);
            if (x2.signum() != 0 && !x2.modPow(p.subtract(BigInteger.ONE).shiftRight(1), p).equals(BigInteger.ONE)) {
                break;
            }
            y = y.add(BigInteger.ONE);
        }
        m.put("x", b64(littleEndian(y, 32)));
        assertRefused(m, Reason.MALFORMED, "not a canonical encoding of a curve point");
    }

    // ---- key_ops and use (RFC 7517 §4.2, §4.3) ----

    @Test
    void duplicateKeyOperationIsMalformed() {
        Map<String, Object> m = members(RSA.toPublicJwk());
        m.put("key_ops", List.of("verify", "verify"));
        assertRefused(m, Reason.MALFORMED, "twice");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"verify\"", "[1]", "[\"verify\",null]", "{}", "null"})
    void keyOperationsThatAreNotAnArrayOfStringsAreMalformed(String value) {
        String json = RSA.toPublicJson();
        assertRefused(json.substring(0, json.length() - 1) + ",\"key_ops\":" + value + "}", Reason.MALFORMED, "key_ops");
    }

    @ParameterizedTest(name = "use {0} with key_ops {1}")
    @CsvSource({"sig, encrypt", "sig, wrapKey", "sig, sign;decrypt", "enc, sign", "enc, verify", "enc, encrypt;verify"})
    void contradictingUseAndKeyOperationsAreMalformed(String use, String ops) {
        Map<String, Object> m = members(RSA.toPublicJwk());
        m.put("use", use);
        m.put("key_ops", List.of(ops.split(";")));
        assertRefused(m, Reason.MALFORMED, "contradict");
    }

    @ParameterizedTest(name = "use {0} with key_ops {1}")
    @CsvSource({"sig, sign;verify", "sig, verify", "enc, encrypt;decrypt", "enc, wrapKey;unwrapKey", "enc, deriveKey"})
    void agreeingUseAndKeyOperationsAreAccepted(String use, String ops) {
        Map<String, Object> m = members(RSA.toPublicJwk());
        m.put("use", use);
        m.put("key_ops", List.of(ops.split(";")));
        Jwk key = Jwk.parse(JwkJson.json(m));
        assertThat(key.use()).contains(use);
        assertThat(key.keyOperations()).containsExactlyInAnyOrder(ops.split(";"));
    }

    // ---- x5c, x5t, x5t#S256 (RFC 7517 §4.7-4.9) ----

    @Test
    void x5cWhoseLeafHoldsAnotherKeyIsMalformed() {
        Map<String, Object> m = members(RSA.toPublicJwk());
        m.put("x5c", List.of(standardBase64(PemFixtures.block("rsa2048.cert.pem").der())));
        assertRefused(m, Reason.MALFORMED, "different key");
    }

    @Test
    void x5cInTheWrongOrderIsMalformed() {
        Jwk leafKey = Pem.readJwk(PemFixtures.text("ec-p256.spki.pem"));
        List<PemFixtures.Block> chain = PemFixtures.blocks("chain.pem");
        Map<String, Object> m = members(leafKey);
        m.put("x5c", List.of(standardBase64(chain.get(0).der()), standardBase64(chain.get(1).der())));
        assertThat(Jwk.parse(JwkJson.json(m)).certificateChain()).hasSize(2);
        m.put("x5c", List.of(standardBase64(chain.get(1).der()), standardBase64(chain.get(0).der())));
        assertRefused(m, Reason.MALFORMED, "different key");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "\"MIIB\"", "[\"not base64!\"]", "[\"aGVsbG8=\"]", "[7]",
        "[\"MIIDQjCCAiqgAwIBAgIGATz_FuLiMA0GCSqGSIb3DQEBBQUA\"]"})
    void x5cThatIsNotAnArrayOfCertificatesIsMalformed(String value) {
        String json = RSA.toPublicJson();
        assertRefused(json.substring(0, json.length() - 1) + ",\"x5c\":" + value + "}", Reason.MALFORMED, "x5c");
    }

    @Test
    void certificateThumbprintsAreCheckedAgainstTheLeaf() throws Exception {
        byte[] der = PemFixtures.block("rsa2048.cert.pem").der();
        Jwk key = Pem.readJwk(PemFixtures.text("rsa2048.spki.pem"));
        Map<String, Object> m = members(key);
        m.put("x5c", List.of(standardBase64(der)));
        String s256 = b64(java.security.MessageDigest.getInstance("SHA-256").digest(der));
        String s1 = b64(java.security.MessageDigest.getInstance("SHA-1").digest(der));

        m.put("x5t#S256", s256);
        m.put("x5t", s1);
        Jwk parsed = Jwk.parse(JwkJson.json(m));
        assertThat(parsed.certificateSha256Thumbprint()).contains(s256);

        m.put("x5t#S256", b64(new byte[32]));
        assertRefused(m, Reason.MALFORMED, "\"x5t#S256\" does not match");
        m.put("x5t#S256", s256);
        m.put("x5t", b64(new byte[20]));
        assertRefused(m, Reason.MALFORMED, "\"x5t\" does not match");
        // the SHA-1 thumbprint in the SHA-256 member is a mismatch too
        m.put("x5t", s1);
        m.put("x5t#S256", s1);
        assertRefused(m, Reason.MALFORMED, "\"x5t#S256\" does not match");
    }

    private static String standardBase64(byte[] der) {
        return Base64.getEncoder().encodeToString(der);
    }

    private static byte[] littleEndian(BigInteger v, int size) {
        byte[] be = v.toByteArray();
        byte[] out = new byte[size];
        for (int i = 0; i < be.length && i < size; i++) {
            out[i] = be[be.length - 1 - i];
        }
        return out;
    }
}
