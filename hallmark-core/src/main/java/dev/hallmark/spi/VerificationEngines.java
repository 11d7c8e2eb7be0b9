package dev.hallmark.spi;

import dev.hallmark.internal.crypto.EngineRegistry;
import dev.hallmark.internal.crypto.JcaVerificationEngine;

/**
 * Which {@link SignatureVerificationEngine} Hallmark uses for each curve. Engines are discovered once, on first use,
 * with the class loader that loaded Hallmark; the choice then stays fixed for the life of the JVM.
 *
 * <pre>{@code
 * String engine = VerificationEngines.selected(SignatureCurve.P_256).name(); // "bc" with hallmark-bc, else "jca"
 * }</pre>
 */
public final class VerificationEngines {

    /**
     * System property naming the engine to use for every curve it supports, e.g. {@code jca} to force the JDK's. An
     * unknown name is logged and the JDK engine is used.
     */
    public static final String ENGINE_PROPERTY = "hallmark.ec.engine";

    private VerificationEngines() {
    }

    /** The engine that verifies signatures on {@code curve}. */
    public static SignatureVerificationEngine selected(SignatureCurve curve) {
        return EngineRegistry.get().engineFor(curve);
    }

    /** The built-in engine on the JDK's own {@link java.security.Signature} implementations (name {@code jca}). */
    public static SignatureVerificationEngine jdk() {
        return JcaVerificationEngine.INSTANCE;
    }
}
