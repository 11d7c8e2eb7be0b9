package dev.hallmark.interop;

import com.nimbusds.jose.CompressionAlgorithm;
import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEDecrypter;
import com.nimbusds.jose.JWEEncrypter;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.AESDecrypter;
import com.nimbusds.jose.crypto.AESEncrypter;
import com.nimbusds.jose.crypto.DirectDecrypter;
import com.nimbusds.jose.crypto.DirectEncrypter;
import com.nimbusds.jose.crypto.ECDHDecrypter;
import com.nimbusds.jose.crypto.ECDHEncrypter;
import com.nimbusds.jose.crypto.PasswordBasedDecrypter;
import com.nimbusds.jose.crypto.PasswordBasedEncrypter;
import com.nimbusds.jose.crypto.RSADecrypter;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jose.crypto.X25519Decrypter;
import com.nimbusds.jose.crypto.X25519Encrypter;
import com.nimbusds.jose.jwk.JWK;
import dev.hallmark.jwe.ContentEncryption;
import dev.hallmark.jwe.JweAlgorithm;
import dev.hallmark.jwe.JweDecrypter;
import dev.hallmark.jwe.JweEncrypter;
import dev.hallmark.jwe.JweTestKeys;
import dev.hallmark.jwk.Jwk;
import dev.hallmark.jwk.OctJwk;
import dev.hallmark.jwk.OkpJwk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * JWE interoperability with Nimbus, both directions, compact serialization: every algorithm and content
 * encryption both implement, on every curve both implement (Nimbus has no X448 JWE). RSA1_5 goes one way only:
 * Nimbus encrypts, Hallmark (with RSA1_5 enabled) decrypts; Hallmark never encrypts with it.
 */
class NimbusJweInteropTest {

    private static final byte[] PLAINTEXT = "{\"iss\":\"https://auth.example.com\",\"sub\":\"alice\"}"
            .getBytes(StandardCharsets.UTF_8);

    static Stream<Arguments> combinations() {
        List<Arguments> out = new ArrayList<>();
        for (JweAlgorithm alg : JweAlgorithm.values()) {
            for (ContentEncryption enc : ContentEncryption.values()) {
                for (Jwk key : JweTestKeys.keysFor(alg, enc)) {
                    if (key instanceof OkpJwk okp && okp.curveName().equals("X448")) {
                        continue; // Nimbus has no X448 key agreement
                    }
                    out.add(Arguments.of(alg, enc, key));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "Nimbus encrypts, Hallmark decrypts: {0} {1} {2}")
    @MethodSource("combinations")
    void nimbusToHallmark(JweAlgorithm alg, ContentEncryption enc, Jwk key) throws Exception {
        JWEObject jwe = new JWEObject(new JWEHeader.Builder(JWEAlgorithm.parse(alg.headerName()),
                EncryptionMethod.parse(enc.headerName())).build(), new Payload(PLAINTEXT));
        jwe.encrypt(nimbusEncrypter(alg, key));
        JweDecrypter.Builder b = JweDecrypter.builder().key(key).algorithms(alg).encryptions(enc);
        if (alg == JweAlgorithm.RSA1_5) {
            b.allowRsa1_5();
        }
        assertThat(b.build().decrypt(jwe.serialize()).plaintext()).isEqualTo(PLAINTEXT);
    }

    @ParameterizedTest(name = "Hallmark encrypts, Nimbus decrypts: {0} {1} {2}")
    @MethodSource("combinations")
    void hallmarkToNimbus(JweAlgorithm alg, ContentEncryption enc, Jwk key) throws Exception {
        if (alg == JweAlgorithm.RSA1_5) {
            return; // no encryption side, asserted in JweEncrypterTest
        }
        Jwk recipient = key instanceof OctJwk ? key : key.toPublicJwk();
        String token = JweEncrypter.builder().recipient(recipient, alg).encryption(enc).pbes2Iterations(1000).build()
                .encrypt(PLAINTEXT);
        JWEObject jwe = JWEObject.parse(token);
        jwe.decrypt(nimbusDecrypter(alg, key));
        assertThat(jwe.getPayload().toBytes()).isEqualTo(PLAINTEXT);
    }

    @Test
    void compressedBothWays() throws Exception {
        OctJwk key = JweTestKeys.secret(32);
        JWEObject jwe = new JWEObject(new JWEHeader.Builder(JWEAlgorithm.A256KW, EncryptionMethod.A256GCM)
                .compressionAlgorithm(CompressionAlgorithm.DEF).build(), new Payload(PLAINTEXT));
        jwe.encrypt(new AESEncrypter(key.secretBytes()));
        assertThat(JweDecrypter.builder().key(key).allowCompression().build().decrypt(jwe.serialize()).plaintext())
                .isEqualTo(PLAINTEXT);
        JWEObject back = JWEObject.parse(JweEncrypter.builder(key).compress().build().encrypt(PLAINTEXT));
        back.decrypt(new AESDecrypter(key.secretBytes()));
        assertThat(back.getPayload().toBytes()).isEqualTo(PLAINTEXT);
    }

    private static JWEEncrypter nimbusEncrypter(JweAlgorithm alg, Jwk key) throws Exception {
        return switch (alg.family()) {
            case RSA1_5, RSA_OAEP -> new RSAEncrypter(nimbus(key).toRSAKey());
            case AES_KW, AES_GCM_KW -> new AESEncrypter(((OctJwk) key).secretBytes());
            case DIRECT -> new DirectEncrypter(((OctJwk) key).secretBytes());
            case PBES2 -> new PasswordBasedEncrypter(((OctJwk) key).secretBytes(), 16, 1000);
            case ECDH_ES, ECDH_ES_KW -> key instanceof OkpJwk
                    ? new X25519Encrypter(nimbus(key).toOctetKeyPair().toPublicJWK())
                    : new ECDHEncrypter(nimbus(key).toECKey().toPublicJWK());
        };
    }

    private static JWEDecrypter nimbusDecrypter(JweAlgorithm alg, Jwk key) throws Exception {
        return switch (alg.family()) {
            case RSA1_5, RSA_OAEP -> new RSADecrypter(nimbus(key).toRSAKey());
            case AES_KW, AES_GCM_KW -> new AESDecrypter(((OctJwk) key).secretBytes());
            case DIRECT -> new DirectDecrypter(((OctJwk) key).secretBytes());
            case PBES2 -> new PasswordBasedDecrypter(((OctJwk) key).secretBytes());
            case ECDH_ES, ECDH_ES_KW -> key instanceof OkpJwk
                    ? new X25519Decrypter(nimbus(key).toOctetKeyPair())
                    : new ECDHDecrypter(nimbus(key).toECKey());
        };
    }

    private static JWK nimbus(Jwk key) {
        return NimbusPeer.parse(key.toPrivateJson());
    }
}
