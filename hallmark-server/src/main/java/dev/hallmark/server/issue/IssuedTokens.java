package dev.hallmark.server.issue;

import java.time.Duration;

/**
 * The result of a successful grant, as RFC 6749 §5.1 returns it.
 *
 * @param accessToken the signed access token
 * @param expiresIn its lifetime
 * @param scope the granted scope (space-separated; may be empty)
 * @param refreshToken the new refresh token, or null when none is issued
 * @param refreshExpiresIn how long the refresh token has left (its family's remaining time), or null without one
 */
public record IssuedTokens(String accessToken, Duration expiresIn, String scope, String refreshToken,
                           Duration refreshExpiresIn) {

    @Override
    public String toString() {
        return "IssuedTokens{expiresIn=" + expiresIn + ", scope=" + scope + ", refresh=" + (refreshToken != null) + "}";
    }
}
