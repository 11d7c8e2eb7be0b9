package dev.hallmark.internal.json;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte array that JSON is written into: callers that go on to encode the bytes (base64url for a JWS
 * payload) read {@link #buffer()} up to {@link #size()} instead of taking a copy. Not thread-safe; one per document.
 */
public final class JsonOutput {

    private byte[] buf;
    private int size;

    public JsonOutput(int initialCapacity) {
        this.buf = new byte[Math.max(16, initialCapacity)];
    }

    /** The backing array; only the first {@link #size()} bytes are the document. */
    public byte[] buffer() {
        return buf;
    }

    public int size() {
        return size;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    public String toUtf8String() {
        return new String(buf, 0, size, StandardCharsets.UTF_8);
    }

    /** The last byte written, or -1 if none. */
    int last() {
        return size == 0 ? -1 : buf[size - 1];
    }

    /** Makes room for {@code n} more bytes, doubling so that a document costs amortised constant time per byte. */
    byte[] reserve(int n) {
        int need = size + n;
        if (need < 0) {
            throw new OutOfMemoryError("JSON document too large");
        }
        if (need > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(need, buf.length << 1));
        }
        return buf;
    }

    /** Position to write at after {@link #reserve}. */
    int position() {
        return size;
    }

    void position(int p) {
        size = p;
    }

    void put(byte b) {
        reserve(1)[size++] = b;
    }

    /** Appends an all-ASCII string, e.g. a number's decimal form. */
    void putAscii(String s) {
        int n = s.length();
        byte[] b = reserve(n);
        int p = size;
        for (int i = 0; i < n; i++) {
            b[p + i] = (byte) s.charAt(i);
        }
        size = p + n;
    }
}
