package dev.hallmark.bc;

import dev.hallmark.spi.PreparedVerifier;
import dev.hallmark.spi.SignatureCurve;
import dev.hallmark.spi.SignatureVerificationEngine;
import dev.hallmark.spi.VerificationEngines;

import java.security.PublicKey;

/**
 * The Bouncy Castle engine ({@code bc}, priority 100): found by {@link java.util.ServiceLoader} and preferred over
 * the JDK's for every curve it supports. {@code -Dhallmark.ec.engine=jca} turns it off.
 */
public final class BcVerificationEngine implements SignatureVerificationEngine {

    /** Public for {@link java.util.ServiceLoader}; Hallmark makes one instance per JVM. */
    public BcVerificationEngine() {
        // fail here, while engines are discovered, rather than at the first token if Bouncy Castle is missing
        EcdsaVerifier.domain(SignatureCurve.P_256);
    }

    @Override
    public String name() {
        return "bc";
    }

    @Override
    public int priority() {
        return 100;
    }

    @Override
    public boolean supports(SignatureCurve curve) {
        return true;
    }

    @Override
    public PreparedVerifier prepare(SignatureCurve curve, PublicKey key, byte[] encoded) {
        if (encoded.length != curve.encodedPublicKeyLength()) {
            throw new IllegalArgumentException(curve.jwkName() + " key encoding of " + encoded.length + " octets");
        }
        return switch (curve) {
            case P_256, P_384, P_521 -> new EcdsaVerifier(curve, encoded);
            case ED25519 -> Ed25519Verifier.of(encoded, VerificationEngines.jdk().prepare(curve, key, encoded));
            case ED448 -> Ed448Verifier.of(encoded, VerificationEngines.jdk().prepare(curve, key, encoded));
        };
    }

    @Override
    public String toString() {
        return "bc";
    }
}
