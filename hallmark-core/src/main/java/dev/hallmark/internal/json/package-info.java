/**
 * Strict JSON for JOSE over jackson-core's streaming API: UTF-8 validated (RFC 8725 §3.7), duplicate member names
 * rejected, nesting depth and value count bounded by {@link dev.hallmark.Limits}, numbers kept exact
 * ({@code Long}, {@code BigInteger} or {@code BigDecimal}), trailing content refused. Values are plain Java
 * collections: {@code Map<String,Object>}, {@code List<Object>}, {@code String}, {@code Boolean}, numbers and
 * {@code null}. Knows nothing of what the members mean.
 */
package dev.hallmark.internal.json;
