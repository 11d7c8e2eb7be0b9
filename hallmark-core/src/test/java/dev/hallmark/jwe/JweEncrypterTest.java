package dev.hallmark.jwe;

import dev.hallmark.jwk.Jwk;
import dev.hallmark.jwk.KeyGenerator;
import dev.hallmark.jwk.OctJwk;
import dev.hallmark.vectors.VectorFiles;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The encrypter's defaults and the caller mistakes it refuses. */
class JweEncrypterTest {

    private static final byte[] PLAINTEXT = "hi".getBytes(StandardCharsets.UTF_8);

    @Test
    void keyFixesAlgorithmAndKid() {
        Jwk rsa = KeyGenerator.forAlgorithm("RSA-OAEP-384").keyId("r1").generate();
        Map<String, Object> header = header(JweEncrypter.builder(rsa.toPublicJwk()).build().encrypt(PLAINTEXT));
        assertThat(header).containsEntry("alg", "RSA-OAEP-384").containsEntry("enc", "A256GCM").containsEntry("kid", "r1");
        assertThat(JweEncrypter.defaultFor(JweTestKeys.RSA)).isEqualTo(JweAlgorithm.RSA_OAEP_256);
        assertThat(JweEncrypter.defaultFor(JweTestKeys.P384)).isEqualTo(JweAlgorithm.ECDH_ES_A256KW);
        assertThat(JweEncrypter.defaultFor(JweTestKeys.X448)).isEqualTo(JweAlgorithm.ECDH_ES_A256KW);
        assertThat(JweEncrypter.defaultFor(JweTestKeys.secret(24))).isEqualTo(JweAlgorithm.A192KW);
        assertThat(JweEncrypter.defaultFor(JweTestKeys.secret(16).withAlgorithm("A128GCM"))).isEqualTo(JweAlgorithm.DIR);
        assertThatThrownBy(() -> JweEncrypter.defaultFor(JweTestKeys.secret(20)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesRsa1_5AndKeysThatDoNotFit() {
        assertThatThrownBy(() -> JweEncrypter.builder().recipient(JweTestKeys.RSA.toPublicJwk(), JweAlgorithm.RSA1_5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("decryption only");
        assertThatThrownBy(() -> JweEncrypter.builder().recipient(JweTestKeys.secret(16), JweAlgorithm.A256KW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JweEncrypter.builder().recipient(JweTestKeys.P256.toPublicJwk(), JweAlgorithm.RSA_OAEP))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JweEncrypter.builder().recipient(JweTestKeys.secret(16), JweAlgorithm.DIR).build())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> JweEncrypter.builder().build()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> JweEncrypter.builder().recipient(JweTestKeys.secret(32).withAlgorithm("HS256"),
                JweAlgorithm.DIR)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JweEncrypter.builder(JweTestKeys.secret(16).withAlgorithm("A128GCM"))
                .encryption(ContentEncryption.A128CBC_HS256).build()).isInstanceOf(IllegalStateException.class);
        assertThat(JweEncrypter.builder(JweTestKeys.secret(16).withAlgorithm("A128GCM"))
                .encryption(ContentEncryption.A128GCM).build().encrypt(PLAINTEXT)).isNotEmpty();
        assertThatThrownBy(() -> JweEncrypter.builder(JweTestKeys.P256.toPublicJwk().withUse("sig")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not encryption");
        assertThatThrownBy(() -> JweEncrypter.builder(JweTestKeys.secret(32).withKeyOperations(java.util.Set.of("sign"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("key_ops");
    }

    @Test
    void directAlgorithmsCannotShareTheirKey() {
        assertThatThrownBy(() -> JweEncrypter.builder().recipient(JweTestKeys.P256.toPublicJwk(), JweAlgorithm.ECDH_ES)
                .recipient(JweTestKeys.secret(16)).build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ECDH-ES+A256KW");
    }

    @Test
    void registeredParametersAreTheEncryptersOwn() {
        for (String name : List.of("alg", "enc", "zip", "epk", "p2c", "kid")) {
            assertThatThrownBy(() -> JweEncrypter.builder().protectedParameter(name, "x"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void compactNeedsOneRecipientAndNoUnprotectedHeader() {
        JweEncrypter two = JweEncrypter.builder().recipient(JweTestKeys.secret(16)).recipient(JweTestKeys.RSA.toPublicJwk())
                .build();
        assertThatThrownBy(() -> two.encrypt(PLAINTEXT)).isInstanceOf(IllegalStateException.class);
        JweEncrypter unprotected = JweEncrypter.builder(JweTestKeys.secret(16)).unprotectedParameter("x", "y").build();
        assertThatThrownBy(() -> unprotected.encrypt(PLAINTEXT)).isInstanceOf(IllegalStateException.class);
    }

    /** Several recipients of different kinds, each decrypting the same general JSON serialization with its own key. */
    @Test
    void generalJsonForSeveralRecipients() {
        OctJwk shared = JweTestKeys.secret(32);
        Jwk rsa = KeyGenerator.forAlgorithm("RSA-OAEP-256").keyId("rsa").generate();
        Jwk ec = KeyGenerator.forAlgorithm("ECDH-ES+A128KW").keyId("ec").curve("P-521").generate();
        JweEncrypter encrypter = JweEncrypter.builder()
                .recipient(shared.withKeyId("aes"), JweAlgorithm.A256GCMKW, Map.of("note", "for the backend"))
                .recipient(rsa.toPublicJwk())
                .recipient(ec.toPublicJwk())
                .encryption(ContentEncryption.A192CBC_HS384)
                .type("secret+json").protectedParameter("ver", 2L).unprotectedParameter("route", "eu")
                .build();
        byte[] aad = "bound".getBytes(StandardCharsets.UTF_8);
        String json = encrypter.encryptJson(PLAINTEXT, aad);
        assertThat(json).contains("\"recipients\"").contains("\"aad\"");
        for (Jwk key : new Jwk[] {shared.withKeyId("aes"), rsa, ec}) {
            DecryptedJwe result = JweDecrypter.builder().key(key).build().decryptJson(json);
            assertThat(result.plaintext()).isEqualTo(PLAINTEXT);
            assertThat(result.header().type()).contains("secret+json");
            assertThat(result.header().get("route")).contains("eu");
            assertThat(result.header().protectedParameters()).contains("enc", "typ", "ver").doesNotContain("route");
            assertThat(result.key().keyId()).isEqualTo(key.keyId());
        }
        assertThat(JweDecrypter.builder().key(shared.withKeyId("aes")).build().decryptJson(json).header().get("note"))
                .contains("for the backend");
        assertThat(encrypter.toString()).doesNotContain(java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(shared.secretBytes()));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> header(String compact) {
        String b64 = compact.substring(0, compact.indexOf('.'));
        return (Map<String, Object>) VectorFiles.parse(new String(java.util.Base64.getUrlDecoder().decode(b64),
                StandardCharsets.UTF_8));
    }
}
