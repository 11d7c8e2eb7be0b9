package dev.hallmark.server.issue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * High-entropy secrets (refresh tokens, client secrets): 256 random bits, base64url, stored only as a SHA-256 hash.
 * A slow password hash adds nothing for 256-bit random values and would make every token request cost tens of
 * milliseconds; SHA-256 cannot be inverted for them.
 */
public final class SecretTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PREFIX = "sha256$";

    private SecretTokens() {
    }

    /** A new 256-bit random secret, base64url without padding. */
    public static String newSecret() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** The stored form of a secret: {@code sha256$} and the base64url digest. */
    public static String hash(String secret) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Constant-time check of a presented secret against a stored hash. */
    public static boolean matches(String secret, String storedHash) {
        if (secret == null || storedHash == null || !storedHash.startsWith(PREFIX)) {
            return false;
        }
        return MessageDigest.isEqual(hash(secret).getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }
}
