package dev.hallmark.jwe;

import dev.hallmark.jwk.Jwk;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A JWE that decrypted, with its authentication tag verified, under a trusted key. Only {@link JweDecrypter}
 * makes one.
 *
 * <pre>{@code
 * DecryptedJwe jwe = decrypter.decrypt(compact);
 * byte[] plaintext = jwe.plaintext();
 * }</pre>
 */
public final class DecryptedJwe {

    private final JweHeader header;
    private final byte[] plaintext;
    private final JweAlgorithm algorithm;
    private final ContentEncryption encryption;
    private final byte[] aad;
    private final Jwk key;

    DecryptedJwe(JweHeader header, byte[] plaintext, JweAlgorithm algorithm, ContentEncryption encryption,
                 byte[] aad, Jwk key) {
        this.header = header;
        this.plaintext = plaintext;
        this.algorithm = algorithm;
        this.encryption = encryption;
        this.aad = aad;
        this.key = key;
    }

    /** The header of the recipient that decrypted (protected, shared and per-recipient parameters merged). */
    public JweHeader header() {
        return header;
    }

    public JweAlgorithm algorithm() {
        return algorithm;
    }

    public ContentEncryption encryption() {
        return encryption;
    }

    /** A copy of the plaintext (inflated, when the JWE was compressed). */
    public byte[] plaintext() {
        return plaintext.clone();
    }

    public String plaintextAsString() {
        return new String(plaintext, StandardCharsets.UTF_8);
    }

    /** The JWE AAD of the JSON serialization ({@code aad}), authenticated with the content. */
    public Optional<byte[]> additionalAuthenticatedData() {
        return Optional.ofNullable(aad).map(byte[]::clone);
    }

    /** The trusted key that decrypted (its public form for asymmetric keys). */
    public Jwk key() {
        return key;
    }

    @Override
    public String toString() {
        return "DecryptedJwe{alg=" + algorithm + ", enc=" + encryption + ", kid=" + header.keyId().orElse("-")
                + ", plaintext=" + plaintext.length + " bytes}";
    }
}
