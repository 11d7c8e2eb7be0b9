/**
 * One JCA adapter per algorithm family: for JWS, HMAC, RSASSA PKCS#1 v1.5 and PSS, ECDSA in P1363 form with range
 * checks, EdDSA; for JWE, AES key wrap, AES-GCM, AES-CBC-HMAC-SHA2, RSA-OAEP, RSA1_5 decryption with the RFC 3218
 * fallback, ECDH-ES with peer-key validation and the Concat KDF, PBKDF2, and bounded DEFLATE. Plus curve arithmetic
 * used only to validate public inputs (points on the curve, canonical encodings).
 *
 * <p>ECDSA and EdDSA verification, after this package's own format and range checks, goes to the
 * {@link dev.hallmark.spi.SignatureVerificationEngine} selected per curve ({@link EngineRegistry}; the built-in
 * {@link JcaVerificationEngine} by default), with per-key prepared verifiers ({@link PreparedVerifiers}). Private-key
 * operations always run in the JDK's own code. Every decryption-side failure is the one detail-free {@link
 * dev.hallmark.internal.crypto.CryptoFailure}. Knows nothing of tokens or claims; the only JOSE structure it reads is
 * the public JWK of an ECDH-ES {@code epk}, which it must validate itself.
 */
package dev.hallmark.internal.crypto;
