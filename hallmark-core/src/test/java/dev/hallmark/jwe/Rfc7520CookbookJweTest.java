package dev.hallmark.jwe;

import dev.hallmark.jwk.Jwk;
import dev.hallmark.jwk.OctJwk;
import dev.hallmark.vectors.VectorFiles;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JWE examples of RFC 7520 §5 (all thirteen) and the RFC 8037 X25519 example of the cookbook repository:
 * every serialization in each file's {@code output} decrypts to {@code input.plaintext} with {@code input.key}
 * (each of the three keys for §5.13) or {@code input.pwd}. The decrypter enables exactly what the example needs:
 * RSA1_5 for §5.1 and §5.13, compression for §5.9, PBES2 by name for §5.3.
 *
 * <p>The X25519 example's {@code encrypting_key.epk} differs from the {@code epk} in its protected header (an
 * upstream quirk); the outputs use the header's, which is the one a decrypter reads, and they decrypt.
 */
class Rfc7520CookbookJweTest {

    static final List<String> FILES = List.of(
            "jwe/5_1.key_encryption_using_rsa_v15_and_aes-hmac-sha2.json",
            "jwe/5_2.key_encryption_using_rsa-oaep_with_aes-gcm.json",
            "jwe/5_3.key_wrap_using_pbes2-aes-keywrap_with-aes-cbc-hmac-sha2.json",
            "jwe/5_4.key_agreement_with_key_wrapping_using_ecdh-es_and_aes-keywrap_with_aes-gcm.json",
            "jwe/5_5.key_agreement_using_ecdh-es_with_aes-cbc-hmac-sha2.json",
            "jwe/5_6.direct_encryption_using_aes-gcm.json",
            "jwe/5_7.key_wrap_using_aes-gcm_keywrap_with_aes-cbc-hmac-sha2.json",
            "jwe/5_8.key_wrap_using_aes-keywrap_with_aes-gcm.json",
            "jwe/5_9.compressed_content.json",
            "jwe/5_10.including_additional_authentication_data.json",
            "jwe/5_11.protecting_specific_header_fields.json",
            "jwe/5_12.protecting_content_only.json",
            "jwe/5_13.encrypting_to_multiple_recipients.json",
            "curve25519/ecdh-es.json");

    @SuppressWarnings("unchecked")
    static Stream<Arguments> examples() {
        List<Arguments> out = new ArrayList<>();
        for (String file : FILES) {
            Map<String, Object> doc = VectorFiles.jsonObject("rfc7520-cookbook/" + file);
            Map<String, Object> input = (Map<String, Object>) doc.get("input");
            Map<String, Object> output = (Map<String, Object>) doc.get("output");
            List<Jwk> keys = new ArrayList<>();
            if (input.get("pwd") instanceof String pwd) {
                keys.add(OctJwk.of(pwd.getBytes(StandardCharsets.UTF_8)));
            } else if (input.get("key") instanceof List<?> list) {
                list.forEach(k -> keys.add(Jwk.parse(VectorFiles.write(k))));
            } else {
                keys.add(Jwk.parse(VectorFiles.write(input.get("key"))));
            }
            for (Map.Entry<String, Object> form : output.entrySet()) {
                String serialized = form.getValue() instanceof String s ? s : VectorFiles.write(form.getValue());
                for (Jwk key : keys) {
                    out.add(Arguments.of(file + " " + form.getKey() + " " + key.keyId().orElse(key.keyType()),
                            form.getKey().equals("compact"), serialized, key, input));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void decrypts(String name, boolean compact, String serialized, Jwk key, Map<String, Object> input) {
        JweDecrypter.Builder b = JweDecrypter.builder().key(key).allowRsa1_5().allowCompression();
        if (input.containsKey("pwd")) {
            b.algorithms(JweAlgorithm.PBES2_HS512_A256KW);
        }
        JweDecrypter decrypter = b.build();
        DecryptedJwe result = compact ? decrypter.decrypt(serialized) : decrypter.decryptJson(serialized);
        assertThat(result.plaintextAsString()).isEqualTo(input.get("plaintext"));
        if (input.get("aad") instanceof String aad) {
            assertThat(result.additionalAuthenticatedData()).hasValue(aad.getBytes(StandardCharsets.UTF_8));
        }
    }
}
