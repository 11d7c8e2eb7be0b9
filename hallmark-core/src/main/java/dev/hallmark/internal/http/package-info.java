/**
 * Outbound HTTP for the verifier side (remote JWK Sets, issuer discovery, the revocation feed), on the JDK's
 * {@code java.net.http} alone: HTTPS required except for loopback hosts, redirects never followed, a response
 * size cap enforced while reading, a deadline on the whole response, and {@code Cache-Control} parsing. Knows
 * nothing of keys, tokens or JSON.
 */
package dev.hallmark.internal.http;
