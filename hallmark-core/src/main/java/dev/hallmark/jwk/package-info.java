/**
 * JSON Web Keys (RFC 7517, 7518 §6, 8037): the sealed {@link dev.hallmark.jwk.Jwk} family, {@link dev.hallmark.jwk.JwkSet},
 * selection by {@link dev.hallmark.jwk.JwkMatcher} from a {@link dev.hallmark.jwk.KeySource}, RFC 7638 / RFC 9278
 * thumbprints, PEM conversion and key generation, and {@link dev.hallmark.jwk.RemoteJwkSet}, an issuer's published set
 * fetched and cached over HTTPS.
 *
 * <p>Every key is validated when it is imported: EC and Edwards points on their curve, RSA modulus and exponent
 * within bounds, symmetric keys long enough for their {@code alg}. This package knows nothing of tokens: which key
 * a token may use is decided by the JWS and JWT layers.
 */
package dev.hallmark.jwk;
