package dev.hallmark.jwk;

import dev.hallmark.internal.codec.Base64Url;
import dev.hallmark.internal.json.JsonWriter;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * JWK thumbprints (RFC 7638) and thumbprint URIs (RFC 9278).
 *
 * <pre>{@code
 * String kid = Thumbprint.of(jwk);          // base64url SHA-256 of the required members
 * String uri = Thumbprint.uriOf(jwk);       // urn:ietf:params:oauth:jwk-thumbprint:sha-256:...
 * }</pre>
 */
public final class Thumbprint {

    private static final String URI_PREFIX = "urn:ietf:params:oauth:jwk-thumbprint:";

    private Thumbprint() {
    }

    /** The base64url SHA-256 thumbprint of the key's required members (RFC 7638 §3). */
    public static String of(Jwk jwk) {
        return Base64Url.encode(digest(jwk, "SHA-256"));
    }

    /** The thumbprint with another hash: {@code SHA-256}, {@code SHA-384} or {@code SHA-512}. */
    public static String of(Jwk jwk, String hash) {
        return Base64Url.encode(digest(jwk, hash));
    }

    /** The RFC 9278 URI of the SHA-256 thumbprint. */
    public static String uriOf(Jwk jwk) {
        return URI_PREFIX + "sha-256:" + of(jwk);
    }

    private static byte[] digest(Jwk jwk, String hash) {
        if (!hash.equals("SHA-256") && !hash.equals("SHA-384") && !hash.equals("SHA-512")) {
            throw new IllegalArgumentException("unsupported thumbprint hash " + hash);
        }
        try {
            return MessageDigest.getInstance(hash).digest(JsonWriter.write(jwk.thumbprintMembers()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(hash + " unavailable", e);
        }
    }
}
