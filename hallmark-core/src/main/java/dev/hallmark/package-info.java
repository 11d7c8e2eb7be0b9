/**
 * The vocabulary every Hallmark part shares: {@link dev.hallmark.JoseException} with its stable
 * {@link dev.hallmark.Reason} codes, and {@link dev.hallmark.Limits}, the size and cost bounds applied before any
 * untrusted input is parsed.
 *
 * <p>This package knows nothing of algorithms, keys or claims.
 */
package dev.hallmark;
