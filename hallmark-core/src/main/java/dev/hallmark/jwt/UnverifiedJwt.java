package dev.hallmark.jwt;

import dev.hallmark.jws.JwsHeader;

/**
 * A JWT decoded without any check of its signature or claims: for debugging and for routing decisions that must be
 * taken before a key is known (such as reading {@code iss} to pick a verifier). Nothing in it can be trusted, and
 * there is no way to turn it into a {@link VerifiedJwt}: verify the original token instead.
 *
 * <pre>{@code
 * UnverifiedJwt peek = Jwt.decodeUnverified(token);
 * JwtVerifier verifier = verifiersByIssuer.get(peek.claims().issuer().orElse(""));
 * VerifiedJwt jwt = verifier.verify(token);
 * }</pre>
 */
public final class UnverifiedJwt {

    private final JwsHeader header;
    private final Claims claims;

    UnverifiedJwt(JwsHeader header, Claims claims) {
        this.header = header;
        this.claims = claims;
    }

    /** The header, unverified. */
    public JwsHeader header() {
        return header;
    }

    /** The claims, unverified. */
    public Claims claims() {
        return claims;
    }

    @Override
    public String toString() {
        return "UnverifiedJwt{header=" + header + ", claims=" + claims + "}";
    }
}
