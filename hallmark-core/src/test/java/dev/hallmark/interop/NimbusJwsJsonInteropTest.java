package dev.hallmark.interop;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObjectJSON;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.UnprotectedHeader;
import com.nimbusds.jose.jwk.JWK;
import dev.hallmark.JoseException;
import dev.hallmark.Reason;
import dev.hallmark.jwk.Jwk;
import dev.hallmark.jwk.JwkSet;
import dev.hallmark.jwk.KeyGenerator;
import dev.hallmark.jwk.KeySource;
import dev.hallmark.jwk.OctJwk;
import dev.hallmark.jws.JwsSigner;
import dev.hallmark.jws.JwsVerifier;
import dev.hallmark.jws.VerifiedJws;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The JWS JSON serializations (RFC 7515 §7.2) cross between Hallmark and Nimbus's {@code JWSObjectJSON}. */
class NimbusJwsJsonInteropTest {

    private static final byte[] PAYLOAD = "{\"hello\":\"world\",\"n\":1}".getBytes(StandardCharsets.UTF_8);

    static final List<String> ALGORITHMS = NimbusPeer.SHARED_JWS_ALGORITHMS;

    @ParameterizedTest(name = "{0}")
    @FieldSource("ALGORITHMS")
    void hallmarkFlattenedJsonVerifiesInNimbus(String alg) throws Exception {
        Jwk key = KeyGenerator.forAlgorithm(alg).generate();
        String json = JwsSigner.builder(key).unprotectedParameter("x-note", "unprotected").build()
                .signFlattenedJson(PAYLOAD);

        JWSObjectJSON parsed = JWSObjectJSON.parse(json);
        assertThat(parsed.getPayload().toBytes()).isEqualTo(PAYLOAD);
        assertThat(parsed.getSignatures()).hasSize(1);
        JWSObjectJSON.Signature sig = parsed.getSignatures().get(0);
        assertThat(sig.getHeader().getAlgorithm().getName()).isEqualTo(alg);
        assertThat(sig.getHeader().getKeyID()).isEqualTo(key.keyId().orElseThrow());
        assertThat(sig.getUnprotectedHeader().getParam("x-note")).isEqualTo("unprotected");
        assertThat(sig.verify(NimbusPeer.verifier(nimbusVerificationKey(key)))).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("ALGORITHMS")
    void nimbusFlattenedJsonVerifiesInHallmark(String alg) throws Exception {
        JWK nimbusKey = NimbusPeer.generate(alg);
        JWSObjectJSON jws = new JWSObjectJSON(new Payload(PAYLOAD));
        jws.sign(new JWSHeader.Builder(JWSAlgorithm.parse(alg)).keyID(nimbusKey.getKeyID()).build(),
                NimbusPeer.signer(nimbusKey));
        String flattened = jws.serializeFlattened();

        VerifiedJws verified = JwsVerifier.builder().key(Jwk.parse(NimbusPeer.verificationJson(nimbusKey))).build()
                .verifyJson(flattened);
        assertThat(verified.payload()).isEqualTo(PAYLOAD);
        assertThat(verified.header().keyId()).contains(nimbusKey.getKeyID());
        assertThat(verified.algorithm().name()).isEqualTo(alg);
    }

    /** Three signers in one general JSON document: Nimbus checks each signature with the key its kid names. */
    @Test
    void hallmarkGeneralJsonWithThreeSignaturesVerifiesInNimbus() throws Exception {
        List<Jwk> keys = List.of(KeyGenerator.forAlgorithm("RS256").generate(),
                KeyGenerator.forAlgorithm("ES384").generate(), KeyGenerator.forAlgorithm("EdDSA").generate());
        String json = JwsSigner.signGeneralJson(PAYLOAD,
                keys.stream().map(k -> JwsSigner.builder(k).build()).toList());

        JWSObjectJSON parsed = JWSObjectJSON.parse(json);
        com.nimbusds.jose.jwk.JWKSet nimbusSet = com.nimbusds.jose.jwk.JWKSet.parse(JwkSet.of(keys).toPublicJson());
        assertThat(parsed.getSignatures()).hasSize(3);
        for (JWSObjectJSON.Signature sig : parsed.getSignatures()) {
            JWK key = nimbusSet.getKeyByKeyId(sig.getHeader().getKeyID());
            assertThat(sig.verify(NimbusPeer.verifier(key))).as(sig.getHeader().getAlgorithm().getName()).isTrue();
        }
    }

    /**
     * Nimbus's general JSON, one signature with its {@code kid} in the unprotected header: Hallmark selects the key
     * by that {@code kid} and accepts when any one signature verifies with a trusted key.
     */
    @Test
    void nimbusGeneralJsonVerifiesInHallmark() throws Exception {
        JWK rsa = NimbusPeer.generate("PS256");
        JWK ec = NimbusPeer.generate("ES256");
        JWSObjectJSON jws = new JWSObjectJSON(new Payload(PAYLOAD));
        jws.sign(new JWSHeader.Builder(JWSAlgorithm.PS256).build(),
                new UnprotectedHeader.Builder().keyID(rsa.getKeyID()).build(), NimbusPeer.signer(rsa));
        jws.sign(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(ec.getKeyID()).build(), NimbusPeer.signer(ec));
        String general = jws.serializeGeneral();

        VerifiedJws byRsa = JwsVerifier.builder().key(Jwk.parse(rsa.toPublicJWK().toJSONString())).build()
                .verifyJson(general);
        assertThat(byRsa.header().keyId()).contains(rsa.getKeyID());
        assertThat(byRsa.payload()).isEqualTo(PAYLOAD);

        VerifiedJws byEc = JwsVerifier.builder().key(Jwk.parse(ec.toPublicJWK().toJSONString())).build()
                .verifyJson(general);
        assertThat(byEc.header().keyId()).contains(ec.getKeyID());

        // a key that signed neither: no trusted key matches either signature, reported for the first one
        Jwk stranger = KeyGenerator.forAlgorithm("ES256").generate().toPublicJwk();
        assertThatThrownBy(() -> JwsVerifier.builder().keys(KeySource.of(stranger)).build().verifyJson(general))
                .isInstanceOf(JoseException.class)
                .extracting(e -> ((JoseException) e).reason()).isEqualTo(Reason.KEY_NOT_FOUND);
    }

    private static JWK nimbusVerificationKey(Jwk key) {
        return NimbusPeer.parse(key instanceof OctJwk ? key.toPrivateJson() : key.toPublicJson());
    }
}
