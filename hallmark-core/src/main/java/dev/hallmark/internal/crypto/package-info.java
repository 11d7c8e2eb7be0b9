/**
 * One JCA adapter per algorithm family (HMAC, RSASSA PKCS#1 v1.5 and PSS, ECDSA in P1363 form with range checks,
 * EdDSA) plus curve arithmetic used only to validate public inputs (points on the curve, canonical encodings).
 * ECDSA and EdDSA verification, after this package's own format and range checks, goes to the
 * {@link dev.hallmark.spi.SignatureVerificationEngine} selected per curve ({@link EngineRegistry}; the built-in
 * {@link JcaVerificationEngine} by default), with per-key prepared verifiers ({@link PreparedVerifiers}).
 * Private-key operations always run in the JDK's own code. Knows nothing of JOSE headers, tokens or claims.
 */
package dev.hallmark.internal.crypto;
