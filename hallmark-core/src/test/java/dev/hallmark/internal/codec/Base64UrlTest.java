package dev.hallmark.internal.codec;

import dev.hallmark.JoseException;
import dev.hallmark.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;

import static dev.hallmark.Rejection.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Strict base64url (RFC 7515 §2, RFC 4648 §5): every byte string has exactly one accepted encoding. Checked against
 * the JDK's encoder for every length 0..300, and for each rejection rule.
 */
class Base64UrlTest {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private static final Base64.Encoder JDK = Base64.getUrlEncoder().withoutPadding();

    @Test
    void roundTripsEveryLengthUpTo300() {
        Random random = new Random(20261129);
        for (int length = 0; length <= 300; length++) {
            for (int trial = 0; trial < 5; trial++) {
                byte[] data = new byte[length];
                random.nextBytes(data);
                String encoded = Base64Url.encode(data);
                assertThat(encoded).as("length %d", length).isEqualTo(JDK.encodeToString(data));
                assertThat(Base64Url.decode(encoded, "test")).isEqualTo(data);
                byte[] ascii = encoded.getBytes(StandardCharsets.US_ASCII);
                assertThat(Base64Url.encodeToAscii(data, 0, data.length)).isEqualTo(ascii);
                // the byte-array decoder honours offset and length inside a larger buffer
                byte[] framed = new byte[ascii.length + 6];
                framed[0] = '.';
                framed[1] = '.';
                framed[2] = '.';
                System.arraycopy(ascii, 0, framed, 3, ascii.length);
                framed[framed.length - 1] = '=';
                assertThat(Base64Url.decode(framed, 3, ascii.length, "test")).isEqualTo(data);
            }
        }
    }

    @Test
    void encodeToAsciiHonoursOffset() {
        byte[] data = "xxhello".getBytes(StandardCharsets.US_ASCII);
        assertThat(new String(Base64Url.encodeToAscii(data, 2, 5), StandardCharsets.US_ASCII))
                .isEqualTo(JDK.encodeToString("hello".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void everyAlphabetCharacterDecodes() {
        for (char c : ALPHABET.toCharArray()) {
            String four = "AAA" + c;
            assertThat(Base64Url.decode(four, "test")).hasSize(3);
        }
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"QQ==", "QQ=", "QUE=", "QUFB====", "=", "==", "QQ=A", "=QQA"})
    void paddingIsRefused(String text) {
        assertRejected(() -> Base64Url.decode(text, "test"), Reason.MALFORMED);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"QU E", " QUE", "QUE ", "QU\nE", "QU\r\nE", "QU\tE", "QUFB\nQUFB", "QU\u000bE", "QU\fE"})
    void whitespaceIsRefused(String text) {
        assertRejected(() -> Base64Url.decode(text, "test"), Reason.MALFORMED);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"+/8", "QU+A", "QU/A", "a+b/", "QUF*", "QUF.", "QUF!", "QUF\u0000", "QUF~", "QUF\"", "QUF\u007f"})
    void charactersOutsideTheUrlSafeAlphabetAreRefused(String text) {
        assertRejected(() -> Base64Url.decode(text, "test"), Reason.MALFORMED);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"QU\u00e9", "\u00c0AAA", "QUF\uff21", "QU\ud83d\ude00", "\u0100AAA"})
    void nonAsciiIsRefused(String text) {
        assertRejected(() -> Base64Url.decode(text, "test"), Reason.MALFORMED);
    }

    @Test
    void nonAsciiBytesAreRefusedByTheByteDecoder() {
        for (int b = 0x80; b <= 0xff; b++) {
            byte[] input = {'Q', 'U', 'F', (byte) b};
            assertRejected(() -> Base64Url.decode(input, 0, 4, "test"), Reason.MALFORMED);
        }
    }

    @ParameterizedTest(name = "length {0}")
    @ValueSource(ints = {1, 5, 9, 13, 401})
    void aLengthOfOneModuloFourIsRefused(int length) {
        assertRejected(() -> Base64Url.decode("A".repeat(length), "test"), Reason.MALFORMED);
    }

    @Test
    void exactlyTheCanonicalLastCharacterIsAcceptedAfterTwoCharacters() {
        // "Q?" carries 1 byte: the last character has 4 spare bits, so only 4 of the 64 characters are canonical
        int accepted = 0;
        for (char c : ALPHABET.toCharArray()) {
            String text = "Q" + c;
            if ((ALPHABET.indexOf(c) & 0x0f) == 0) {
                assertThat(Base64Url.decode(text, "test")).hasSize(1);
                accepted++;
            } else {
                JoseException e = assertRejected(() -> Base64Url.decode(text, "test"), Reason.MALFORMED);
                assertThat(e.getMessage()).contains("spare bits");
                // java.util.Base64 would have accepted it as the same byte as the canonical form
                assertThat(Base64.getUrlDecoder().decode(text)).isEqualTo(Base64.getUrlDecoder().decode("Q" + ALPHABET.charAt(ALPHABET.indexOf(c) & 0x30)));
            }
        }
        assertThat(accepted).isEqualTo(4);
    }

    @Test
    void exactlyTheCanonicalLastCharacterIsAcceptedAfterThreeCharacters() {
        // "QU?" carries 2 bytes: 2 spare bits, so 16 of the 64 characters are canonical
        int accepted = 0;
        for (char c : ALPHABET.toCharArray()) {
            String text = "QUFB" + "QU" + c;
            if ((ALPHABET.indexOf(c) & 0x03) == 0) {
                assertThat(Base64Url.decode(text, "test")).hasSize(5);
                accepted++;
            } else {
                assertRejected(() -> Base64Url.decode(text, "test"), Reason.MALFORMED);
            }
        }
        assertThat(accepted).isEqualTo(16);
    }

    @Test
    void theEmptyStringIsTheEmptyByteString() {
        assertThat(Base64Url.decode("", "test")).isEmpty();
        assertThat(Base64Url.encode(new byte[0])).isEmpty();
    }

    @Test
    void theMessageNamesTheFieldAndTheRfcButNotTheInput() {
        JoseException e = assertRejected(() -> Base64Url.decode("c2VjcmV0==", "JWK member \"k\""), Reason.MALFORMED);
        assertThat(e.getMessage()).contains("JWK member \"k\"").contains("RFC 7515 §2").doesNotContain("c2VjcmV0");
    }
}
