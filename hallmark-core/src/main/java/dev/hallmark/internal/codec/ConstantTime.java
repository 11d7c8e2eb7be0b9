package dev.hallmark.internal.codec;

import java.security.MessageDigest;

/** Comparisons whose running time does not depend on where the inputs first differ. */
public final class ConstantTime {

    private ConstantTime() {
    }

    /** True when both arrays have the same length and content; time depends only on the lengths. */
    public static boolean equal(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }
}
