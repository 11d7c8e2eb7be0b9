package dev.hallmark.jwk;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The table a fixed source keeps for verification selects exactly what a pass over its keys would. */
class FixedKeySourceTest {

    private static final String[] KIDS = {"a", "b", "c"};
    private static final String[] USES = {null, "sig", "enc"};
    private static final List<Set<String>> OPS = List.of(Set.of(), Set.of("verify"), Set.of("sign"),
            Set.of("sign", "verify"), Set.of("encrypt"));

    @Test
    void verificationSelectionsEqualAPassWithTheSameCriteriaOverRandomSets() {
        Random random = new Random(5);
        List<Jwk> pool = new ArrayList<>();
        for (int n = 0; n < 12; n++) {
            pool.add(OctJwk.of(secret(random)));
        }
        for (int round = 0; round < 400; round++) {
            List<Jwk> keys = new ArrayList<>();
            int size = random.nextInt(6);
            for (int n = 0; n < size; n++) {
                Jwk k = pool.get(random.nextInt(pool.size()));
                if (random.nextInt(4) > 0) {
                    k = k.withKeyId(KIDS[random.nextInt(KIDS.length)]);
                }
                String use = USES[random.nextInt(USES.length)];
                if (use != null) {
                    k = k.withUse(use);
                }
                Set<String> ops = OPS.get(random.nextInt(OPS.size()));
                if (!ops.isEmpty()) {
                    try {
                        k = k.withKeyOperations(ops);
                    } catch (IllegalArgumentException contradictsUse) {
                        // such a key cannot exist; keep it without key_ops
                    }
                }
                keys.add(k);
            }
            KeySource source = KeySource.of(JwkSet.of(keys.toArray(Jwk[]::new)));
            for (String kid : new String[] {null, "a", "b", "c", "unknown"}) {
                JwkMatcher sameCriteria = JwkMatcher.builder().keyId(kid).use("sig").keyOperation("verify").build();
                assertThat(source.select(JwkMatcher.forVerification(kid)))
                        .as("kid %s among %s", kid, keys)
                        .containsExactlyElementsOf(source.select(sameCriteria));
            }
        }
    }

    @Test
    void otherMatchersStillPassOverTheKeys() {
        Jwk a = OctJwk.of(secret(new Random(1))).withKeyId("a");
        Jwk b = OctJwk.of(secret(new Random(2))).withKeyId("b").withUse("enc");
        KeySource source = KeySource.of(JwkSet.of(a, b));
        // a key without "use" may serve any use
        assertThat(source.select(JwkMatcher.builder().use("enc").build())).containsExactly(a, b);
        assertThat(source.select(JwkMatcher.builder().use("sig").build())).containsExactly(a);
        assertThat(source.select(JwkMatcher.builder().keyType("oct").build())).containsExactly(a, b);
        assertThat(source.select(JwkMatcher.forVerification("b"))).isEmpty();
        assertThat(source.select(JwkMatcher.forVerification("a"))).containsExactly(a);
    }

    private static byte[] secret(Random random) {
        byte[] s = new byte[32];
        random.nextBytes(s);
        return s;
    }
}
