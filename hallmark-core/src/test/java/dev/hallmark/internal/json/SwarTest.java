package dev.hallmark.internal.json;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class SwarTest {

    /** What the per-byte code treats as leaving the plain-ASCII fast path. */
    private static boolean special(int b) {
        return b == '"' || b == '\\' || b < 0x20 || b >= 0x80;
    }

    private static long pack(int[] bytes) {
        long w = 0;
        for (int k = 7; k >= 0; k--) {
            w = (w << 8) | bytes[k];
        }
        return w;
    }

    @Test
    void everyByteValueAtEveryPositionAmongPlainBytes() {
        SplittableRandom random = new SplittableRandom(7);
        for (int position = 0; position < 8; position++) {
            for (int value = 0; value < 256; value++) {
                for (int round = 0; round < 20; round++) {
                    int[] bytes = new int[8];
                    for (int k = 0; k < 8; k++) {
                        bytes[k] = plainByte(random, round);
                    }
                    bytes[position] = value;
                    assertThat(Swar.hasSpecialStringByte(pack(bytes)))
                            .as("byte 0x%02x at %d in %s", value, position, java.util.Arrays.toString(bytes))
                            .isEqualTo(special(value));
                }
            }
        }
    }

    /** Plain bytes, half of them next to the edges of the tests (0x20, 0x21, 0x23, 0x5b, 0x5d, 0x7e, 0x7f). */
    private static int plainByte(SplittableRandom random, int round) {
        int[] edges = {0x20, 0x21, 0x23, 0x5b, 0x5d, 0x7f, 0x7e, 0x24};
        int b;
        do {
            b = round % 2 == 0 ? edges[random.nextInt(edges.length)] : 0x20 + random.nextInt(0x60);
        } while (special(b));
        return b;
    }

    @Test
    void randomWordsAgreeWithTheByteByByteTest() {
        SplittableRandom random = new SplittableRandom(11);
        for (int n = 0; n < 2_000_000; n++) {
            int[] bytes = new int[8];
            boolean expected = false;
            for (int k = 0; k < 8; k++) {
                // mostly plain printable ASCII, sometimes anything: both outcomes are exercised
                bytes[k] = random.nextInt(10) == 0 ? random.nextInt(256) : 0x20 + random.nextInt(0x60);
                expected |= special(bytes[k]);
            }
            assertThat(Swar.hasSpecialStringByte(pack(bytes))).isEqualTo(expected);
        }
    }
}
