/**
 * JSON Web Signature (RFC 7515, RFC 7797): the {@link dev.hallmark.jws.JwsAlgorithm} registry (there is no
 * {@code none}), {@link dev.hallmark.jws.JwsHeader}, {@link dev.hallmark.jws.AlgorithmPolicy},
 * {@link dev.hallmark.jws.JwsSigner} and {@link dev.hallmark.jws.JwsVerifier} for the compact and JSON
 * serializations, detached content and unencoded payloads.
 *
 * <p>This package signs and verifies bytes; it knows nothing of claims. Only {@link dev.hallmark.jws.JwsVerifier}
 * makes a {@link dev.hallmark.jws.VerifiedJws}.
 */
package dev.hallmark.jws;
