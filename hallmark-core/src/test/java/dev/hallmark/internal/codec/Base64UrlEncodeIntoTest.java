package dev.hallmark.internal.codec;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Encoding into a caller's array (how tokens are assembled) against the JDK's encoder, at every offset and length. */
class Base64UrlEncodeIntoTest {

    private static final Base64.Encoder JDK = Base64.getUrlEncoder().withoutPadding();

    @Test
    void encodesAnySliceIntoAnyPositionAndTouchesNothingElse() {
        Random random = new Random(7515);
        for (int length = 0; length <= 100; length++) {
            for (int off = 0; off <= 3; off++) {
                byte[] data = new byte[off + length + 2];
                random.nextBytes(data);
                byte[] expected = JDK.encode(Arrays.copyOfRange(data, off, off + length));
                assertThat(Base64Url.encodedLength(length)).isEqualTo(expected.length);
                byte[] out = new byte[expected.length + 5];
                Arrays.fill(out, (byte) '*');
                int end = Base64Url.encodeInto(data, off, length, out, 2);
                assertThat(end).isEqualTo(2 + expected.length);
                assertThat(new String(out, StandardCharsets.ISO_8859_1))
                        .isEqualTo("**" + new String(expected, StandardCharsets.US_ASCII) + "***");
                assertThat(Base64Url.encodeToAscii(data, off, length)).isEqualTo(expected);
            }
        }
    }

    @Test
    void slicesOutsideEitherArrayAreRefused() {
        assertThatThrownBy(() -> Base64Url.encodeInto(new byte[3], 1, 3, new byte[4], 0))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> Base64Url.encodeInto(new byte[3], 0, 3, new byte[5], 2))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }
}
