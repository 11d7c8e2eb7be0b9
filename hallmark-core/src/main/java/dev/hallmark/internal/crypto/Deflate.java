package dev.hallmark.internal.crypto;

import java.io.ByteArrayOutputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Raw DEFLATE (RFC 1951) for JWE {@code "zip": "DEF"} (RFC 7516 §4.1.3). Inflation stops as soon as the output
 * would pass the caller's bound, so a small token that inflates to gigabytes costs at most that bound.
 */
public final class Deflate {

    /** The inflated data exceeded the bound. */
    public static final class TooLarge extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooLarge() {
            super("inflated data over the limit", null, false, false);
        }
    }

    /** The data is not a complete raw DEFLATE stream. */
    public static final class Corrupt extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Corrupt() {
            super("not a raw DEFLATE stream", null, false, false);
        }
    }

    private Deflate() {
    }

    public static byte[] compress(byte[] data) {
        Deflater d = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try {
            d.setInput(data);
            d.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 2 + 16);
            byte[] buf = new byte[4096];
            while (!d.finished()) {
                int n = d.deflate(buf);
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } finally {
            d.end();
        }
    }

    /** Inflates at most {@code maxBytes}; {@link TooLarge} beyond, {@link Corrupt} for a broken stream. */
    public static byte[] inflate(byte[] data, int maxBytes) {
        Inflater inf = new Inflater(true);
        try {
            inf.setInput(data);
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(maxBytes, Math.max(64, data.length * 4)));
            byte[] buf = new byte[8192];
            int stalls = 0;
            while (!inf.finished()) {
                int n = inf.inflate(buf);
                if (n == 0) {
                    if (inf.needsInput() || inf.needsDictionary() || ++stalls > 16) {
                        throw new Corrupt();
                    }
                    continue;
                }
                stalls = 0;
                if (out.size() + n > maxBytes) {
                    throw new TooLarge();
                }
                out.write(buf, 0, n);
            }
            if (inf.getRemaining() != 0) {
                throw new Corrupt(); // trailing bytes after the final block
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new Corrupt();
        } finally {
            inf.end();
        }
    }
}
