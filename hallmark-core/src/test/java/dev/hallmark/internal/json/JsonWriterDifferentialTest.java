package dev.hallmark.internal.json;

import dev.hallmark.JoseException;
import dev.hallmark.Limits;
import dev.hallmark.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The hand-written {@link JsonWriter} against jackson-core's generator ({@link JacksonReferenceWriter}) on generated
 * documents of every value type it accepts: the bytes must be identical, and the documents must parse back with
 * {@link StrictJson} to the values written (numbers in their parsed form). A document with a lone surrogate, which
 * jackson writes and StrictJson refuses as MALFORMED, is refused by the writer itself.
 */
class JsonWriterDifferentialTest {

    private static final Limits LIMITS = Limits.builder().maxTokenBytes(1 << 24).maxJsonDepth(16)
            .maxJsonValues(1 << 20).build();
    private static final int DOCS_PER_SEED = 1_000;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void generatedDocumentsMatchJacksonByteForByte(long seed) {
        Random random = new Random(seed);
        int loneSurrogateDocs = 0;
        for (int n = 0; n < DOCS_PER_SEED; n++) {
            boolean allowLone = n % 4 == 3;
            Map<String, Object> doc = object(random, 0, allowLone);
            if (hasLoneSurrogate(doc)) {
                loneSurrogateDocs++;
                byte[] jackson = JacksonReferenceWriter.write(doc);
                assertThatThrownBy(() -> StrictJson.parseObject(jackson, LIMITS, "test"))
                        .isInstanceOfSatisfying(JoseException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));
                assertThatThrownBy(() -> JsonWriter.write(doc)).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("unpaired UTF-16 surrogate");
                continue;
            }
            byte[] ours = JsonWriter.write(doc);
            assertThat(ours).as("seed %d document %d", seed, n).isEqualTo(JacksonReferenceWriter.write(doc));
            assertThat(JsonWriter.writeString(doc)).isEqualTo(new String(ours, StandardCharsets.UTF_8));
            assertThat(StrictJson.parseObject(ours, LIMITS, "test")).isEqualTo(parsedForm(doc));
        }
        assertThat(loneSurrogateDocs).as("documents with a lone surrogate").isGreaterThan(DOCS_PER_SEED / 10);
    }

    @Test
    void everyCharacterMatchesJackson() {
        // each of the 65,536 UTF-16 units alone, and between two others, as a member name and as a value (a surrogate
        // alone is unpaired: refused; pairs are covered by the generated documents and the long strings)
        for (int c = 0; c <= 0xffff; c++) {
            String s = String.valueOf((char) c);
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put(s, s);
            doc.put("x" + s + "y", List.of("a" + s + "\u00e9" + s));
            if (Character.isSurrogate((char) c)) {
                assertThatThrownBy(() -> JsonWriter.write(doc)).as("U+%04X", c)
                        .isInstanceOf(IllegalArgumentException.class);
                continue;
            }
            assertThat(JsonWriter.write(doc)).as("U+%04X", c).isEqualTo(JacksonReferenceWriter.write(doc));
        }
    }

    @Test
    void longStringsAcrossTheWritersChunksMatchJackson() {
        Random random = new Random(99);
        for (int len : new int[] {4095, 4096, 4097, 8191, 8192, 8193, 40_000}) {
            StringBuilder sb = new StringBuilder();
            while (sb.length() < len) {
                sb.append(string(random, false)); // pairs only: a lone surrogate is refused (see above)
            }
            String text = sb.substring(0, len);
            if (Character.isHighSurrogate(text.charAt(len - 1))) {
                text = text.substring(0, len - 1) + "x"; // the cut split a pair
            }
            Map<String, Object> doc = Map.of("s", text);
            assertThat(JsonWriter.write(doc)).as("length %d", len).isEqualTo(JacksonReferenceWriter.write(doc));
            // as a member name too, first (no separator) and after another member: the writer's long-name path
            Map<String, Object> named = new LinkedHashMap<>();
            named.put(text, 1L);
            named.put("n", 2L);
            named.put(text + "!", 3L);
            assertThat(JsonWriter.write(named)).as("name of length %d", len)
                    .isEqualTo(JacksonReferenceWriter.write(named));
        }
    }

    @Test
    void numberEdgesMatchJackson() {
        List<Object> values = new ArrayList<>(List.of(0L, -0L, 1L, -1L, 9L, 10L, -10L, 99L, 100L, Long.MAX_VALUE,
                Long.MIN_VALUE, Long.MAX_VALUE - 1, Long.MIN_VALUE + 1, Integer.MAX_VALUE, Integer.MIN_VALUE,
                (short) -5, (byte) 7, Short.MIN_VALUE, Byte.MIN_VALUE,
                new BigInteger("9223372036854775808"), new BigInteger("-9223372036854775809"), BigInteger.ZERO,
                new BigInteger("1" + "0".repeat(400)), new BigDecimal("0"), new BigDecimal("0.0"), new BigDecimal("-0.00"),
                new BigDecimal("1E+3"), new BigDecimal("1e-7"), new BigDecimal("123.4500"), new BigDecimal("-1.5E-400"),
                new BigDecimal(BigInteger.valueOf(5), -1_000_000), new BigDecimal(BigInteger.valueOf(-5), 1_000_000),
                new BigDecimal("1e-2147483647"), 0.0, -0.0, 0.1, 1.0, 1e7, 1e-3, 1e-4, 9999999.0, 1.0E21, 1e22, 5e-324,
                Double.MAX_VALUE, Double.MIN_NORMAL, -123.456, 2e-323, 1.0E23, 0.3f, -1.5f, Float.MAX_VALUE, Float.MIN_VALUE));
        // every digit count's edges, where the writer's digit count and its two-digit steps change
        for (long p = 1; p > 0 && p <= Long.MAX_VALUE / 10 * 10; p *= 10) {
            for (long v : new long[] {p - 1, p, p + 1, 2 * p - 1, 9 * p, 9 * p + 1}) {
                values.add(v);
                values.add(-v);
            }
            if (p > Long.MAX_VALUE / 10) {
                break;
            }
        }
        values.addAll(List.of((long) Integer.MAX_VALUE + 1, (long) Integer.MAX_VALUE - 1, (long) Integer.MIN_VALUE - 1));
        Random random = new Random(7);
        for (int i = 0; i < 2_000; i++) {
            values.add(Double.longBitsToDouble(random.nextLong()));
            values.add(random.nextLong() >> random.nextInt(64));
            values.add(Float.intBitsToFloat(random.nextInt()));
        }
        for (Object v : values) {
            if (v instanceof Double d && (d.isNaN() || d.isInfinite()) || v instanceof Float f && (f.isNaN() || f.isInfinite())) {
                continue;
            }
            Map<String, Object> doc = Map.of("n", v);
            assertThat(JsonWriter.write(doc)).as("%s %s", v.getClass().getSimpleName(), v)
                    .isEqualTo(JacksonReferenceWriter.write(doc));
        }
    }

    @Test
    void nestingUpToJacksonsLimitIsWrittenAndBeyondItRefusedByBoth() {
        assertThat(JsonWriter.write(nested(JsonWriter.MAX_DEPTH))).isEqualTo(JacksonReferenceWriter.write(nested(JsonWriter.MAX_DEPTH)));
        Map<String, Object> tooDeep = nested(JsonWriter.MAX_DEPTH + 1);
        assertThatThrownBy(() -> JacksonReferenceWriter.write(tooDeep)).isInstanceOf(UncheckedIOException.class);
        assertThatThrownBy(() -> JsonWriter.write(tooDeep)).isInstanceOf(IllegalArgumentException.class);
        // a map that contains itself ends at the limit rather than in a StackOverflowError
        Map<String, Object> cyclic = new LinkedHashMap<>();
        cyclic.put("self", cyclic);
        assertThatThrownBy(() -> JsonWriter.write(cyclic)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void valuesJsonCannotHoldAreRefused() {
        for (Object bad : new Object[] {Double.NaN, Double.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, new Object(),
            'c', java.util.Optional.empty(), new int[0]}) {
            assertThatThrownBy(() -> JsonWriter.write(Map.of("a", List.of(bad)))).as("%s", bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        Map<Object, Object> nonStringKey = new LinkedHashMap<>();
        nonStringKey.put(1, "x");
        assertThatThrownBy(() -> JsonWriter.write(Map.of("a", nonStringKey))).isInstanceOf(IllegalArgumentException.class);
        Map<Object, Object> nullKey = new LinkedHashMap<>();
        nullKey.put(null, "x");
        assertThatThrownBy(() -> JsonWriter.write(Map.of("a", nullKey))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void membersAddedByTheCallerFollowTheMapsOwn() {
        Map<String, Object> own = new LinkedHashMap<>();
        own.put("a", 1);
        own.put("b", List.of("x", Map.of()));
        JsonOutput out = new JsonOutput(1);
        JsonWriter.startObject(out);
        JsonWriter.members(out, own);
        JsonWriter.member(out, "c", true);
        JsonWriter.member(out, "d", Map.of("e", List.of()));
        JsonWriter.endObject(out);
        Map<String, Object> all = new LinkedHashMap<>(own);
        all.put("c", true);
        all.put("d", Map.of("e", List.of()));
        assertThat(out.toByteArray()).isEqualTo(JacksonReferenceWriter.write(all));

        JsonOutput onlyAdded = new JsonOutput(1);
        JsonWriter.startObject(onlyAdded);
        JsonWriter.members(onlyAdded, Map.of());
        JsonWriter.member(onlyAdded, "c", true);
        JsonWriter.member(onlyAdded, "{", "{");
        JsonWriter.endObject(onlyAdded);
        assertThat(onlyAdded.toUtf8String()).isEqualTo("{\"c\":true,\"{\":\"{\"}");
    }

    /** A document whose innermost container is at {@code depth}, the top-level object being at 1 (depth >= 2). */
    private static Map<String, Object> nested(int depth) {
        Object v = new ArrayList<>();
        for (int d = depth - 1; d >= 2; d--) {
            v = d % 2 == 0 ? List.of(v) : Map.of("k", v);
        }
        return Map.of("top", v);
    }

    private static Map<String, Object> object(Random r, int depth, boolean allowLone) {
        Map<String, Object> m = new LinkedHashMap<>();
        int n = r.nextInt(depth == 0 ? 8 : 5);
        for (int i = 0; i < n; i++) {
            m.put(string(r, allowLone), value(r, depth + 1, allowLone));
        }
        return m;
    }

    private static Object value(Random r, int depth, boolean allowLone) {
        int kind = r.nextInt(depth >= 6 ? 12 : 14);
        return switch (kind) {
            case 0 -> null;
            case 1 -> r.nextBoolean();
            case 2 -> string(r, allowLone);
            case 3 -> r.nextLong() >> r.nextInt(64);
            case 4 -> r.nextInt(2001) - 1000;
            case 5 -> (short) r.nextInt();
            case 6 -> (byte) r.nextInt();
            case 7 -> new BigInteger(r.nextInt(200) + 1, r).multiply(BigInteger.valueOf(r.nextBoolean() ? 1 : -1));
            case 8 -> new BigDecimal(new BigInteger(r.nextInt(120) + 1, r).multiply(BigInteger.valueOf(r.nextBoolean() ? 1 : -1)),
                    r.nextInt(801) - 400);
            case 9 -> finiteDouble(r);
            case 10 -> finiteFloat(r);
            case 11 -> string(r, allowLone);
            case 12 -> object(r, depth, allowLone);
            default -> {
                List<Object> list = new ArrayList<>();
                int n = r.nextInt(5);
                for (int i = 0; i < n; i++) {
                    list.add(value(r, depth + 1, allowLone));
                }
                yield r.nextBoolean() ? list : new LinkedHashSet<>(list); // any Collection, not only lists
            }
        };
    }

    private static double finiteDouble(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> r.nextDouble();
            case 1 -> (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(60) - 30);
            case 2 -> (double) (r.nextInt(20001) - 10000);
            default -> {
                double d;
                do {
                    d = Double.longBitsToDouble(r.nextLong());
                } while (Double.isNaN(d) || Double.isInfinite(d));
                yield d;
            }
        };
    }

    private static float finiteFloat(Random r) {
        float f;
        do {
            f = r.nextBoolean() ? (float) (r.nextGaussian() * 1000) : Float.intBitsToFloat(r.nextInt());
        } while (Float.isNaN(f) || Float.isInfinite(f));
        return f;
    }

    private static final String[] EDGES = {"\ud83d\ude00", "\ufeff", "\uffff", "\u0800", "\u07ff"};

    /** Short strings drawn from the characters where JSON writers differ. */
    private static String string(Random r, boolean allowLone) {
        StringBuilder sb = new StringBuilder();
        int n = r.nextInt(13);
        for (int i = 0; i < n; i++) {
            switch (r.nextInt(allowLone ? 9 : 8)) {
                case 0 -> sb.append((char) r.nextInt(0x20)); // C0 controls
                case 1 -> sb.append("\"\\/\u007f".charAt(r.nextInt(4)));
                case 2, 3 -> sb.append((char) (0x20 + r.nextInt(0x60))); // printable ASCII and DEL
                case 4 -> sb.append((char) (0x80 + r.nextInt(0x780))); // two UTF-8 bytes
                case 5 -> {
                    char c = (char) (0x800 + r.nextInt(0x10000 - 0x800)); // three bytes, never a surrogate here
                    sb.append(Character.isSurrogate(c) ? '\u2028' : c);
                }
                case 6 -> sb.appendCodePoint(0x10000 + r.nextInt(0x100000)); // a surrogate pair
                case 7 -> sb.append(EDGES[r.nextInt(EDGES.length)]);
                default -> sb.append((char) (0xd800 + r.nextInt(0x800))); // a lone surrogate (or, by chance, a pair)
            }
        }
        return sb.toString();
    }

    private static boolean hasLoneSurrogate(Object v) {
        if (v instanceof String s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else if (Character.isSurrogate(c)) {
                    return true;
                }
            }
            return false;
        }
        if (v instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (hasLoneSurrogate(e.getKey()) || hasLoneSurrogate(e.getValue())) {
                    return true;
                }
            }
        }
        if (v instanceof Collection<?> c) {
            for (Object o : c) {
                if (hasLoneSurrogate(o)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** What {@link StrictJson} gives back for a written value: exact numbers, lists, maps. */
    private static Object parsedForm(Object v) {
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof BigDecimal bd && bd.scale() == 0) {
            v = bd.toBigInteger(); // written without a point or exponent, so read back as an integer
        }
        if (v instanceof BigInteger bi) {
            return bi.bitLength() < 64 ? (Object) bi.longValue() : bi;
        }
        if (v instanceof Double || v instanceof Float) {
            return new BigDecimal(Double.toString(((Number) v).doubleValue()));
        }
        if (v instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(k, parsedForm(x)));
            return out;
        }
        if (v instanceof Collection<?> c) {
            List<Object> out = new ArrayList<>();
            c.forEach(x -> out.add(parsedForm(x)));
            return out;
        }
        return v;
    }
}
