package dev.hallmark.jwk;

import dev.hallmark.JoseException;
import dev.hallmark.Limits;
import dev.hallmark.Reason;
import dev.hallmark.internal.json.StrictJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.hallmark.jwk.JwkJson.b64;
import static dev.hallmark.jwk.JwkJson.members;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** JWK Sets (RFC 7517 §5): members that cannot be used are skipped, limits hold, public output stays public. */
class JwkSetTest {

    private static final Jwk RSA = KeyGenerator.forAlgorithm("RS256").keyId("rsa").generate();
    private static final Jwk EC = KeyGenerator.forAlgorithm("ES384").keyId("ec").generate();
    private static final Jwk ED = KeyGenerator.forAlgorithm("EdDSA").curve("Ed448").keyId("ed").generate();
    private static final Jwk X = KeyGenerator.forAlgorithm("ECDH-ES").curve("X25519").keyId("x").generate();
    private static final Jwk HMAC = KeyGenerator.forAlgorithm("HS512").keyId("hmac").generate();
    private static final Jwk AES = KeyGenerator.forAlgorithm("A256KW").keyId("aes").generate();

    /** RFC 7517 §5: "Implementations SHOULD ignore JWKs within a JWK Set that use kty values that are not understood". */
    @Test
    void unknownKeyTypeIsSkippedInASetButRefusedAlone() {
        String unknown = "{\"kty\":\"PQC\",\"kid\":\"future\",\"pub\":\"AAAA\"}";
        assertThatThrownBy(() -> Jwk.parse(unknown)).isInstanceOf(JoseException.class)
                .extracting(e -> ((JoseException) e).reason()).isEqualTo(Reason.MALFORMED);

        JwkSet set = JwkSet.parse("{\"keys\":[" + unknown + "," + EC.toPublicJson() + "]}");
        assertThat(set.keys()).containsExactly(EC.toPublicJwk());
        assertThat(set.skipped()).hasSize(1);
        assertThat(set.skipped().get(0)).startsWith("keys[0]: ").contains("MALFORMED").contains("kty").contains("PQC");
    }

    @Test
    void everyUnusableMemberIsSkippedWithItsReason() {
        Map<String, Object> offCurve = members(EC.toPublicJwk());
        offCurve.put("x", offCurve.get("y"));
        String weakRsa = "{\"kty\":\"RSA\",\"n\":\"" + b64(new java.math.BigInteger(1024, new java.util.Random(1))
                .setBit(1023).setBit(0).toByteArray()) + "\",\"e\":\"AQAB\"}";
        String json = "{\"keys\":["
                + RSA.toPublicJson() + ","                                     // 0 kept
                + "\"not an object\","                                         // 1
                + weakRsa + ","                                                // 2 WEAK_KEY
                + JwkJson.json(offCurve) + ","                                 // 3 MALFORMED
                + "{\"kty\":\"oct\",\"k\":\"AAAA\",\"alg\":\"HS256\"},"          // 4 WEAK_KEY
                + "{\"kty\":\"EC\",\"crv\":\"secp256k1\",\"x\":\"AA\",\"y\":\"AA\"}," // 5 unknown curve
                + "7,"                                                         // 6
                + ED.toPublicJson()                                            // 7 kept
                + "]}";
        JwkSet set = JwkSet.parse(json);
        assertThat(set.keys()).extracting(k -> k.keyId().orElseThrow()).containsExactly("rsa", "ed");
        assertThat(set.skipped()).hasSize(6);
        assertThat(set.skipped().get(0)).startsWith("keys[1]: not a JSON object");
        assertThat(set.skipped().get(1)).startsWith("keys[2]: WEAK_KEY");
        assertThat(set.skipped().get(2)).startsWith("keys[3]: MALFORMED").contains("not a point");
        assertThat(set.skipped().get(3)).startsWith("keys[4]: WEAK_KEY");
        assertThat(set.skipped().get(4)).startsWith("keys[5]: MALFORMED").contains("crv");
        assertThat(set.skipped().get(5)).startsWith("keys[6]: not a JSON object");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"keys\":{}}", "{\"keys\":\"[]\"}", "{\"keys\":null}", "[]", "{\"keys\":[]} x",
        "{\"keys\":[],\"keys\":[]}", "not json"})
    void documentWithoutAKeysArrayIsMalformed(String json) {
        assertThatThrownBy(() -> JwkSet.parse(json)).isInstanceOf(JoseException.class)
                .extracting(e -> ((JoseException) e).reason()).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void emptySetIsAllowed() {
        JwkSet set = JwkSet.parse("{\"keys\":[]}");
        assertThat(set.keys()).isEmpty();
        assertThat(set.skipped()).isEmpty();
        assertThat(set.first()).isEmpty();
    }

    @Test
    void moreKeysThanTheLimitIsTooLarge() {
        String key = EC.toPublicJson();
        assertThat(JwkSet.parse(keys(key, 100)).keys()).hasSize(100); // the default, exactly
        assertThatThrownBy(() -> JwkSet.parse(keys(key, 101))).isInstanceOf(JoseException.class)
                .hasMessageContaining("101 keys")
                .extracting(e -> ((JoseException) e).reason()).isEqualTo(Reason.TOO_LARGE);

        Limits three = Limits.builder().maxJwkSetKeys(3).build();
        assertThat(JwkSet.parse(keys(key, 3), three).keys()).hasSize(3);
        assertThatThrownBy(() -> JwkSet.parse(keys(key, 4), three)).isInstanceOf(JoseException.class)
                .extracting(e -> ((JoseException) e).reason()).isEqualTo(Reason.TOO_LARGE);
        // skipped members count too: the bound is on the document, not on what survives
        assertThatThrownBy(() -> JwkSet.parse(keys("{\"kty\":\"PQC\"}", 4), three)).isInstanceOf(JoseException.class)
                .extracting(e -> ((JoseException) e).reason()).isEqualTo(Reason.TOO_LARGE);
    }

    @Test
    void documentOverTheByteLimitIsTooLarge() {
        String padded = "{\"keys\":[" + EC.toPublicJson() + "],\"x-padding\":\"" + "a".repeat(512 * 1024) + "\"}";
        assertThatThrownBy(() -> JwkSet.parse(padded)).isInstanceOf(JoseException.class)
                .extracting(e -> ((JoseException) e).reason()).isEqualTo(Reason.TOO_LARGE);

        String doc = keys(RSA.toPublicJson(), 3);
        Limits limits = Limits.builder().maxJwkSetBytes(doc.length() - 1).build();
        assertThatThrownBy(() -> JwkSet.parse(doc, limits)).isInstanceOf(JoseException.class)
                .extracting(e -> ((JoseException) e).reason()).isEqualTo(Reason.TOO_LARGE);
        assertThat(JwkSet.parse(doc, Limits.builder().maxJwkSetBytes(doc.length()).build()).keys()).hasSize(3);
    }

    /** RFC 7517 §5 and the rules of this library: a published set holds no private member and no symmetric key. */
    @Test
    void publicJsonNeverHoldsPrivateMembersOrSymmetricKeys() {
        JwkSet set = JwkSet.of(RSA, EC, ED, X, HMAC, AES);
        String published = set.toPublicJson();
        List<?> keys = (List<?>) StrictJson.parseObject(published, Limits.DEFAULT, "test").get("keys");
        assertThat(keys).hasSize(4);
        for (Object k : keys) {
            Set<Object> names = Set.copyOf(((Map<?, ?>) k).keySet());
            assertThat(names).doesNotContainAnyElementsOf(Set.of("d", "p", "q", "dp", "dq", "qi", "k", "oth"));
            assertThat(((Map<?, ?>) k).get("kty")).isNotEqualTo("oct");
        }
        JwkSet reparsed = JwkSet.parse(published);
        assertThat(reparsed.keys()).noneMatch(Jwk::isPrivate)
                .extracting(k -> k.keyId().orElseThrow()).containsExactly("rsa", "ec", "ed", "x");
        // no secret appears anywhere in the text, whatever member it might hide in
        for (Jwk k : List.of(RSA, EC, ED, X, HMAC, AES)) {
            Map<String, Object> m = members(k);
            for (String secret : List.of("d", "p", "q", "dp", "dq", "qi", "k")) {
                if (m.containsKey(secret)) {
                    assertThat(published).doesNotContain((String) m.get(secret));
                }
            }
        }
    }

    @Test
    void privateJsonKeepsEverything() {
        JwkSet set = JwkSet.of(RSA, EC, ED, X, HMAC, AES);
        JwkSet reparsed = JwkSet.parse(set.toPrivateJson());
        assertThat(reparsed.keys()).containsExactly(RSA, EC, ED, X, HMAC, AES);
        assertThat(reparsed.skipped()).isEmpty();
    }

    @Test
    void findByKeyIdAndFirst() {
        Jwk sameKid = KeyGenerator.forAlgorithm("ES256").keyId("ec").generate();
        JwkSet set = JwkSet.of(RSA, EC, sameKid);
        assertThat(set.findByKeyId("ec")).containsExactly(EC, sameKid);
        assertThat(set.findByKeyId("rsa")).containsExactly(RSA);
        assertThat(set.findByKeyId("nope")).isEmpty();
        assertThat(set.first()).contains(RSA);
        assertThat(set.toString()).doesNotContain((String) members(RSA).get("d"));
    }

    @Test
    void keySourceRefusesSetsMixingSymmetricAndAsymmetricKeys() {
        assertThatThrownBy(() -> KeySource.of(JwkSet.of(RSA.toPublicJwk(), HMAC))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("RFC 8725 §3.1");
        assertThatThrownBy(() -> KeySource.of(EC, AES)).isInstanceOf(IllegalArgumentException.class);
        assertThat(KeySource.of(HMAC, AES).select(JwkMatcher.builder().build())).containsExactly(HMAC, AES);
    }

    private static String keys(String member, int count) {
        List<String> members = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            members.add(member);
        }
        return "{\"keys\":[" + String.join(",", members) + "]}";
    }
}
