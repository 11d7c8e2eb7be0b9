package dev.hallmark.internal.json;

/**
 * Tests on eight bytes at once, packed little-endian in a {@code long} ("SIMD within a register"), so the parser can
 * pass over a run of plain string bytes in one step per eight. Each test is exact about whether any byte matches;
 * which byte matched the parser finds again with its per-byte code, so a test only has to never miss.
 */
final class Swar {

    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long QUOTES = ONES * '"';
    private static final long BACKSLASHES = ONES * '\\';
    private static final long SPACES = ONES * ' ';

    private Swar() {
    }

    /**
     * True when one of the eight bytes ends or interrupts a plain ASCII string: a quote, a backslash, a control
     * character (below 0x20) or a byte of a multi-byte UTF-8 sequence (0x80 and above).
     */
    static boolean hasSpecialStringByte(long w) {
        return ((w & HIGHS) | hasZeroByte(w ^ QUOTES) | hasZeroByte(w ^ BACKSLASHES) | hasByteBelow(w, SPACES)) != 0;
    }

    /** Non-zero when a byte is zero: the borrow of {@code x - 1} reaches the byte's top bit only through zero. */
    private static long hasZeroByte(long x) {
        return (x - ONES) & ~x & HIGHS;
    }

    /**
     * Non-zero when a byte below 0x80 is below {@code n} (given in every byte, at most 0x80); bytes of 0x80 and
     * above are caught separately by the caller.
     */
    private static long hasByteBelow(long x, long n) {
        return (x - n) & ~x & HIGHS;
    }
}
