package dev.hallmark.jwk;

import dev.hallmark.Reason;
import dev.hallmark.vectors.VectorFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.hallmark.vectors.JoseAssertions.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * RFC 7517 Appendix A (example public, private and symmetric JWK Sets) and Appendix B ({@code x5c}) from latchset
 * ({@code latchset-jose/vectors/rfc7517_*}): every member survives a parse and write, private material is detected,
 * and the {@code x5c} certificate parses as DER and holds the JWK's key.
 */
class Rfc7517ExamplesTest {

    private static final String DIR = "latchset-jose/vectors/rfc7517_";

    @ParameterizedTest(name = "rfc7517_{0}.jwkset")
    @CsvSource({
        "A.1, 'EC,RSA', false",
        "A.2, 'EC,RSA', true",
        "A.3, 'oct,oct', true",
    })
    void setParsesWholeAndRoundTripsEveryMember(String example, String types, boolean isPrivate) {
        String text = VectorFiles.text(DIR + example + ".jwkset");
        JwkSet set = JwkSet.parse(text);

        assertThat(set.skipped()).isEmpty();
        assertThat(set.keys()).extracting(Jwk::keyType).containsExactly(types.split(","));
        assertThat(set.keys()).allMatch(k -> k.isPrivate() == isPrivate);
        assertThat(VectorFiles.parse(set.toPrivateJson())).isEqualTo(VectorFiles.parse(text));
    }

    @Test
    void publicSetA1KeepsUseKidAndAlg() {
        JwkSet set = JwkSet.parse(VectorFiles.text(DIR + "A.1.jwkset"));
        Jwk ec = set.keys().get(0);
        Jwk rsa = set.keys().get(1);

        assertThat(((EcJwk) ec).curveName()).isEqualTo("P-256");
        assertThat(ec.use()).contains("enc");
        assertThat(ec.keyId()).contains("1");
        assertThat(rsa.algorithm()).contains("RS256");
        assertThat(rsa.keyId()).contains("2011-04-29");
        assertThat(((RsaJwk) rsa).modulusBits()).isEqualTo(2048);
        assertThat(VectorFiles.parse(set.toPublicJson())).isEqualTo(VectorFiles.json(DIR + "A.1.jwkset"));
        assertThat(set.findByKeyId("2011-04-29")).containsExactly(rsa);
    }

    /** The private set A.2 publishes as exactly the public set A.1. */
    @Test
    void privateSetA2PublishesAsThePublicSetA1() {
        JwkSet privateSet = JwkSet.parse(VectorFiles.text(DIR + "A.2.jwkset"));

        assertThat(VectorFiles.parse(privateSet.toPublicJson())).isEqualTo(VectorFiles.json(DIR + "A.1.jwkset"));
        assertThat(JwkSet.parse(privateSet.toPublicJson()).keys()).noneMatch(Jwk::isPrivate);
        assertThat(privateSet.keys()).allMatch(k -> k.privateKey().isPresent());
    }

    /** Symmetric keys are secret: a published form of A.3 holds no key at all. */
    @Test
    void symmetricSetA3HasNoPublicForm() {
        JwkSet set = JwkSet.parse(VectorFiles.text(DIR + "A.3.jwkset"));
        OctJwk kw = (OctJwk) set.keys().get(0);
        OctJwk hmac = (OctJwk) set.keys().get(1);

        assertThat(kw.algorithm()).contains("A128KW");
        assertThat(kw.length()).isEqualTo(16);
        assertThat(hmac.keyId()).contains("HMACkeyusedinJWSspecAppendixA.1example");
        assertThat(hmac.length()).isEqualTo(64);
        assertThat(VectorFiles.parse(set.toPublicJson())).isEqualTo(Map.of("keys", List.of()));
        assertThat(set.toPublicJson()).doesNotContain("GawgguFyGrWKav7AX4VKUg");
        // the A.3 HMAC key is the RFC 7515 A.1 key
        assertThat(hmac.withKeyId(null)).isEqualTo(Jwk.parse(VectorFiles.text("latchset-jose/vectors/rfc7515_A.1.jwk")));
    }

    @Test
    void x5cOfBParsesAsDerAndHoldsTheJwkKey() throws Exception {
        String text = VectorFiles.text(DIR + "B.jwk");
        Map<String, Object> json = VectorFiles.jsonObject(DIR + "B.jwk");
        String encoded = (String) ((List<?>) json.get("x5c")).get(0);
        Jwk key = Jwk.parse(text);

        List<X509Certificate> chain = key.certificateChain();
        assertThat(chain).hasSize(1);
        X509Certificate leaf = chain.get(0);
        assertThat(leaf.getEncoded()).isEqualTo(Base64.getDecoder().decode(encoded));
        assertThat(leaf.getSubjectX500Principal().getName()).contains("CN=Brian Campbell");
        assertThat(leaf.getPublicKey()).isEqualTo(key.publicKey());
        assertThat(key.isPrivate()).isFalse();
        assertThat(key.keyId()).contains("1b94c");
        // the chain is written back exactly (standard base64 with padding, RFC 7517 §4.7)
        assertThat(VectorFiles.parse(key.toPublicJson())).isEqualTo(json);
    }

    /** An {@code x5c} whose certificate holds another key than the JWK is refused. */
    @Test
    void x5cWithAnotherKeyIsRejected() {
        Map<String, Object> json = new LinkedHashMap<>(VectorFiles.jsonObject(DIR + "B.jwk"));
        Map<?, ?> otherRsa = (Map<?, ?>) ((List<?>) VectorFiles.jsonObject(DIR + "A.1.jwkset").get("keys")).get(1);
        json.put("n", otherRsa.get("n"));

        assertRejected(() -> Jwk.parse(VectorFiles.write(json)), Reason.MALFORMED);
    }

    @Test
    void x5cThatIsNotACertificateIsRejected() {
        Map<String, Object> json = new LinkedHashMap<>(VectorFiles.jsonObject(DIR + "B.jwk"));
        json.put("x5c", List.of(Base64.getEncoder().encodeToString("not a certificate".getBytes())));
        assertRejected(() -> Jwk.parse(VectorFiles.write(json)), Reason.MALFORMED);

        // base64url is not the x5c alphabet (RFC 7517 §4.7 says base64)
        String certificate = (String) ((List<?>) VectorFiles.jsonObject(DIR + "B.jwk").get("x5c")).get(0);
        json.put("x5c", List.of(certificate.replace('+', '-').replace('/', '_')));
        assertRejected(() -> Jwk.parse(VectorFiles.write(json)), Reason.MALFORMED);
    }
}
