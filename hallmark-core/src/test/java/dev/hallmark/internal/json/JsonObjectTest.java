package dev.hallmark.internal.json;

import dev.hallmark.JoseException;
import dev.hallmark.Limits;
import dev.hallmark.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The parser's compact object against {@link LinkedHashMap} holding the same members: small objects (searched
 * linearly) and large ones (indexed), well-known names and others, under the whole {@link Map} contract.
 */
class JsonObjectTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 7, 8, 9, 16, 17, 100, 1000})
    void behavesLikeALinkedHashMapWithTheSameMembers(int members) {
        Map<String, Object> expected = new LinkedHashMap<>();
        StringBuilder json = new StringBuilder("{");
        String[] wellKnown = {"iss", "sub", "aud", "exp", "kid", "alg"};
        for (int i = 0; i < members; i++) {
            String name = i < wellKnown.length ? wellKnown[i] : "m" + (i * 7919 % 100_003);
            expected.put(name, (long) i);
            json.append(i == 0 ? "" : ",").append('"').append(name).append("\":").append(i);
        }
        json.append('}');
        Map<String, Object> parsed = StrictJson.parseObject(json.toString().getBytes(StandardCharsets.UTF_8),
                Limits.builder().maxJsonValues(10_000).build(), "test");

        assertThat(parsed).isEqualTo(expected);
        assertThat(expected).isEqualTo(parsed);
        assertThat(parsed.hashCode()).isEqualTo(expected.hashCode());
        assertThat(parsed.size()).isEqualTo(members);
        assertThat(parsed.isEmpty()).isEqualTo(members == 0);
        assertThat(new ArrayList<>(parsed.keySet())).containsExactlyElementsOf(expected.keySet());
        assertThat(new ArrayList<>(parsed.values())).containsExactlyElementsOf(expected.values());
        for (String name : expected.keySet()) {
            assertThat(parsed.get(name)).isEqualTo(expected.get(name));
            assertThat(parsed.containsKey(name)).isTrue();
            // an equal name that is not the parser's own string instance
            assertThat(parsed.get(new String(name.toCharArray()))).isEqualTo(expected.get(name));
        }
        assertThat(parsed.get("absent")).isNull();
        assertThat(parsed.containsKey("absent")).isFalse();
        assertThat(parsed.get(42)).isNull();
        assertThat(parsed.get(null)).isNull();
        assertThat(parsed.containsValue((long) (members - 1))).isEqualTo(members > 0);
        assertThat(parsed.toString()).isEqualTo(expected.toString());
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 8, 9, 50})
    void aDuplicateIsFoundInSmallAndLargeObjects(int members) {
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < members; i++) {
            json.append('"').append("m").append(i).append("\":1,");
        }
        json.append("\"m").append(members / 2).append("\":2}");
        JoseException e = (JoseException) catchThrowable(() -> StrictJson.parseObject(
                json.toString().getBytes(StandardCharsets.UTF_8), Limits.DEFAULT, "test"));
        assertThat(e.reason()).isEqualTo(Reason.MALFORMED);
        assertThat(e.getMessage()).contains("more than once");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"iss\":1}", "{\"a\":1,\"b\":2,\"c\":3,\"d\":4,\"e\":5,\"f\":6,\"g\":7,\"h\":8,\"i\":9}"})
    void everyMutatorRefuses(String json) {
        Map<String, Object> m = StrictJson.parseObject(json.getBytes(StandardCharsets.UTF_8), Limits.DEFAULT, "test");
        List<Runnable> mutations = List.of(
                () -> m.put("x", 1), () -> m.remove("iss"), () -> m.putAll(Map.of("x", 1)), m::clear,
                () -> m.replaceAll((k, v) -> v), () -> m.putIfAbsent("x", 1), () -> m.remove("iss", 1L),
                () -> m.replace("iss", 1L, 2L), () -> m.replace("iss", 2L), () -> m.computeIfAbsent("x", k -> 1),
                () -> m.computeIfPresent("iss", (k, v) -> 1), () -> m.compute("x", (k, v) -> 1),
                () -> m.merge("x", 1, (a, b) -> a), () -> m.entrySet().clear(), () -> m.keySet().clear(),
                () -> m.entrySet().removeIf(e -> true));
        for (Runnable mutation : mutations) {
            assertThatThrownBy(mutation::run).isInstanceOf(UnsupportedOperationException.class);
        }
        if (!m.isEmpty()) {
            assertThatThrownBy(() -> m.entrySet().iterator().next().setValue(1))
                    .isInstanceOf(UnsupportedOperationException.class);
            var it = m.keySet().iterator();
            it.next();
            assertThatThrownBy(it::remove).isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"iss", "x5t#S256", "phone_number_verified", "kid"})
    void wellKnownNamesAreSharedAndOthersAreNot(String name) {
        byte[] json = ("{\"" + name + "\":1,\"" + name + "x\":2}").getBytes(StandardCharsets.UTF_8);
        Map<String, Object> first = StrictJson.parseObject(json, Limits.DEFAULT, "test");
        Map<String, Object> second = StrictJson.parseObject(json, Limits.DEFAULT, "test");
        List<String> a = new ArrayList<>(first.keySet());
        List<String> b = new ArrayList<>(second.keySet());
        assertThat(a).containsExactly(name, name + "x");
        assertThat(a.get(0)).isSameAs(b.get(0));
        assertThat(a.get(1)).isNotSameAs(b.get(1));
    }

    @Test
    void aRetainedParseMakesEachPlainStringOnceOnFirstReadAndTellsStringsWithoutMakingThem() {
        byte[] doc = "{\"a\":\"plain\",\"b\":1,\"c\":null,\"d\":\"\\u0041\",\"e\":{\"f\":\"g\"}}"
                .getBytes(StandardCharsets.UTF_8);
        Map<String, Object> parsed = StrictJson.parseRetained(doc, Limits.DEFAULT, "doc");
        assertThat(StrictJson.absentOrString(parsed, "a")).isTrue();
        assertThat(StrictJson.absentOrString(parsed, "d")).isTrue();
        assertThat(StrictJson.absentOrString(parsed, "missing")).isTrue();
        assertThat(StrictJson.absentOrString(parsed, "b")).isFalse();
        assertThat(StrictJson.absentOrString(parsed, "c")).isFalse();
        assertThat(StrictJson.absentOrString(parsed, "e")).isFalse();
        Object first = parsed.get("a");
        assertThat(first).isEqualTo("plain");
        assertThat(parsed.get("a")).isSameAs(first);
        assertThat(parsed.get("d")).isEqualTo("A");
        assertThat(parsed.toString()).isEqualTo("{a=plain, b=1, c=null, d=A, e={f=g}}");
    }

    @Test
    void aRetainedDocumentOf64KiBOrMoreMakesItsStringsAtOnceAndReadsTheSame() {
        StringBuilder sb = new StringBuilder("{\"pad\":\"").append("x".repeat(70_000)).append("\"");
        for (int k = 0; k < 20; k++) {
            sb.append(",\"m").append(k).append("\":\"value ").append(k).append('"');
        }
        byte[] doc = sb.append('}').toString().getBytes(StandardCharsets.UTF_8);
        Limits roomy = Limits.builder().maxTokenBytes(200_000).build();
        Map<String, Object> retained = StrictJson.parseRetained(doc, roomy, "doc");
        assertThat(retained).isEqualTo(StrictJson.parseObject(doc, roomy, "doc"));
        assertThat(retained.get("m19")).isEqualTo("value 19");
    }

    @Test
    void threadsReadingDeferredStringsForTheFirstTimeTogetherAllSeeTheirValues() throws Exception {
        StringBuilder sb = new StringBuilder("{");
        for (int k = 0; k < 40; k++) {
            sb.append(k == 0 ? "" : ",").append("\"m").append(k).append("\":\"value-").append(k).append('"');
        }
        byte[] doc = sb.append('}').toString().getBytes(StandardCharsets.UTF_8);
        Map<String, Object> expected = StrictJson.parseObject(doc, Limits.DEFAULT, "doc");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 200; round++) {
                Map<String, Object> shared = StrictJson.parseRetained(doc, Limits.DEFAULT, "doc");
                java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
                List<java.util.concurrent.Future<Map<String, Object>>> seen = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    int offset = t * 10;
                    seen.add(pool.submit(() -> {
                        start.await();
                        Map<String, Object> read = new LinkedHashMap<>();
                        for (int k = 0; k < 40; k++) {
                            String name = "m" + ((k + offset) % 40);
                            read.put(name, shared.get(name));
                        }
                        return read;
                    }));
                }
                start.countDown();
                for (java.util.concurrent.Future<Map<String, Object>> f : seen) {
                    assertThat(f.get()).isEqualTo(expected);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
