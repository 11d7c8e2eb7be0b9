package dev.hallmark.internal.codec;

import dev.hallmark.JoseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The byte decoder against a plain one-character-at-a-time reference written here from RFC 4648 §5 and the strict
 * rules, and against {@link java.util.Base64}'s URL decoder for what both accept: the same accept/reject decision,
 * the same bytes and the same message, for every length 0..300 at every offset in a larger array, for every one of
 * the 256 byte values put at every position of inputs spanning several eight-character blocks and each kind of
 * tail, and for all 65,536 byte pairs in each pair slot of twelve characters. Written to guard a decoder that works
 * on several characters at once (tried: SWAR arithmetic on eight characters in a long, and a table per character
 * pair; docs/decisions.md): a range test off by one in any byte lane, a wrong pair-table entry or a misplaced byte
 * in the packing changes the decision or the bytes somewhere here, so it fails (each checked by mutating the code).
 */
class Base64UrlDifferentialTest {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private static final String WHAT = "test field";
    private static final int MARGIN = 17;

    @Test
    void everyLengthUpTo300AtEveryOffset() {
        Random random = new Random(20261129L);
        for (int length = 0; length <= 300; length++) {
            // a canonical encoding (accepted unless the length is 1 mod 4) and one of random alphabet characters
            // (for tails of 2 and 3, usually refused for its spare bits)
            byte[] data = new byte[length * 3 / 4];
            random.nextBytes(data);
            byte[] canonical = Arrays.copyOf(Base64.getUrlEncoder().withoutPadding().encode(data), length);
            if (length % 4 == 1) {
                canonical[length - 1] = 'A';
            }
            byte[] randomChars = new byte[length];
            for (int i = 0; i < length; i++) {
                randomChars[i] = (byte) ALPHABET.charAt(random.nextInt(64));
            }
            for (byte[] input : new byte[][] {canonical, randomChars}) {
                for (int offset = 0; offset <= MARGIN; offset++) {
                    byte[] framed = frame(input, offset, random);
                    assertSameAsReference(framed, offset, length, "length " + length + ", offset " + offset);
                }
            }
        }
    }

    @ParameterizedTest(name = "length {0}")
    @ValueSource(ints = {8, 16, 26, 43, 44, 48, 59, 86})
    void everyByteValueAtEveryPosition(int length) {
        Random random = new Random(length);
        byte[] data = new byte[length * 3 / 4];
        random.nextBytes(data);
        byte[] base = Base64.getUrlEncoder().withoutPadding().encode(data);
        assertThat(base).hasSize(length);
        int accepted = 0;
        for (int position = 0; position < length; position++) {
            for (int value = 0; value < 256; value++) {
                byte[] input = base.clone();
                input[position] = (byte) value;
                String label = "length " + length + ", byte 0x" + Integer.toHexString(value) + " at " + position;
                if (assertSameAsReference(input, 0, length, label)) {
                    accepted++;
                }
                // the same input inside a larger array, at an offset that is not a multiple of eight
                int offset = 1 + (position + value) % MARGIN;
                assertSameAsReference(frame(input, offset, random), offset, length, label + ", offset " + offset);
            }
        }
        // each full-group position accepts all 64 characters; a tail's last character only its canonical ones
        int tail = length % 4;
        int lastAccepts = tail == 2 ? 4 : tail == 3 ? 16 : 64;
        assertThat(accepted).isEqualTo((length - 1) * 64 + lastAccepts);
    }

    @ParameterizedTest(name = "characters {0} and {0}+1 of 12")
    @ValueSource(ints = {0, 2, 4, 6, 8, 10})
    void everyPairOfBytesInEachPairSlot(int slot) {
        // 12 characters: one eight-character block and one group of four, as a block-wise decoder would split them
        byte[] base = "QUJDREVGR0hJ".getBytes(StandardCharsets.US_ASCII);
        int accepted = 0;
        for (int first = 0; first < 256; first++) {
            for (int second = 0; second < 256; second++) {
                byte[] input = base.clone();
                input[slot] = (byte) first;
                input[slot + 1] = (byte) second;
                if (assertSameAsReference(input, 0, input.length, "0x" + Integer.toHexString(first) + " 0x"
                        + Integer.toHexString(second) + " at " + slot)) {
                    accepted++;
                }
            }
        }
        assertThat(accepted).isEqualTo(64 * 64);
    }

    @Test
    void eachOfEightPositionsRefusesTheNeighboursOfEveryRange() {
        // the bytes just outside each range of the alphabet, and their copies with the top bit set
        String neighbours = "@[`{/:,.^\u007f\u0000 =+";
        for (int lane = 0; lane < 8; lane++) {
            for (char c : neighbours.toCharArray()) {
                for (int high : new int[] {0, 0x80}) {
                    byte[] input = "QUJDREVGR0hJSktM".getBytes(StandardCharsets.US_ASCII);
                    input[lane] = (byte) (c | high);
                    assertThat(reference(input, 0, input.length)).isInstanceOf(String.class);
                    assertSameAsReference(input, 0, input.length, "lane " + lane + ", 0x" + Integer.toHexString(c | high));
                }
            }
        }
    }

    /** Asserts that the decoder and the reference agree on {@code src}; true if both accepted it. */
    private static boolean assertSameAsReference(byte[] src, int off, int len, String label) {
        Object expected = reference(src, off, len);
        byte[] before = src.clone();
        Object actual;
        try {
            actual = Base64Url.decode(src, off, len, WHAT);
        } catch (JoseException e) {
            actual = e.getMessage();
        }
        assertThat(src).as("input untouched, %s", label).isEqualTo(before);
        if (expected instanceof byte[] bytes) {
            assertThat(actual).as(label).isInstanceOf(byte[].class);
            assertThat((byte[]) actual).as(label).isEqualTo(bytes);
            // java.util.Base64 is lenient about spare bits but agrees on every canonical encoding
            byte[] slice = Arrays.copyOfRange(src, off, off + len);
            assertThat(Base64.getUrlDecoder().decode(slice)).as("JDK, %s", label).isEqualTo(bytes);
            return true;
        }
        assertThat(actual).as(label).isEqualTo("MALFORMED: " + expected);
        return false;
    }

    /**
     * One character at a time, straight from RFC 4648 §5 and the strict rules, in the order the decoder reports
     * them: the length, then any character outside the alphabet, then the spare bits. A string is the message.
     */
    private static Object reference(byte[] src, int off, int len) {
        String prefix = WHAT + " is not valid base64url: ";
        String suffix = " (RFC 7515 §2)";
        if (len % 4 == 1) {
            return prefix + "impossible length" + suffix;
        }
        int[] values = new int[len];
        for (int i = 0; i < len; i++) {
            int c = src[off + i] & 0xff;
            values[i] = c < 0x80 ? ALPHABET.indexOf(c) : -1;
            if (values[i] < 0) {
                return prefix + "character outside the base64url alphabet (padding and whitespace are not allowed)"
                        + suffix;
            }
        }
        int spareBits = len % 4 == 2 ? 4 : len % 4 == 3 ? 2 : 0;
        if (len > 0 && (values[len - 1] & ((1 << spareBits) - 1)) != 0) {
            return prefix + "non-zero spare bits in the last character (non-canonical encoding)" + suffix;
        }
        byte[] out = new byte[len * 6 / 8];
        int bits = 0;
        int buffer = 0;
        int o = 0;
        for (int v : values) {
            buffer = buffer << 6 | v;
            bits += 6;
            if (bits >= 8) {
                bits -= 8;
                out[o++] = (byte) (buffer >>> bits);
            }
        }
        assertThat(o).isEqualTo(out.length);
        return out;
    }

    /** {@code input} at {@code offset} in a larger array whose other bytes are random, alphabet or not. */
    private static byte[] frame(byte[] input, int offset, Random random) {
        byte[] framed = new byte[offset + input.length + MARGIN];
        random.nextBytes(framed);
        System.arraycopy(input, 0, framed, offset, input.length);
        return framed;
    }
}
