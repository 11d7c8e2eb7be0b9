/**
 * Hallmark core: JWS, JWE, JWK and JWT for Java on the JDK alone.
 *
 * <p>Only API packages are exported; {@code dev.hallmark.internal.*} is the implementation and may change
 * in any release.
 */
module dev.hallmark.core {
    requires transitive java.net.http;

    exports dev.hallmark;
    exports dev.hallmark.jwe;
    exports dev.hallmark.jwk;
    exports dev.hallmark.jws;
    exports dev.hallmark.jwt;
    exports dev.hallmark.spi;

    uses dev.hallmark.spi.SignatureVerificationEngine;
}
