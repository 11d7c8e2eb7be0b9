package dev.hallmark.jws;

import java.util.EnumSet;
import java.util.Set;

/**
 * The algorithms a verifier accepts, fixed by the caller (RFC 8725 §3.1). Without a policy, a verifier accepts the
 * algorithm each key names in its {@code alg}, else the ones its type fits.
 *
 * <pre>{@code
 * JwtVerifier.builder().algorithms(AlgorithmPolicy.of(JwsAlgorithm.ES256))...
 * }</pre>
 */
public final class AlgorithmPolicy {

    private final Set<JwsAlgorithm> allowed;

    private AlgorithmPolicy(Set<JwsAlgorithm> allowed) {
        this.allowed = java.util.Collections.unmodifiableSet(EnumSet.copyOf(allowed));
    }

    /** A policy allowing exactly these algorithms; at least one. */
    public static AlgorithmPolicy of(JwsAlgorithm first, JwsAlgorithm... more) {
        EnumSet<JwsAlgorithm> set = EnumSet.of(first, more);
        return new AlgorithmPolicy(set);
    }

    public static AlgorithmPolicy of(Set<JwsAlgorithm> algorithms) {
        if (algorithms.isEmpty()) {
            throw new IllegalArgumentException("an algorithm policy must allow at least one algorithm");
        }
        return new AlgorithmPolicy(EnumSet.copyOf(algorithms));
    }

    public boolean allows(JwsAlgorithm alg) {
        return allowed.contains(alg);
    }

    public Set<JwsAlgorithm> allowed() {
        return allowed;
    }

    @Override
    public String toString() {
        return "AlgorithmPolicy" + allowed;
    }
}
