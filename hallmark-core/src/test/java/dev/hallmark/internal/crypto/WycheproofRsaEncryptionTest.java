package dev.hallmark.internal.crypto;

import dev.hallmark.vectors.Wycheproof;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** RSA-OAEP (RSA-OAEP, -256, -384, -512) and RSA1_5 key decryption against Wycheproof. */
class WycheproofRsaEncryptionTest {

    static Stream<Wycheproof.Case> oaep() {
        return Stream.of("rsa_oaep_2048_sha1_mgf1sha1", "rsa_oaep_2048_sha256_mgf1sha256",
                "rsa_oaep_2048_sha384_mgf1sha384", "rsa_oaep_2048_sha512_mgf1sha512",
                "rsa_oaep_3072_sha256_mgf1sha256", "rsa_oaep_4096_sha256_mgf1sha256").flatMap(Wycheproof::stream);
    }

    /**
     * Valid cases with an empty label decrypt to {@code msg}. JOSE always uses the empty label (RFC 7518 §4.3), so
     * a valid case with a label ({@code EncryptionWithLabel}) is asserted to fail: Hallmark never decrypts with
     * another label. Every invalid case fails with the one {@link CryptoFailure}.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("oaep")
    void rsaOaep(Wycheproof.Case c) throws Exception {
        assertThat(c.isAcceptable()).isFalse();
        assertThat(c.group().string("mgfSha")).isEqualTo(c.group().string("sha"));
        RsaOaep oaep = RsaOaep.withHash(c.group().string("sha"));
        PrivateKey key = privateKey(c);
        byte[] ct = c.hex("ct");
        if (c.isValid() && c.string("label").isEmpty()) {
            assertThat(oaep.decrypt(key, ct)).isEqualTo(c.hex("msg"));
        } else {
            assertThatThrownBy(() -> oaep.decrypt(key, ct)).isSameAs(CryptoFailure.get());
        }
    }

    static Stream<Wycheproof.Case> pkcs1() {
        return Stream.of("rsa_pkcs1_2048", "rsa_pkcs1_3072", "rsa_pkcs1_4096").flatMap(Wycheproof::stream);
    }

    /**
     * RSA1_5: valid ciphertexts decrypt; invalid ones fail, and through the RFC 3218 path they yield random bytes
     * of the requested length instead of an error. A valid ciphertext whose message has another length than the
     * content key also yields random bytes.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("pkcs1")
    void rsa1_5(Wycheproof.Case c) throws Exception {
        assertThat(c.isAcceptable()).isFalse();
        PrivateKey key = privateKey(c);
        byte[] ct = c.hex("ct");
        byte[] msg = c.hex("msg");
        SecureRandom random = new SecureRandom();
        if (c.isValid()) {
            assertThat(RsaPkcs1Decryption.decrypt(key, ct)).isEqualTo(msg);
            assertThat(RsaPkcs1Decryption.decryptOrRandom(key, ct, msg.length, random)).isEqualTo(msg);
            assertThat(RsaPkcs1Decryption.decryptOrRandom(key, ct, msg.length + 16, random))
                    .hasSize(msg.length + 16);
        } else {
            assertThatThrownBy(() -> RsaPkcs1Decryption.decrypt(key, ct)).isSameAs(CryptoFailure.get());
            assertThat(RsaPkcs1Decryption.decryptOrRandom(key, ct, 32, random)).hasSize(32);
        }
    }

    private static PrivateKey privateKey(Wycheproof.Case c) throws Exception {
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(c.group().hex("privateKeyPkcs8")));
    }
}
