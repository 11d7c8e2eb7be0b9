/**
 * Strict JSON for JOSE, on the JDK alone: documents are read by a hand-written single-pass parser
 * ({@code JsonObjectParser}) and written by a hand-written writer, both held to jackson-core (a test dependency) by
 * differential tests. UTF-8 validated (RFC 8725 §3.7), duplicate member names rejected, nesting depth and value
 * count bounded by {@link dev.hallmark.Limits}, numbers kept exact ({@code Long}, {@code BigInteger} or
 * {@code BigDecimal}), trailing content refused; no byte-order mark and no UTF-16/32 (RFC 8259 §8.1). Values are
 * immutable: {@code Map<String,Object>} (a compact ordered map), {@code List<Object>}, {@code String},
 * {@code Boolean}, numbers and {@code null}. Knows nothing of what the members mean.
 */
package dev.hallmark.internal.json;
