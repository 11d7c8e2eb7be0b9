/**
 * Hallmark core: JWS, JWK and JWT for Java on the JDK and jackson-core alone.
 *
 * <p>Only API packages are exported; {@code dev.hallmark.internal.*} is the implementation and may change
 * in any release.
 */
module dev.hallmark.core {
    requires com.fasterxml.jackson.core;
    requires transitive java.net.http;

    exports dev.hallmark;
    exports dev.hallmark.jwk;
    exports dev.hallmark.jws;
    exports dev.hallmark.jwt;
}
