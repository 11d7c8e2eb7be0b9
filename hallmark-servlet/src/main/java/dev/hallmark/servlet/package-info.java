/**
 * Bearer-token authentication for Jakarta Servlet applications: {@link dev.hallmark.servlet.JwtAuthenticationFilter}
 * takes an access token from the {@code Authorization: Bearer} header or a configured cookie, verifies it with a
 * {@link dev.hallmark.jwt.JwtVerifier}, enforces per-path scope rules and exposes the caller as a
 * {@link dev.hallmark.servlet.JwtPrincipal}; failures are answered as RFC 6750 §3 prescribes.
 *
 * <p>Owns: reading credentials from HTTP requests, the RFC 6750 challenge, the principal and roles. Must not know:
 * how tokens are verified or where keys come from (that is the {@code JwtVerifier} the caller builds), or any
 * particular container (only the Servlet API).
 */
package dev.hallmark.servlet;
