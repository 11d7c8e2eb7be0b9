package dev.hallmark.jwt;

import dev.hallmark.jwk.Jwk;
import dev.hallmark.jws.JwsAlgorithm;
import dev.hallmark.jws.JwsHeader;

/**
 * A JWT that passed every step of a {@link JwtVerifier}: signature, time, issuer, audience, type, required claims
 * and revocation. Only {@link JwtVerifier} makes one.
 *
 * <pre>{@code
 * VerifiedJwt jwt = verifier.verify(token);
 * String user = jwt.claims().subject().orElseThrow();
 * }</pre>
 */
public final class VerifiedJwt {

    private final String token;
    private final JwsHeader header;
    private final Claims claims;
    private final JwsAlgorithm algorithm;
    private final Jwk key;

    VerifiedJwt(String token, JwsHeader header, Claims claims, JwsAlgorithm algorithm, Jwk key) {
        this.token = token;
        this.header = header;
        this.claims = claims;
        this.algorithm = algorithm;
        this.key = key;
    }

    /** The token as it was received. */
    public String token() {
        return token;
    }

    public JwsHeader header() {
        return header;
    }

    public Claims claims() {
        return claims;
    }

    public JwsAlgorithm algorithm() {
        return algorithm;
    }

    /** The trusted key that verified the signature. */
    public Jwk key() {
        return key;
    }

    /** The token itself is a bearer credential and is never printed. */
    @Override
    public String toString() {
        return "VerifiedJwt{alg=" + algorithm + ", kid=" + header.keyId().orElse("-") + ", claims=" + claims + "}";
    }
}
