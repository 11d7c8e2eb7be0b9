/**
 * Service provider interface for signature verification engines: the curve arithmetic behind ES256/384/512 and
 * EdDSA verification, found at run time through {@link java.util.ServiceLoader}. The JDK engine is built in and is
 * the default; a faster one (such as the {@code hallmark-bc} module's) is used just by being on the class or module
 * path.
 *
 * <p>An engine sees only public data (a validated public key, the JWS signing input and a signature whose format
 * Hallmark has already checked) and answers one question: does it verify? It never signs, never sees a private key
 * and knows nothing of JOSE headers, keys sets, tokens or claims. Every check that decides what Hallmark accepts
 * beyond the curve equation (exact signature lengths, {@code r} and {@code s} in [1, n-1], canonical {@code R} and
 * {@code S < L}, points on the curve and not of small order) stays in Hallmark's own code, in front of any engine.
 */
package dev.hallmark.spi;
