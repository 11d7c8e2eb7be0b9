package dev.hallmark.jws;

import dev.hallmark.Reason;
import dev.hallmark.jwk.Jwk;
import dev.hallmark.jwk.JwkSet;
import dev.hallmark.jwk.KeySource;
import dev.hallmark.jwk.OctJwk;
import dev.hallmark.jwt.JwtVerifier;
import dev.hallmark.vectors.VectorFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.hallmark.vectors.JoseAssertions.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * RFC 7515 Appendix A examples from latchset ({@code latchset-jose/vectors/rfc7515_A.*}): A.1-A.4 compact, A.6
 * general JSON with two signatures, A.7 flattened JSON verify; A.5, the unsecured JWS, is refused.
 */
class Rfc7515AppendixATest {

    private static final String DIR = "latchset-jose/vectors/rfc7515_";
    /** The JWT claims set all the examples but A.4 sign, with its CRLFs (RFC 7515 A.1.1). */
    private static final String CLAIMS = "{\"iss\":\"joe\",\r\n \"exp\":1300819380,\r\n \"http://example.com/is_root\":true}";
    private static final String KID_A6_RSA = "2010-12-29";
    private static final String KID_A6_EC = "e9bc097a-ce51-4036-9562-d2ade882db0d";

    @ParameterizedTest(name = "rfc7515_{0}.jwsc {1}")
    @CsvSource({"A.1, HS256", "A.2, RS256", "A.3, ES256", "A.4, ES512"})
    void compactExampleVerifiesWithItsKey(String example, String alg) {
        Jwk key = trusted(Jwk.parse(VectorFiles.text(DIR + example + ".jwk")));

        VerifiedJws verified = JwsVerifier.builder().key(key).build().verify(VectorFiles.text(DIR + example + ".jwsc"));

        assertThat(verified.algorithm().name()).isEqualTo(alg);
        assertThat(verified.payloadAsString()).isEqualTo(example.equals("A.4") ? "Payload" : CLAIMS);
        // and only with that algorithm: a policy without it refuses before any key is used
        JwsAlgorithm other = verified.algorithm() == JwsAlgorithm.RS256 ? JwsAlgorithm.PS256 : JwsAlgorithm.RS256;
        assertRejected(() -> JwsVerifier.builder().key(key).algorithms(AlgorithmPolicy.of(other)).build()
                .verify(VectorFiles.text(DIR + example + ".jwsc")), Reason.ALG_NOT_ALLOWED);
    }

    @Test
    void headerOfA1KeepsItsCrlfAndTyp() {
        VerifiedJws verified = JwsVerifier.builder().key(Jwk.parse(VectorFiles.text(DIR + "A.1.jwk"))).build()
                .verify(VectorFiles.text(DIR + "A.1.jwsc"));
        assertThat(verified.header().type()).contains("JWT");
        assertThat(verified.header().asMap()).containsOnlyKeys("typ", "alg");
    }

    /** A.5 ({@code "alg":"none"}, empty signature) is never accepted, whatever key the verifier trusts. */
    @ParameterizedTest(name = "rfc7515_A.5.jwsc with the key of {0}")
    @ValueSource(strings = {"A.1", "A.2", "A.3", "A.4"})
    void unsecuredA5IsRejected(String keyOf) {
        String unsecured = VectorFiles.text(DIR + "A.5.jwsc");
        Jwk key = trusted(Jwk.parse(VectorFiles.text(DIR + keyOf + ".jwk")));

        assertRejected(() -> JwsVerifier.builder().key(key).build().verify(unsecured), Reason.ALG_NOT_ALLOWED);
        assertRejected(() -> JwtVerifier.builder().key(key).ignoreIssuer().ignoreAudience().allowMissingExpiration()
                .build().verify(unsecured), Reason.ALG_NOT_ALLOWED);
    }

    /**
     * Decided: the A.6 JWK Set (as latchset stores it, like the RFC) has no {@code kid}s, while both signatures
     * name one. A kid only selects among trusted keys carrying that kid, so a key without a kid is not a wildcard:
     * with the set as stored, every signature fails with KEY_NOT_FOUND.
     */
    @Test
    void generalJsonA6FindsNoKeyInASetWithoutKids() {
        JwkSet set = JwkSet.parse(VectorFiles.text(DIR + "A.6.jwkset"));
        assertThat(set.keys()).hasSize(2).allMatch(k -> k.keyId().isEmpty());

        assertRejected(() -> JwsVerifier.builder().keys(KeySource.of(publicSet(set))).build()
                .verifyJson(VectorFiles.text(DIR + "A.6.jwsg")), Reason.KEY_NOT_FOUND);
    }

    /** With the kids the RFC gives in the headers attached to the set's keys, A.6 verifies. */
    @Test
    void generalJsonA6VerifiesWithTheJwkSet() {
        JwkSet set = withRfcKids(JwkSet.parse(VectorFiles.text(DIR + "A.6.jwkset")));

        VerifiedJws verified = JwsVerifier.builder().keys(KeySource.of(set)).build()
                .verifyJson(VectorFiles.text(DIR + "A.6.jwsg"));

        assertThat(verified.payloadAsString()).isEqualTo(CLAIMS);
        // the first signature that verifies wins: the RS256 one
        assertThat(verified.algorithm()).isEqualTo(JwsAlgorithm.RS256);
        assertThat(verified.header().keyId()).contains(KID_A6_RSA);
    }

    /** Each signature of A.6 verifies on its own, with its own key (A.6.1 is the A.2 RSA key, A.6.2 the A.3 EC key). */
    @ParameterizedTest(name = "rfc7515_A.6.jwsg signatures[{0}] with A.6.{1}.jwk")
    @CsvSource({"0, 1, 2010-12-29, RS256", "1, 2, e9bc097a-ce51-4036-9562-d2ade882db0d, ES256"})
    void eachSignatureOfA6VerifiesWithItsKey(int index, int keyFile, String kid, String alg) {
        Map<String, Object> general = VectorFiles.jsonObject(DIR + "A.6.jwsg");
        Map<String, Object> flattened = new LinkedHashMap<>();
        flattened.put("payload", general.get("payload"));
        flattened.putAll(Rfc7520CookbookTest.map(Rfc7520CookbookTest.list(general.get("signatures")).get(index)));
        Jwk key = trusted(Jwk.parse(VectorFiles.text(DIR + "A.6." + keyFile + ".jwk"))).withKeyId(kid);
        JwsVerifier verifier = JwsVerifier.builder().key(key).build();

        assertThat(verifier.verifyJson(VectorFiles.write(flattened)).algorithm().name()).isEqualTo(alg);
        // the whole general JWS verifies with this key alone too: the other signature is tolerated
        VerifiedJws whole = verifier.verifyJson(VectorFiles.text(DIR + "A.6.jwsg"));
        assertThat(whole.algorithm().name()).isEqualTo(alg);
        assertThat(whole.key()).isEqualTo(key);
    }

    @Test
    void flattenedJsonA7Verifies() {
        Jwk key = trusted(Jwk.parse(VectorFiles.text(DIR + "A.7.jwk")));
        String flattened = VectorFiles.text(DIR + "A.7.jwsf");

        // same decision as A.6: the stored key has no kid, the header names one
        assertRejected(() -> JwsVerifier.builder().key(key).build().verifyJson(flattened), Reason.KEY_NOT_FOUND);

        VerifiedJws verified = JwsVerifier.builder().key(key.withKeyId(KID_A6_EC)).build().verifyJson(flattened);
        assertThat(verified.algorithm()).isEqualTo(JwsAlgorithm.ES256);
        assertThat(verified.payloadAsString()).isEqualTo(CLAIMS);
        // A.7 is A.6's second signature in flattened form, and A.3's signature in another serialization
        assertThat(VectorFiles.jsonObject(DIR + "A.7.jwsf").get("signature"))
                .isEqualTo(VectorFiles.text(DIR + "A.3.jwsc").split("\\.")[2]);
    }

    private static JwkSet withRfcKids(JwkSet set) {
        List<Jwk> keys = publicSet(set).keys();
        return JwkSet.of(keys.get(0).withKeyId(KID_A6_RSA), keys.get(1).withKeyId(KID_A6_EC));
    }

    private static JwkSet publicSet(JwkSet set) {
        return JwkSet.parse(set.toPublicJson());
    }

    private static Jwk trusted(Jwk key) {
        return key instanceof OctJwk ? key : key.toPublicJwk();
    }
}
