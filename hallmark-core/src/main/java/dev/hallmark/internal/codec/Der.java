package dev.hallmark.internal.codec;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The few DER structures PEM conversion needs: reading tag-length-value elements and object identifiers, and
 * writing SEQUENCE, INTEGER, OCTET STRING, BIT STRING, NULL and OID. Readers throw {@link IllegalArgumentException}
 * on anything malformed; callers turn that into their own error.
 */
public final class Der {

    public static final int INTEGER = 0x02;
    public static final int BIT_STRING = 0x03;
    public static final int OCTET_STRING = 0x04;
    public static final int NULL = 0x05;
    public static final int OID = 0x06;
    public static final int SEQUENCE = 0x30;

    /** One element: its tag and the bounds of its content within {@code data}. */
    public record Element(int tag, byte[] data, int start, int end) {

        public byte[] content() {
            return java.util.Arrays.copyOfRange(data, start, end);
        }

        /** The elements inside a constructed element. */
        public List<Element> children() {
            List<Element> out = new ArrayList<>();
            int pos = start;
            while (pos < end) {
                Element e = read(data, pos, end);
                out.add(e);
                pos = e.end;
            }
            return out;
        }

        /** The dotted form of an OBJECT IDENTIFIER element. */
        public String oid() {
            if (tag != OID || end == start) {
                throw new IllegalArgumentException("not an object identifier");
            }
            StringBuilder b = new StringBuilder();
            long value = 0;
            boolean first = true;
            for (int i = start; i < end; i++) {
                int octet = data[i] & 0xff;
                if (value > (Long.MAX_VALUE >>> 7)) {
                    throw new IllegalArgumentException("object identifier arc too large");
                }
                value = (value << 7) | (octet & 0x7f);
                if ((octet & 0x80) == 0) {
                    if (first) {
                        long a = Math.min(value / 40, 2);
                        b.append(a).append('.').append(value - a * 40);
                        first = false;
                    } else {
                        b.append('.').append(value);
                    }
                    value = 0;
                }
            }
            return b.toString();
        }
    }

    private Der() {
    }

    /** Reads the single element that must fill {@code data} exactly. */
    public static Element parse(byte[] data) {
        Element e = read(data, 0, data.length);
        if (e.end != data.length) {
            throw new IllegalArgumentException("trailing data after DER element");
        }
        return e;
    }

    /** The end offset of an element read from content bounds (its value ends at {@code end()}). */
    static Element read(byte[] data, int pos, int limit) {
        if (pos + 2 > limit) {
            throw new IllegalArgumentException("truncated DER");
        }
        int tag = data[pos] & 0xff;
        int lenByte = data[pos + 1] & 0xff;
        int p = pos + 2;
        int len;
        if (lenByte < 0x80) {
            len = lenByte;
        } else {
            int n = lenByte & 0x7f;
            if (n == 0 || n > 4 || p + n > limit) {
                throw new IllegalArgumentException("unsupported DER length");
            }
            len = 0;
            for (int i = 0; i < n; i++) {
                len = (len << 8) | (data[p++] & 0xff);
            }
            if (len < 0) {
                throw new IllegalArgumentException("DER length overflow");
            }
        }
        if (len > limit - p) {
            throw new IllegalArgumentException("DER length beyond input");
        }
        return new Element(tag, data, p, p + len);
    }

    public static byte[] sequence(byte[]... parts) {
        return tlv(SEQUENCE, concat(parts));
    }

    public static byte[] integer(int value) {
        return tlv(INTEGER, java.math.BigInteger.valueOf(value).toByteArray());
    }

    public static byte[] octetString(byte[] content) {
        return tlv(OCTET_STRING, content);
    }

    /** A BIT STRING with no unused bits. */
    public static byte[] bitString(byte[] content) {
        byte[] c = new byte[content.length + 1];
        System.arraycopy(content, 0, c, 1, content.length);
        return tlv(BIT_STRING, c);
    }

    public static byte[] nullValue() {
        return new byte[] {NULL, 0};
    }

    public static byte[] oid(String dotted) {
        String[] arcs = dotted.split("\\.");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeArc(out, Long.parseLong(arcs[0]) * 40 + Long.parseLong(arcs[1]));
        for (int i = 2; i < arcs.length; i++) {
            writeArc(out, Long.parseLong(arcs[i]));
        }
        return tlv(OID, out.toByteArray());
    }

    public static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
        out.write(tag);
        int len = content.length;
        if (len < 0x80) {
            out.write(len);
        } else {
            int n = len > 0xffffff ? 4 : len > 0xffff ? 3 : len > 0xff ? 2 : 1;
            out.write(0x80 | n);
            for (int i = n - 1; i >= 0; i--) {
                out.write(len >>> (8 * i));
            }
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static void writeArc(ByteArrayOutputStream out, long value) {
        int groups = 1;
        for (long v = value >>> 7; v != 0; v >>>= 7) {
            groups++;
        }
        for (int i = groups - 1; i >= 0; i--) {
            int b = (int) ((value >>> (7 * i)) & 0x7f);
            out.write(i == 0 ? b : b | 0x80);
        }
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
