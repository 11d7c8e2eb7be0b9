/**
 * A {@link dev.hallmark.spi.SignatureVerificationEngine} on Bouncy Castle's lightweight API: ECDSA over its custom
 * prime-field arithmetic for P-256, P-384 and P-521, its RFC 8032 Ed448, and for Ed25519 Hallmark's own point
 * arithmetic over Bouncy Castle's public field arithmetic ({@code X25519Field}), so that the exact cofactorless
 * equation costs one multiplication per token (Bouncy Castle's verify checks a multiple of it, which needs a subgroup
 * check on top). Verification only: it handles public data alone, so its variable-time arithmetic leaks nothing,
 * while signing (the ECDSA nonce, the private scalar) stays on the JDK's constant-time code. Owns the per-key state
 * (decoded points and their precomputed tables); knows nothing of JOSE, and relies on Hallmark's checks in front of
 * it (signature lengths, ranges, canonical encodings, validated keys).
 */
package dev.hallmark.bc;
