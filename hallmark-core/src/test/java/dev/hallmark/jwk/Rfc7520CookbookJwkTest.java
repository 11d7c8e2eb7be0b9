package dev.hallmark.jwk;

import dev.hallmark.Reason;
import dev.hallmark.jws.JwsAlgorithm;
import dev.hallmark.jws.JwsSigner;
import dev.hallmark.jws.JwsVerifier;
import dev.hallmark.vectors.VectorFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.hallmark.vectors.JoseAssertions.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * RFC 7520 §3 keys from {@code rfc7520-cookbook/jwk/3_*.json}: each parses as the right type, is detected as public
 * or private, and survives {@code toPrivateJson()} member for member; the public form of each private key is exactly
 * the cookbook's public key.
 */
class Rfc7520CookbookJwkTest {

    private static final String DIR = "rfc7520-cookbook/jwk/";
    private static final Set<String> PRIVATE_MEMBERS = Set.of("d", "p", "q", "dp", "dq", "qi", "oth", "k");

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "3_1.ec_public_key.json,                 EC,  false",
        "3_2.ec_private_key.json,                EC,  true",
        "3_3.rsa_public_key.json,                RSA, false",
        "3_4.rsa_private_key.json,               RSA, true",
        "3_5.symmetric_key_mac_computation.json, oct, true",
        "3_6.symmetric_key_encryption.json,      oct, true",
    })
    void parsesDetectsPrivateMaterialAndRoundTrips(String file, String kty, boolean isPrivate) {
        Map<String, Object> json = VectorFiles.jsonObject(DIR + file);
        Jwk key = Jwk.parse(VectorFiles.text(DIR + file));

        assertThat(key.keyType()).isEqualTo(kty);
        // symmetric keys are always private: they have no public form
        assertThat(key.isPrivate()).isEqualTo(isPrivate);
        assertThat(key.keyId()).contains((String) json.get("kid"));
        assertThat(key.use()).contains((String) json.get("use"));
        // every member survives, private ones included (member order aside)
        assertThat(VectorFiles.parse(key.toPrivateJson())).isEqualTo(json);
        assertThat(Jwk.parse(key.toPrivateJson())).isEqualTo(key);

        if (kty.equals("oct")) {
            assertThatThrownBy(key::toPublicJson).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(key::toPublicJwk).isInstanceOf(IllegalStateException.class);
        } else {
            Map<String, Object> publicMembers = new LinkedHashMap<>(json);
            publicMembers.keySet().removeAll(PRIVATE_MEMBERS);
            assertThat(VectorFiles.parse(key.toPublicJson())).isEqualTo(publicMembers);
            assertThat(key.toPublicJwk().isPrivate()).isFalse();
            assertThat(key.toPublicJson()).doesNotContain("\"d\"");
        }
        // toString never shows key material
        for (String member : PRIVATE_MEMBERS) {
            if (json.get(member) instanceof String secret) {
                assertThat(key.toString()).doesNotContain(secret);
            }
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "3_2.ec_private_key.json,  3_1.ec_public_key.json",
        "3_4.rsa_private_key.json, 3_3.rsa_public_key.json",
    })
    void publicFormOfEachPrivateKeyIsTheCookbookPublicKey(String privateFile, String publicFile) {
        Jwk privateKey = Jwk.parse(VectorFiles.text(DIR + privateFile));
        Jwk publicKey = Jwk.parse(VectorFiles.text(DIR + publicFile));

        assertThat(privateKey.toPublicJwk()).isEqualTo(publicKey);
        assertThat(VectorFiles.parse(privateKey.toPublicJson())).isEqualTo(VectorFiles.json(DIR + publicFile));
        assertThat(Thumbprint.of(privateKey)).isEqualTo(Thumbprint.of(publicKey));
        assertThat(privateKey.publicKey()).isEqualTo(publicKey.publicKey());
    }

    @Test
    void p521CoordinatesAreKeptAt66Octets_3_2() {
        EcJwk key = (EcJwk) Jwk.parse(VectorFiles.text(DIR + "3_2.ec_private_key.json"));
        assertThat(key.curveName()).isEqualTo("P-521");
        // x and d start with a zero octet (base64url "AH…", "AA…"): a minimal encoding would lose it
        Map<?, ?> written = (Map<?, ?>) VectorFiles.parse(key.toPrivateJson());
        assertThat((String) written.get("x")).hasSize(88).startsWith("AH");
        assertThat((String) written.get("d")).hasSize(88).startsWith("AA");
    }

    /** §3.6 is an A256GCM content-encryption key with {@code use: enc}: usable for neither signing nor verifying. */
    @Test
    void encryptionKeyIsNotASigningKey_3_6() {
        Jwk key = Jwk.parse(VectorFiles.text(DIR + "3_6.symmetric_key_encryption.json"));
        assertThat(((OctJwk) key).length()).isEqualTo(32);
        assertThat(key.algorithm()).contains("A256GCM");
        assertThatThrownBy(() -> JwsSigner.builder(key).build()).isInstanceOf(IllegalArgumentException.class);

        // an HS256 token made with the very same secret and kid still finds no key: use "enc" keeps it out
        Jwk sameSecret = OctJwk.of(((OctJwk) key).secretBytes()).withKeyId(key.keyId().orElseThrow());
        String hs256 = JwsSigner.builder(sameSecret).algorithm(JwsAlgorithm.HS256).build()
                .sign("x".getBytes(StandardCharsets.UTF_8));
        assertRejected(() -> JwsVerifier.builder().key(key).build().verify(hs256), Reason.KEY_NOT_FOUND);
    }

    @Test
    void theCookbookKeysFormASetWhosePublicFormHoldsOnlyAsymmetricPublicKeys() {
        List<Jwk> keys = List.of(
                Jwk.parse(VectorFiles.text(DIR + "3_2.ec_private_key.json")),
                Jwk.parse(VectorFiles.text(DIR + "3_4.rsa_private_key.json")),
                Jwk.parse(VectorFiles.text(DIR + "3_5.symmetric_key_mac_computation.json")));
        JwkSet published = JwkSet.parse(JwkSet.of(keys).toPublicJson());

        assertThat(published.keys()).extracting(Jwk::keyType).containsExactly("EC", "RSA");
        assertThat(published.keys()).noneMatch(Jwk::isPrivate);
        assertThat(published.skipped()).isEmpty();
    }
}
