package dev.hallmark.jwk;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The keys of one set, never changing: what a verifier selects for each {@code kid} (with {@link
 * JwkMatcher#forVerification}) is worked out once, with the same matcher, so a token's key lookup is one map read
 * instead of a pass over the keys and a fresh list. Other matchers are answered by that pass. Immutable. Serves
 * {@link KeySource#of(JwkSet)} and each fetched snapshot of a {@link RemoteJwkSet}.
 */
final class FixedKeySource implements KeySource {

    private final List<Jwk> keys;
    /** Per key id present in the set, the keys {@code forVerification(kid)} selects. */
    private final Map<String, List<Jwk>> verifiersByKeyId;
    /** The keys {@code forVerification(null)} selects: a token without a kid. */
    private final List<Jwk> verifiersWithoutKeyId;

    FixedKeySource(List<Jwk> keys) {
        this.keys = keys;
        Map<String, List<Jwk>> byKid = new HashMap<>();
        for (Jwk k : keys) {
            k.keyId().ifPresent(kid -> byKid.computeIfAbsent(kid, id -> pass(JwkMatcher.forVerification(id))));
        }
        this.verifiersByKeyId = Map.copyOf(byKid);
        this.verifiersWithoutKeyId = pass(JwkMatcher.forVerification(null));
    }

    /** The keys, in the set's order. */
    List<Jwk> keys() {
        return keys;
    }

    @Override
    public List<Jwk> select(JwkMatcher matcher) {
        if (matcher.isForVerification()) {
            String kid = matcher.keyIdOrNull();
            if (kid == null) {
                return verifiersWithoutKeyId;
            }
            // a kid no key has selects nothing: only keys with that very kid can match it
            return verifiersByKeyId.getOrDefault(kid, List.of());
        }
        return pass(matcher);
    }

    private List<Jwk> pass(JwkMatcher matcher) {
        List<Jwk> out = new ArrayList<>(1);
        for (Jwk k : keys) {
            if (matcher.matches(k)) {
                out.add(k);
            }
        }
        return List.copyOf(out);
    }

    @Override
    public String toString() {
        return "KeySource.of(" + keys.size() + " keys)";
    }
}
