package dev.hallmark.spi;

import java.security.PublicKey;

/**
 * An implementation of ECDSA and EdDSA signature verification, discovered with {@link java.util.ServiceLoader}
 * (JPMS: {@code provides dev.hallmark.spi.SignatureVerificationEngine with ...}; class path: a
 * {@code META-INF/services/dev.hallmark.spi.SignatureVerificationEngine} entry). For each curve Hallmark uses the
 * supporting engine of highest {@link #priority()}; the JDK engine built into Hallmark has priority 0 and supports
 * every curve. The system property {@value VerificationEngines#ENGINE_PROPERTY} names an engine to use instead, e.g.
 * {@code -Dhallmark.ec.engine=jca} for the JDK's.
 *
 * <p>An engine that fails to load, or throws from any method, is ignored and logged once: Hallmark then verifies with
 * the JDK engine, never rejecting a token because of the engine. Implementations must be thread-safe and must
 * have a public no-argument constructor.
 */
public interface SignatureVerificationEngine {

    /** A short lower-case name, e.g. {@code jca} or {@code bc}, as {@value VerificationEngines#ENGINE_PROPERTY} names it. */
    String name();

    /** Higher wins. The built-in JDK engine has 0; a faster engine should use a positive value. */
    int priority();

    /** True when this engine verifies signatures on {@code curve}. */
    boolean supports(SignatureCurve curve);

    /**
     * The verifier for one public key, called once per key (Hallmark caches the result). The key has been validated
     * by Hallmark: for ECDSA a point of the curve (not the identity), for EdDSA a canonical encoding of a point that
     * is not of small order.
     *
     * @param curve a curve this engine {@link #supports}
     * @param key the JCA public key ({@link java.security.interfaces.ECPublicKey} or
     *            {@link java.security.interfaces.EdECPublicKey})
     * @param encoded the same key encoded as {@link SignatureCurve#encodedPublicKeyLength()} describes; the engine may
     *                keep it, Hallmark never changes it
     * @throws IllegalArgumentException when this engine cannot use the key (Hallmark then uses the JDK engine)
     */
    PreparedVerifier prepare(SignatureCurve curve, PublicKey key, byte[] encoded);
}
