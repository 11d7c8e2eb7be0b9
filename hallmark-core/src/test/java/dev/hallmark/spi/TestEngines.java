package dev.hallmark.spi;

import java.security.PublicKey;

/**
 * Engines registered in this module's test {@code META-INF/services}, each broken or unwanted in its own way. None
 * may ever be selected: {@link EngineDiscoveryTest} checks that discovery survives them all.
 */
public final class TestEngines {

    private TestEngines() {
    }

    /** Cannot even be instantiated: {@link java.util.ServiceLoader} reports a ServiceConfigurationError. */
    public static final class FailsToConstruct extends Delegating {
        public FailsToConstruct() {
            super("fails-to-construct", 1000);
            throw new IllegalStateException("this engine never loads");
        }
    }

    /** Loads, but throws when asked what it supports. */
    public static final class FailsToDescribe extends Delegating {
        public FailsToDescribe() {
            super("fails-to-describe", 1000);
        }

        @Override
        public boolean supports(SignatureCurve curve) {
            throw new IllegalStateException("this engine cannot say");
        }
    }

    /** Works, but with a priority below the JDK engine's: never chosen unless forced. */
    public static final class LowPriority extends Delegating {
        public LowPriority() {
            super("low-priority", -1);
        }
    }

    /** A working engine that answers through the JDK engine, under its own name and priority. */
    public static class Delegating implements SignatureVerificationEngine {
        private final String name;
        private final int priority;

        public Delegating(String name, int priority) {
            this.name = name;
            this.priority = priority;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public int priority() {
            return priority;
        }

        @Override
        public boolean supports(SignatureCurve curve) {
            return true;
        }

        @Override
        public PreparedVerifier prepare(SignatureCurve curve, PublicKey key, byte[] encoded) {
            return VerificationEngines.jdk().prepare(curve, key, encoded);
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
