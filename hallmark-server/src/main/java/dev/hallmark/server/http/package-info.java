/**
 * HTTP on Jetty 12's core handler API: one handler per endpoint, registered with the {@link
 * dev.hallmark.server.http.Router}; {@link dev.hallmark.server.http.Exchange} reads bounded form bodies and writes
 * JSON; {@link dev.hallmark.server.http.OAuthErrors} renders RFC 6749 errors. Handlers translate HTTP to calls on the
 * domain ({@code issue}, {@code keys}, {@code store}) and back, nothing more. Bad input is always a 4xx.
 */
package dev.hallmark.server.http;
