/**
 * JSON Web Tokens (RFC 7519) on top of JWS: {@link dev.hallmark.jwt.Claims}, {@link dev.hallmark.jwt.JwtSigner},
 * {@link dev.hallmark.jwt.JwtVerifier} (safe by default) returning {@link dev.hallmark.jwt.VerifiedJwt}, and
 * {@link dev.hallmark.jwt.Jwt#decodeUnverified(String)} returning the unrelated {@link dev.hallmark.jwt.UnverifiedJwt}.
 *
 * <p>Only {@link dev.hallmark.jwt.JwtVerifier} makes a {@link dev.hallmark.jwt.VerifiedJwt}; there is no way to
 * skip verification. Its only network use is on the verifier side, through {@code dev.hallmark.internal.http}:
 * issuer discovery at {@link dev.hallmark.jwt.JwtVerifier.Builder#build()} and the
 * {@link dev.hallmark.jwt.RevocationFeed}. It knows nothing of storage or of how an issuer mints tokens.
 */
package dev.hallmark.jwt;
