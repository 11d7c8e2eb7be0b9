package dev.hallmark.jwe;

import dev.hallmark.jwk.Jwk;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every key-management algorithm Hallmark encrypts with, times every content encryption, on every curve for
 * ECDH-ES: compact, flattened and general JSON round trips. RSA1_5 has no encryption side; its decryption is
 * covered by the vectors and the Nimbus interop test.
 */
class JweRoundTripTest {

    static Stream<Arguments> combinations() {
        List<Arguments> out = new ArrayList<>();
        for (JweAlgorithm alg : JweAlgorithm.values()) {
            if (alg == JweAlgorithm.RSA1_5) {
                continue;
            }
            for (ContentEncryption enc : ContentEncryption.values()) {
                for (Jwk key : JweTestKeys.keysFor(alg, enc)) {
                    out.add(Arguments.of(alg, enc, key));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("combinations")
    void roundTrips(JweAlgorithm alg, ContentEncryption enc, Jwk key) {
        byte[] plaintext = ("hello " + alg + " " + enc).getBytes(StandardCharsets.UTF_8);
        JweEncrypter encrypter = JweEncrypter.builder().recipient(publicForm(key), alg).encryption(enc)
                .pbes2Iterations(1000).build();
        JweDecrypter decrypter = JweDecrypter.builder().key(key).algorithms(alg).encryptions(enc).build();

        DecryptedJwe compact = decrypter.decrypt(encrypter.encrypt(plaintext));
        assertThat(compact.plaintext()).isEqualTo(plaintext);
        assertThat(compact.algorithm()).isEqualTo(alg);
        assertThat(compact.encryption()).isEqualTo(enc);
        assertThat(compact.header().algorithm()).isEqualTo(alg.headerName());

        byte[] aad = "context".getBytes(StandardCharsets.UTF_8);
        DecryptedJwe flattened = decrypter.decryptJson(encrypter.encryptJson(plaintext, aad));
        assertThat(flattened.plaintext()).isEqualTo(plaintext);
        assertThat(flattened.additionalAuthenticatedData()).contains(aad);

        DecryptedJwe general = decrypter.decryptJson(encrypter.encryptGeneralJson(plaintext, null));
        assertThat(general.plaintext()).isEqualTo(plaintext);
        assertThat(general.additionalAuthenticatedData()).isEmpty();
    }

    static Jwk publicForm(Jwk key) {
        return key.keyType().equals("oct") ? key : key.toPublicJwk();
    }
}
