package dev.hallmark.jwt;

import dev.hallmark.Limits;
import dev.hallmark.jws.UnverifiedJws;

/**
 * Entry points that are not a signer or a verifier. To sign use {@link JwtSigner#builder}, to verify
 * {@link JwtVerifier#builder}.
 */
public final class Jwt {

    private Jwt() {
    }

    /**
     * Decodes a compact JWT without verifying anything. The result cannot be trusted and cannot become a
     * {@link VerifiedJwt}. Size limits and strict parsing still apply ({@code TOO_LARGE}, {@code MALFORMED}).
     *
     * <pre>{@code
     * UnverifiedJwt peek = Jwt.decodeUnverified(token);
     * System.out.println(peek.header().algorithm() + " " + peek.claims().issuer().orElse("?"));
     * }</pre>
     */
    public static UnverifiedJwt decodeUnverified(String token) {
        return decodeUnverified(token, Limits.DEFAULT);
    }

    public static UnverifiedJwt decodeUnverified(String token, Limits limits) {
        UnverifiedJws jws = UnverifiedJws.decode(token, limits);
        return new UnverifiedJwt(jws.header(), Claims.parseOwned(jws.payload(), limits));
    }
}
