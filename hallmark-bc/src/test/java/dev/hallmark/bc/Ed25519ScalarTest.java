package dev.hallmark.bc;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.Random;

import static dev.hallmark.bc.Ed25519Reference.L;
import static dev.hallmark.bc.Ed25519Reference.toLittleEndian;
import static org.assertj.core.api.Assertions.assertThat;

class Ed25519ScalarTest {

    @Test
    void nonAdjacentFormSumsToTheScalarWithItsShape() {
        Random random = new Random(253);
        BigInteger[] edges = {BigInteger.ZERO, BigInteger.ONE, L.subtract(BigInteger.ONE), L,
            BigInteger.TWO.pow(253).subtract(BigInteger.ONE)};
        for (int width : new int[] {Ed25519Tables.KEY_WIDTH, Ed25519Tables.BASE_WIDTH, 2, 5}) {
            for (int i = 0; i < 200 + edges.length; i++) {
                BigInteger v = i < edges.length ? edges[i] : new BigInteger(253, random);
                byte[] digits = Ed25519Scalar.nonAdjacentForm(toLittleEndian(v), 0, width);
                BigInteger total = BigInteger.ZERO;
                int lastNonZero = -width;
                for (int j = 0; j < digits.length; j++) {
                    int d = digits[j];
                    if (d == 0) {
                        continue;
                    }
                    assertThat(d & 1).as("odd").isEqualTo(1);
                    assertThat(Math.abs(d)).isLessThan(1 << (width - 1));
                    assertThat(j - lastNonZero).as("zeros between digits").isGreaterThanOrEqualTo(width);
                    lastNonZero = j;
                    total = total.add(BigInteger.valueOf(d).shiftLeft(j));
                }
                assertThat(total).as("width %d value %s", width, v).isEqualTo(v);
            }
        }
    }

    @Test
    void belowOrderComparesWithL() {
        assertThat(Ed25519Scalar.belowOrder(toLittleEndian(L), 0)).isFalse();
        assertThat(Ed25519Scalar.belowOrder(toLittleEndian(L.subtract(BigInteger.ONE)), 0)).isTrue();
        assertThat(Ed25519Scalar.belowOrder(toLittleEndian(L.add(BigInteger.ONE)), 0)).isFalse();
        assertThat(Ed25519Scalar.belowOrder(toLittleEndian(BigInteger.ZERO), 0)).isTrue();
        assertThat(Ed25519Scalar.belowOrder(toLittleEndian(BigInteger.TWO.pow(255)), 0)).isFalse();
        assertThat(Ed25519Scalar.belowOrder(toLittleEndian(BigInteger.TWO.pow(252)), 0)).isTrue();
    }

    @Test
    void reduceMatchesBigInteger() {
        Random random = new Random(512);
        for (int i = 0; i < 200; i++) {
            byte[] hash = new byte[64];
            random.nextBytes(hash);
            if (i == 0) {
                java.util.Arrays.fill(hash, (byte) 0xff);
            }
            BigInteger expected = Ed25519Reference.fromLittleEndian(hash, 0, 64).mod(L);
            assertThat(Ed25519Reference.fromLittleEndian(Ed25519Scalar.reduce(hash), 0, 32)).isEqualTo(expected);
        }
    }
}
