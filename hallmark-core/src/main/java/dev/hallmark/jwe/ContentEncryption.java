package dev.hallmark.jwe;

import java.util.Optional;

/**
 * The JWE content-encryption algorithms ({@code enc}, RFC 7518 §5): AES-CBC with HMAC-SHA2 and AES-GCM.
 *
 * <pre>{@code
 * JweEncrypter.builder(recipient).encryption(ContentEncryption.A256GCM).build();
 * }</pre>
 */
public enum ContentEncryption {
    A128CBC_HS256("A128CBC-HS256", 32, 16),
    A192CBC_HS384("A192CBC-HS384", 48, 16),
    A256CBC_HS512("A256CBC-HS512", 64, 16),
    A128GCM("A128GCM", 16, 12),
    A192GCM("A192GCM", 24, 12),
    A256GCM("A256GCM", 32, 12);

    private final String headerName;
    private final int cekBytes;
    private final int ivBytes;

    ContentEncryption(String headerName, int cekBytes, int ivBytes) {
        this.headerName = headerName;
        this.cekBytes = cekBytes;
        this.ivBytes = ivBytes;
    }

    /** The encryption with exactly this {@code enc} name (case-sensitive). */
    public static Optional<ContentEncryption> fromName(String name) {
        for (ContentEncryption e : values()) {
            if (e.headerName.equals(name)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** The {@code enc} header value. */
    public String headerName() {
        return headerName;
    }

    /** Length of the content-encryption key in bytes (for CBC-HMAC, MAC key and encryption key together). */
    public int cekBytes() {
        return cekBytes;
    }

    /** Length of the initialization vector in bytes. */
    public int ivBytes() {
        return ivBytes;
    }

    boolean isGcm() {
        return ivBytes == 12;
    }

    @Override
    public String toString() {
        return headerName;
    }
}
