package dev.hallmark.jwt;

/**
 * The last step of the verification pipeline: decides whether a token that passed every other check was revoked
 * before its expiry (for example its {@code jti} is on a denylist). Implementations must be thread-safe and fast;
 * they run on every verification.
 *
 * <pre>{@code
 * JwtVerifier.builder()...revocationCheck(claims -> denylist.contains(claims.jwtId().orElse("")))
 * }</pre>
 */
@FunctionalInterface
public interface RevocationCheck {

    /** True when the token with these verified claims must be refused as {@code REVOKED}. */
    boolean isRevoked(Claims claims);
}
