package dev.hallmark.internal.crypto;

import dev.hallmark.vectors.Wycheproof;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The symmetric JWE primitives against Wycheproof: AES key wrap ({@code aes_wrap}), AES-GCM ({@code aes_gcm}),
 * the RFC 7518 §5.2 AES-CBC-HMAC composite ({@code a128cbc_hs256}, {@code a192cbc_hs384}, {@code a256cbc_hs512})
 * and its inner CBC layer ({@code aes_cbc_pkcs5}). No case is skipped; the ones JOSE cannot express are asserted
 * to be refused.
 */
class WycheproofAesTest {

    static Stream<Wycheproof.Case> keyWrap() {
        return Wycheproof.stream("aes_wrap");
    }

    /**
     * Valid: unwrap gives {@code msg} and wrapping {@code msg} gives {@code ct}. Invalid: unwrap fails. The three
     * {@code acceptable} cases ({@code ShortKey}: an 8-byte key wrapped as one AES block, which RFC 3394 does not
     * define) are decided as refused: a JWE content key is never 8 bytes, so Hallmark's unwrap needs at least
     * two 64-bit blocks.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("keyWrap")
    void aesKeyWrap(Wycheproof.Case c) {
        byte[] kek = c.hex("key");
        byte[] msg = c.hex("msg");
        byte[] ct = c.hex("ct");
        if (c.isValid()) {
            assertThat(AesKeyWrap.unwrap(kek, ct)).isEqualTo(msg);
            assertThat(AesKeyWrap.wrap(kek, msg)).isEqualTo(ct);
        } else {
            assertThat(c.isAcceptable() ? c.flags() : java.util.List.of("ShortKey"))
                    .as("only ShortKey is acceptable").contains("ShortKey");
            assertThatThrownBy(() -> AesKeyWrap.unwrap(kek, ct)).isSameAs(CryptoFailure.get());
        }
    }

    static Stream<Wycheproof.Case> gcm() {
        return Wycheproof.stream("aes_gcm");
    }

    /**
     * JOSE uses a 96-bit IV and a 128-bit tag only (RFC 7518 §5.3, §4.7). Groups with that shape are checked in
     * both directions; every case of a group with another IV size (all groups have 128-bit tags) is asserted to
     * be refused by the primitive, whatever its label: such an IV cannot occur in a valid JWE.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("gcm")
    void aesGcm(Wycheproof.Case c) {
        assertThat(c.group().number("tagSize")).isEqualTo(128);
        byte[] key = c.hex("key");
        byte[] iv = c.hex("iv");
        byte[] aad = c.hex("aad");
        byte[] msg = c.hex("msg");
        byte[] ct = c.hex("ct");
        byte[] tag = c.hex("tag");
        if (c.group().number("ivSize") != 96) {
            assertThatThrownBy(() -> AesGcm.decrypt(key, iv, ct, tag, aad)).isSameAs(CryptoFailure.get());
            return;
        }
        if (c.isValid()) {
            assertThat(AesGcm.decrypt(key, iv, ct, tag, aad)).isEqualTo(msg);
            AesGcm.Sealed sealed = AesGcm.encrypt(key, iv, msg, aad);
            assertThat(sealed.ciphertext()).isEqualTo(ct);
            assertThat(sealed.tag()).isEqualTo(tag);
        } else {
            assertThat(c.isInvalid()).isTrue();
            assertThatThrownBy(() -> AesGcm.decrypt(key, iv, ct, tag, aad)).isSameAs(CryptoFailure.get());
        }
    }

    static Stream<Wycheproof.Case> cbcHmac() {
        return Stream.of("a128cbc_hs256", "a192cbc_hs384", "a256cbc_hs512").flatMap(Wycheproof::stream);
    }

    /** Valid: decrypts to {@code msg} and re-encrypts to {@code ct} and {@code tag}; invalid: one failure. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cbcHmac")
    void aesCbcHmac(Wycheproof.Case c) {
        assertThat(c.isAcceptable()).isFalse();
        byte[] key = c.hex("key");
        byte[] iv = c.hex("iv");
        byte[] aad = c.hex("aad");
        byte[] msg = c.hex("msg");
        byte[] ct = c.hex("ct");
        byte[] tag = c.hex("tag");
        if (c.isValid()) {
            assertThat(AesCbcHmac.decrypt(key, iv, ct, tag, aad)).isEqualTo(msg);
            AesCbcHmac.Sealed sealed = AesCbcHmac.encrypt(key, iv, msg, aad);
            assertThat(sealed.ciphertext()).isEqualTo(ct);
            assertThat(sealed.tag()).isEqualTo(tag);
        } else {
            assertThatThrownBy(() -> AesCbcHmac.decrypt(key, iv, ct, tag, aad)).isSameAs(CryptoFailure.get());
        }
    }

    static Stream<Wycheproof.Case> cbc() {
        return Wycheproof.stream("aes_cbc_pkcs5");
    }

    /**
     * The CBC layer under the composite: valid ciphertexts decrypt, bad padding fails with the same
     * {@link CryptoFailure} as a bad tag. Inside {@link AesCbcHmac#decrypt} padding is only ever checked after the
     * tag, so the padding check is unreachable for a forged ciphertext; checked here as a layer of its own.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cbc")
    void aesCbcPkcs5(Wycheproof.Case c) {
        assertThat(c.isAcceptable()).isFalse();
        byte[] key = c.hex("key");
        byte[] iv = c.hex("iv");
        byte[] ct = c.hex("ct");
        if (c.isValid()) {
            assertThat(AesCbcHmac.cbcDecrypt(key, iv, ct)).isEqualTo(c.hex("msg"));
            // and the composite, keyed with this ENC_KEY, reaches the same CBC layer after a correct tag
            byte[] composite = new byte[key.length * 2];
            System.arraycopy(key, 0, composite, key.length, key.length);
            AesCbcHmac.Sealed sealed = AesCbcHmac.encrypt(composite, iv, c.hex("msg"), new byte[0]);
            assertThat(sealed.ciphertext()).isEqualTo(ct);
        } else {
            assertThatThrownBy(() -> AesCbcHmac.cbcDecrypt(key, iv, ct)).isSameAs(CryptoFailure.get());
        }
    }
}
