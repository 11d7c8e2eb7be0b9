package dev.hallmark.bc;

/**
 * The odd multiples P, 3P, ..., (2^(w-1) - 1)P of the eight points [2^(32c)]P, c = 0..7, in the affine table form.
 * With them a 253-bit scalar is eight 32-bit chunks multiplied side by side, so a multiplication costs 32 doublings
 * instead of 253, and [S]B - [k]A costs 32 doublings in all when both operands' tables are interleaved (Straus); the
 * additions are those of the width-w NAF digits, about 253 / (w + 1) per scalar whatever the chunking. More chunks
 * trade memory for doublings: eight keep a key's tables at 64 points. A key's tables are built once, when the key is
 * prepared, and serve every token verified under it; the base point's once per JVM.
 *
 * <p>Variable time throughout: the scalars and points are public (a signature, a message's hash, a public key).
 */
final class Ed25519Tables {

    static final int CHUNKS = 8;
    static final int CHUNK_BITS = Ed25519Scalar.DIGITS / CHUNKS;
    /** Width for a key: 8 odd multiples per chunk, 64 points (7.5 KiB of limbs) per key. */
    static final int KEY_WIDTH = 5;
    /** Width for B: 64 odd multiples per chunk (512 points), fewer additions for a table built once per JVM. */
    static final int BASE_WIDTH = 8;

    private final int width;
    /** table[c][i] = [(2i + 1) * 2^(32c)]P. */
    private final Ed25519Point.Niels[][] table;

    private Ed25519Tables(int width, Ed25519Point.Niels[][] table) {
        this.width = width;
        this.table = table;
    }

    /** Lazily, once per JVM, thread-safely (the holder class's initialization). */
    static Ed25519Tables base() {
        return Base.TABLES;
    }

    private static final class Base {
        static final Ed25519Tables TABLES = of(Ed25519Point.base(), BASE_WIDTH);
    }

    static Ed25519Tables of(Ed25519Point p, int width) {
        int perChunk = 1 << (width - 2);
        Ed25519Point[] all = new Ed25519Point[CHUNKS * perChunk];
        Ed25519Point chunkBase = new Ed25519Point();
        chunkBase.set(p);
        for (int c = 0; c < CHUNKS; c++) {
            Ed25519Point twice = new Ed25519Point();
            twice.set(chunkBase);
            twice.twice(true);
            Ed25519Point odd = new Ed25519Point();
            odd.set(chunkBase);
            for (int i = 0; i < perChunk; i++) {
                Ed25519Point copy = new Ed25519Point();
                copy.set(odd);
                all[c * perChunk + i] = copy;
                odd.add(twice);
            }
            for (int i = 0; i < CHUNK_BITS; i++) {
                chunkBase.twice(true);
            }
        }
        Ed25519Point.Niels[] flat = Ed25519Point.toNiels(all);
        Ed25519Point.Niels[][] table = new Ed25519Point.Niels[CHUNKS][perChunk];
        for (int c = 0; c < CHUNKS; c++) {
            System.arraycopy(flat, c * perChunk, table[c], 0, perChunk);
        }
        return new Ed25519Tables(width, table);
    }

    int width() {
        return width;
    }

    /**
     * out = [s]B - [k]A, from the NAF digits of s (of {@code base}'s width) and of k (of {@code key}'s width): digit
     * i of either belongs to chunk i / 32 at doubling level i % 32.
     */
    static void subtractMultiples(Ed25519Point out, Ed25519Tables base, byte[] s, Ed25519Tables key, byte[] k) {
        out.setIdentity();
        int top = CHUNK_BITS - 1;
        while (top >= 0 && !anyAt(s, top) && !anyAt(k, top)) {
            top--;
        }
        for (int j = top; j >= 0; j--) {
            boolean adds = anyAt(s, j) || anyAt(k, j);
            if (j != top) {
                out.twice(adds); // T is read only by an addition
            }
            if (!adds) {
                continue;
            }
            for (int c = 0; c < CHUNKS; c++) {
                base.addDigit(out, c, s[c * CHUNK_BITS + j], false);
                key.addDigit(out, c, k[c * CHUNK_BITS + j], true);
            }
        }
    }

    /** out += digit * [2^(32c)]P, or out -= it. */
    private void addDigit(Ed25519Point out, int c, int digit, boolean negate) {
        if (digit > 0) {
            out.add(table[c][digit >> 1], negate);
        } else if (digit < 0) {
            out.add(table[c][(-digit) >> 1], !negate);
        }
    }

    private static boolean anyAt(byte[] digits, int level) {
        for (int c = 0; c < CHUNKS; c++) {
            if (digits[c * CHUNK_BITS + level] != 0) {
                return true;
            }
        }
        return false;
    }
}
