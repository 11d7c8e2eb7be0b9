/**
 * A {@link dev.hallmark.spi.SignatureVerificationEngine} on Bouncy Castle's lightweight API: ECDSA over its custom
 * prime-field arithmetic for P-256, P-384 and P-521, and its RFC 8032 Ed25519 and Ed448. Verification only: it
 * handles public data alone, so its variable-time arithmetic leaks nothing, while signing (the ECDSA nonce, the
 * private scalar) stays on the JDK's constant-time code. Owns the per-key Bouncy Castle state (decoded points and
 * their precomputed tables); knows nothing of JOSE, and relies on Hallmark's checks in front of it (signature
 * lengths, ranges, canonical encodings, validated keys).
 */
package dev.hallmark.bc;
