/**
 * JSON Web Encryption (RFC 7516, algorithms of RFC 7518 §4–5 and RFC 8037): the {@link dev.hallmark.jwe.JweAlgorithm}
 * and {@link dev.hallmark.jwe.ContentEncryption} registries, {@link dev.hallmark.jwe.JweEncrypter} for the compact
 * and JSON serializations, and {@link dev.hallmark.jwe.JweDecrypter}, the only maker of a
 * {@link dev.hallmark.jwe.DecryptedJwe}.
 *
 * <p>This package encrypts and decrypts bytes; it knows nothing of claims or signatures (nested JWTs are in
 * {@code dev.hallmark.jwt}). The cryptography itself is in {@code dev.hallmark.internal.crypto}.
 */
package dev.hallmark.jwe;
