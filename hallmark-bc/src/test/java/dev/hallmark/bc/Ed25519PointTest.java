package dev.hallmark.bc;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static dev.hallmark.bc.Ed25519Reference.IDENTITY;
import static dev.hallmark.bc.Ed25519Reference.L;
import static dev.hallmark.bc.Ed25519Reference.hex;
import static dev.hallmark.bc.Ed25519Reference.multiply;
import static dev.hallmark.bc.Ed25519Reference.point;
import static dev.hallmark.bc.Ed25519Reference.sum;
import static org.assertj.core.api.Assertions.assertThat;

/** The point arithmetic against group laws, Bouncy Castle's key derivation and plain double-and-add. */
class Ed25519PointTest {

    private static final Ed25519Point B = Ed25519Point.base();

    @Test
    void baseEncodesAsRfc8032Says() {
        assertThat(hex(B)).isEqualTo("58" + "66".repeat(31));
        assertThat(hex(new Ed25519Point())).isEqualTo(IDENTITY);
    }

    @Test
    void orderOfBaseIsL() {
        assertThat(hex(multiply(B, L))).isEqualTo(IDENTITY);
        assertThat(hex(multiply(B, L.subtract(BigInteger.ONE)))).isNotEqualTo(IDENTITY);
        assertThat(hex(multiply(B, L.add(BigInteger.ONE)))).isEqualTo(hex(B));
    }

    @Test
    void multiplesAddUp() {
        Random random = new Random(25519);
        for (int i = 0; i < 20; i++) {
            BigInteger a = new BigInteger(253, random);
            BigInteger b = new BigInteger(253, random);
            assertThat(hex(sum(multiply(B, a), multiply(B, b)))).as("a=%s b=%s", a, b)
                    .isEqualTo(hex(multiply(B, a.add(b).mod(L))));
        }
    }

    @Test
    void doublingEqualsAddingToItself() {
        Ed25519Point p = multiply(B, BigInteger.valueOf(12345));
        Ed25519Point doubled = new Ed25519Point();
        doubled.set(p);
        doubled.twice(true);
        assertThat(hex(doubled)).isEqualTo(hex(sum(p, p)));
    }

    @Test
    void publicKeysMatchBouncyCastleAndRoundTrip() {
        Random random = new Random(8032);
        for (int i = 0; i < 50; i++) {
            byte[] seed = new byte[32];
            random.nextBytes(seed);
            String expected = HexFormat.of().formatHex(Ed25519Reference.bouncyCastlePublicKey(seed));
            assertThat(hex(multiply(B, Ed25519Reference.secretScalar(seed)))).isEqualTo(expected);
            Ed25519Point decoded = point(expected);
            assertThat(decoded).isNotNull();
            assertThat(hex(decoded)).isEqualTo(expected);
            // T = XY/Z holds after decoding: adding the point to itself through T gives its double
            assertThat(hex(sum(decoded, decoded))).isEqualTo(hex(multiply(decoded, BigInteger.TWO)));
        }
    }

    @Test
    void decodingRejectsWhatRfc8032Rejects() {
        assertThat(point("ed" + "ff".repeat(30) + "7f")).as("y = p").isNull();
        assertThat(point("ee" + "ff".repeat(30) + "7f")).as("y = p + 1").isNull();
        assertThat(point("ff".repeat(32))).as("y = 2^255 - 1").isNull();
        assertThat(point("01" + "00".repeat(30) + "80")).as("y = 1 with x = 0 'negative'").isNull();
        assertThat(point("ec" + "ff".repeat(30) + "ff")).as("y = -1 with x = 0 'negative'").isNull();
        // y = 2 has no x on the curve (checked below by brute force over a range: some values decode, some do not)
        int decoded = 0;
        for (int y = 2; y < 64; y++) {
            byte[] enc = new byte[32];
            enc[0] = (byte) y;
            Ed25519Point p = Ed25519Point.decode(enc, 0);
            if (p != null) {
                decoded++;
                assertThat(hex(p)).isEqualTo(HexFormat.of().formatHex(enc));
            }
        }
        assertThat(decoded).isBetween(10, 52);
    }

    @Test
    void smallOrderPointsHaveTheirOrders() {
        int[] orders = {1, 2, 4, 4, 8, 8, 8, 8};
        Set<String> distinct = new HashSet<>();
        for (int i = 0; i < orders.length; i++) {
            Ed25519Point t = point(Ed25519Reference.SMALL_ORDER[i]);
            assertThat(t).as(Ed25519Reference.SMALL_ORDER[i]).isNotNull();
            assertThat(hex(t)).isEqualTo(Ed25519Reference.SMALL_ORDER[i]);
            assertThat(hex(multiply(t, BigInteger.valueOf(orders[i])))).isEqualTo(IDENTITY);
            if (orders[i] > 1) {
                assertThat(hex(multiply(t, BigInteger.valueOf(orders[i] / 2)))).isNotEqualTo(IDENTITY);
            }
            distinct.add(hex(t));
        }
        assertThat(distinct).hasSize(8);
    }

    @Test
    void tablesMultiplyLikeDoubleAndAdd() {
        Random random = new Random(64);
        Ed25519Tables base = Ed25519Tables.base();
        for (int i = 0; i < 10; i++) {
            Ed25519Point a = multiply(B, new BigInteger(252, random));
            Ed25519Tables key = Ed25519Tables.of(a, Ed25519Tables.KEY_WIDTH);
            BigInteger s = new BigInteger(253, random).mod(L);
            BigInteger k = new BigInteger(253, random).mod(L);
            Ed25519Point out = new Ed25519Point();
            Ed25519Tables.subtractMultiples(out, base, naf(s, base.width()), key, naf(k, key.width()));
            // [s]B - [k]A = [s]B + [L - k]A, A being of order L
            assertThat(hex(out)).as("s=%s k=%s", s, k)
                    .isEqualTo(hex(sum(multiply(B, s), multiply(a, L.subtract(k)))));
        }
    }

    @Test
    void tablesAtTheEdges() {
        Ed25519Tables base = Ed25519Tables.base();
        Ed25519Tables key = Ed25519Tables.of(B, Ed25519Tables.KEY_WIDTH);
        BigInteger max = BigInteger.TWO.pow(253).subtract(BigInteger.ONE);
        BigInteger[] edges = {BigInteger.ZERO, BigInteger.ONE, L.subtract(BigInteger.ONE), L, max,
            BigInteger.TWO.pow(Ed25519Tables.CHUNK_BITS), BigInteger.TWO.pow(224).subtract(BigInteger.ONE),
            BigInteger.TWO.pow(252).subtract(BigInteger.ONE)};
        for (BigInteger s : edges) {
            for (BigInteger k : edges) {
                Ed25519Point out = new Ed25519Point();
                Ed25519Tables.subtractMultiples(out, base, naf(s, base.width()), key, naf(k, key.width()));
                // with A = B: [s]B - [k]B = [s - k mod L]B
                assertThat(hex(out)).as("s=%s k=%s", s, k).isEqualTo(hex(multiply(B, s.subtract(k).mod(L))));
            }
        }
    }

    private static byte[] naf(BigInteger v, int width) {
        return Ed25519Scalar.nonAdjacentForm(Ed25519Reference.toLittleEndian(v), 0, width);
    }
}
