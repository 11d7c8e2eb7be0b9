package dev.hallmark;

/**
 * Why a token, key or message was rejected. The names are stable: log them, count them, switch on them.
 *
 * <p>The verification pipeline reports the first step that failed, in this order: {@link #TOO_LARGE},
 * {@link #MALFORMED}, {@link #UNSUPPORTED_CRITICAL}, {@link #ALG_NOT_ALLOWED}, {@link #KEY_NOT_FOUND} /
 * {@link #WEAK_KEY}, {@link #BAD_SIGNATURE}, then the claims reasons, then {@link #REVOKED}. A token with a bad
 * signature is therefore reported as {@code BAD_SIGNATURE} even when it has also expired.
 */
public enum Reason {
    /** Not a well-formed JOSE object: bad base64url, bad JSON, wrong number of parts, invalid UTF-8, bad claim types. */
    MALFORMED,
    /** The header {@code alg} is not allowed by the verifier's policy or does not fit the selected key. */
    ALG_NOT_ALLOWED,
    /** No trusted key matches the header (or more than one matches the same {@code kid}). */
    KEY_NOT_FOUND,
    /** The signature does not verify. */
    BAD_SIGNATURE,
    /** {@code exp} is in the past (beyond the leeway). */
    EXPIRED,
    /** {@code nbf} is in the future (beyond the leeway). */
    NOT_YET_VALID,
    /** {@code iss} is absent or not the expected issuer. */
    ISSUER_MISMATCH,
    /** {@code aud} is absent or names none of the expected audiences. */
    AUDIENCE_MISMATCH,
    /** The header {@code typ} is not the expected type. */
    TYPE_MISMATCH,
    /** A claim the verifier requires is absent. */
    MISSING_CLAIM,
    /** The header lists a {@code crit} parameter this library does not understand, or {@code crit} is malformed. */
    UNSUPPORTED_CRITICAL,
    /** The input exceeds a configured {@link Limits} bound. */
    TOO_LARGE,
    /** A key is too weak for its algorithm (short HMAC secret, small RSA modulus, bad public exponent). */
    WEAK_KEY,
    /** A JWE could not be decrypted; deliberately says nothing more. */
    DECRYPTION_FAILED,
    /** The token was revoked before it expired. */
    REVOKED
}
