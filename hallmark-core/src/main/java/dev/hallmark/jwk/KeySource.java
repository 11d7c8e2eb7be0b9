package dev.hallmark.jwk;

import java.util.List;

/**
 * Where a verifier finds the keys it trusts. The token never supplies keys: its {@code kid} only selects among
 * the keys of the source (RFC 8725 §3.10).
 *
 * <pre>{@code
 * KeySource one = KeySource.of(publicJwk);
 * KeySource many = KeySource.of(JwkSet.parse(jwksJson));
 * }</pre>
 *
 * <p>Implementations must be thread-safe.
 */
public interface KeySource {

    /** The trusted keys that satisfy {@code matcher}, in the source's order. */
    List<Jwk> select(JwkMatcher matcher);

    /** A source of fixed keys. */
    static KeySource of(Jwk... keys) {
        return of(JwkSet.of(keys));
    }

    /**
     * A source of the keys of a set. A set that mixes symmetric secrets with asymmetric keys is refused: a verifier
     * trusting both is one header away from key confusion (RFC 8725 §3.1).
     */
    static KeySource of(JwkSet set) {
        boolean symmetric = set.keys().stream().anyMatch(k -> k instanceof OctJwk);
        boolean asymmetric = set.keys().stream().anyMatch(k -> !(k instanceof OctJwk));
        if (symmetric && asymmetric) {
            throw new IllegalArgumentException(
                    "a key source must not mix symmetric and asymmetric keys (RFC 8725 §3.1); use two verifiers");
        }
        return new FixedKeySource(List.copyOf(set.keys()));
    }
}
