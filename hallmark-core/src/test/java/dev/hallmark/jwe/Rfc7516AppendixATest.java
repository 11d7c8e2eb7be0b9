package dev.hallmark.jwe;

import dev.hallmark.internal.codec.Base64Url;
import dev.hallmark.jwk.Jwk;
import dev.hallmark.vectors.VectorFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RFC 7516 Appendix A, transcribed into {@code vectors/rfc7516-appendix-a/appendix-a.json} (see its README): every
 * example decrypts with each of its keys, and A.3, whose CEK and IV the RFC gives, is reproduced byte for byte.
 */
class Rfc7516AppendixATest {

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> entries() {
        return (List<Map<String, Object>>) VectorFiles.json("rfc7516-appendix-a/appendix-a.json");
    }

    @SuppressWarnings("unchecked")
    static Stream<Arguments> examples() {
        List<Arguments> out = new ArrayList<>();
        for (Map<String, Object> e : entries()) {
            for (Object k : (List<Object>) e.get("keys")) {
                Jwk key = Jwk.parse(VectorFiles.write(k));
                out.add(Arguments.of(e.get("name") + " " + key.keyType() + key.keyId().map(id -> " " + id).orElse(""),
                        e, key));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "RFC 7516 {0}")
    @MethodSource("examples")
    void decrypts(String name, Map<String, Object> example, Jwk key) {
        JweDecrypter decrypter = JweDecrypter.builder().key(key).allowRsa1_5().build();
        DecryptedJwe result = example.containsKey("compact") ? decrypter.decrypt((String) example.get("compact"))
                : decrypter.decryptJson(VectorFiles.write(example.get("json")));
        assertThat(result.plaintextAsString()).isEqualTo(example.get("plaintext"));
        if (example.containsKey("json")) {
            assertThat(result.header().get("jku")).contains("https://server.example.com/keys.jwks");
            assertThat(result.header().protectedParameters()).containsExactly("enc");
        }
    }

    /** A.3 with the RFC's CEK (A.3.2) and IV (A.3.4) fed as the encrypter's randomness gives the RFC's token. */
    @Test
    void a3IsReproduced() {
        Map<String, Object> a3 = entries().get(2);
        assertThat(a3.get("name")).isEqualTo("A.3");
        Deque<byte[]> queue = new ArrayDeque<>(List.of(Base64Url.decode((String) a3.get("cek"), "cek"),
                Base64Url.decode((String) a3.get("iv"), "iv")));
        SecureRandom scripted = new SecureRandom() {
            private static final long serialVersionUID = 1L;

            @Override
            public void nextBytes(byte[] bytes) {
                byte[] next = queue.removeFirst();
                assertThat(next).hasSize(bytes.length);
                System.arraycopy(next, 0, bytes, 0, bytes.length);
            }
        };
        Jwk key = Jwk.parse(VectorFiles.write(((List<?>) a3.get("keys")).get(0)));
        String token = JweEncrypter.builder().recipient(key, JweAlgorithm.A128KW)
                .encryption(ContentEncryption.A128CBC_HS256).random(scripted).build()
                .encrypt(((String) a3.get("plaintext")).getBytes(StandardCharsets.UTF_8));
        assertThat(token).isEqualTo(a3.get("compact"));
    }
}
