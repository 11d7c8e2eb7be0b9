package dev.hallmark.jwe;

import dev.hallmark.internal.codec.Base64Url;
import dev.hallmark.internal.crypto.AesGcm;
import dev.hallmark.internal.crypto.ConcatKdf;
import dev.hallmark.internal.crypto.EcdhEs;
import dev.hallmark.internal.json.JsonWriter;
import dev.hallmark.jwk.Jwk;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RFC 7518 Appendix C, the ECDH-ES worked example (values transcribed from the RFC text): Bob's key, Alice's
 * ephemeral key, {@code apu} "Alice", {@code apv} "Bob", A128GCM. The Concat KDF must give the RFC's derived key, and a
 * JWE built on it (with {@code apu}/{@code apv} in the header) must decrypt through the public API.
 */
class Rfc7518AppendixCTest {

    static final Jwk BOB = Jwk.parse("{\"kty\":\"EC\",\"crv\":\"P-256\","
            + "\"x\":\"weNJy2HscCSM6AEDTDg04biOvhFhyyWvOHQfeF_PxMQ\","
            + "\"y\":\"e8lnCO-AlStT-NJVX-crhB7QRYhiix03illJOVAOyck\","
            + "\"d\":\"VEmDZpDXXK8p8N0Cndsxs924q6nS1RXFASRl6BfUqdw\"}");
    static final Map<String, Object> ALICE_EPK = Map.of("kty", "EC", "crv", "P-256",
            "x", "gI0GAILBdu7T53akrFmMyGcsF3n5dO7MmwNBHKW5SV0", "y", "SLW_xSffzlPWrHEVI30DHM_4egVwt3NQqeUD7nMFpps");
    static final String DERIVED = "VqqN6vgjbSBcIijNcacQGg";

    @Test
    void concatKdfGivesTheDerivedKey() {
        byte[] z = EcdhEs.sharedSecret(BOB.privateKey().orElseThrow(), "P-256", ALICE_EPK);
        assertThat(z).containsExactly(158, 86, 217, 29, 129, 113, 53, 211, 114, 131, 66, 131, 191, 132, 38, 156,
                251, 49, 110, 163, 218, 128, 106, 72, 246, 218, 167, 121, 140, 254, 144, 196);
        byte[] key = ConcatKdf.derive(z, 16, "A128GCM", "Alice".getBytes(StandardCharsets.US_ASCII),
                "Bob".getBytes(StandardCharsets.US_ASCII));
        assertThat(Base64Url.encode(key)).isEqualTo(DERIVED);
    }

    @Test
    void aJweOnTheExampleDecryptsWithApuAndApv() {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "ECDH-ES");
        header.put("enc", "A128GCM");
        header.put("apu", "QWxpY2U");
        header.put("apv", "Qm9i");
        header.put("epk", ALICE_EPK);
        String protectedB64 = Base64Url.encode(JsonWriter.write(header));
        byte[] iv = new byte[12];
        AesGcm.Sealed sealed = AesGcm.encrypt(Base64Url.decode(DERIVED, "key"), iv,
                "from Alice".getBytes(StandardCharsets.UTF_8), protectedB64.getBytes(StandardCharsets.US_ASCII));
        String token = protectedB64 + ".." + Base64Url.encode(iv) + "." + Base64Url.encode(sealed.ciphertext()) + "."
                + Base64Url.encode(sealed.tag());
        DecryptedJwe jwe = JweDecrypter.builder().key(BOB).build().decrypt(token);
        assertThat(jwe.plaintextAsString()).isEqualTo("from Alice");
        // without apu/apv the KDF input differs, so the same ciphertext no longer decrypts
        String withoutApu = JweAttacksTest.withHeader(token, h -> h.remove("apu"));
        JweAttacksTest.assertDecryptionFailed(() -> JweDecrypter.builder().key(BOB).build().decrypt(withoutApu));
    }
}
