/**
 * An example API protected by Hallmark: {@code GET /orders} needs scope {@code orders:read}, {@code POST /orders}
 * needs {@code orders:write}, {@code GET /me} shows the caller, {@code GET /health} is public. It trusts one issuer,
 * found by discovery.
 *
 * <p>Owns: the example's HTTP resources and its wiring. Must not know: how the issuer stores or signs anything; it
 * sees the issuer only through its published metadata, JWK Set and revocation feed.
 */
package dev.hallmark.examples.orders;
