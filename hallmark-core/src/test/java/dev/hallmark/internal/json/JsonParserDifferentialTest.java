package dev.hallmark.internal.json;

import dev.hallmark.JoseException;
import dev.hallmark.Limits;
import dev.hallmark.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The hand-written parser against jackson-core under the same rules, on generated documents and on mutations of
 * them (flipped, inserted, deleted and truncated bytes): both must refuse, or both accept with equal values. The one
 * intended difference is that jackson guesses UTF-16/32 from zero bytes and skips a byte-order mark, which RFC 8259
 * §8.1 lets a parser refuse and which Hallmark refuses.
 */
class JsonParserDifferentialTest {

    private static final Limits LIMITS = Limits.builder().maxJsonDepth(6).maxJsonValues(200).build();

    /** Tokens a mutation may insert: the characters where JSON parsers tend to disagree. */
    private static final String[] SPLICES = {"\"", "\\", "\\u", "\\ud800", "\\udc00", "\\u0000", "{", "}", "[", "]",
        ":", ",", "-", "0", "01", "1e", "1.", ".5", "+1", "1e+", "NaN", "Infinity", "tru", "nul", "\u00e9", "\ud83d\ude00",
        " ", "\n", "\t", "\u0001", "\u007f", "//", "/*", "'", "9223372036854775808", "-9223372036854775809", "1E400",
        "0.0000001", "-0", "1.50"};

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void bothParsersAgreeOnGeneratedAndMutatedDocuments(long seed) {
        Random random = new Random(seed);
        for (int n = 0; n < 2_500; n++) {
            String doc = object(random, 0);
            byte[] bytes = doc.getBytes(StandardCharsets.UTF_8);
            compare(bytes);
            for (int m = 0; m < 4; m++) {
                compare(mutate(random, bytes));
            }
        }
    }

    @Test
    void handPickedEdgesAgree() {
        String[] docs = {"{}", " {} ", "{\"a\":1}", "{\"a\":-0}", "{\"a\":0.0}", "{\"a\":1E5}", "{\"a\":1e-5}",
            "{\"a\":9223372036854775807}", "{\"a\":9223372036854775808}", "{\"a\":-9223372036854775808}",
            "{\"a\":-9223372036854775809}", "{\"a\":123456789012345678}", "{\"a\":1234567890123456789}",
            "{\"a\":\"\\u00e9\\ud83d\\ude00\"}", "{\"a\":\"\\ud83d\"}", "{\"a\":\"\\ude00\\ud83d\"}", "{\"a\":[]}",
            "{\"a\":[1,]}", "{\"a\":1,}", "{,}", "{\"a\" 1}", "{\"a\":01}", "{\"a\":1.}", "{\"a\":.1}",
            "{\"a\":+1}", "{\"a\":tru}", "{\"a\":true false}", "{\"a\":\"x\"}{}", "{\"a\":\"x\"}[]", "{\"a\":\"x\"}x",
            "{\"a\":\"\t\"}", "{\"a\":\"\\x\"}", "{\"a\":\"\\u12\"}", "{\"a\":\"\\u12G4\"}", "{\"a\":1,\"a\":2}",
            "{\"a\":1,\"\\u0061\":2}", "[1]", "\"x\"", "", " ", "{", "{\"a\"", "{\"a\":", "{\"a\":\"", "{\"a\":[",
            "{\"a\":{\"b\":{\"c\":{\"d\":{\"e\":{\"f\":1}}}}}}", "{\"a\":{\"b\":{\"c\":{\"d\":{\"e\":{}}}}}}",
            "{\"\":\"\"}", "{\"a\":null,\"b\":false,\"c\":true}", "{\"a\":1e5000}", "{\"a\":-1.5E-10}"};
        for (String doc : docs) {
            compare(doc.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void invalidUtf8IsRefusedByBoth() {
        for (String hex : new String[] {"c0af", "e08080", "eda080", "f4908080", "f8", "80", "c3", "e282"}) {
            byte[] inString = concat("{\"a\":\"", HexFormat.of().parseHex(hex), "\"}");
            compare(inString);
            assertRefused(inString);
            byte[] outside = concat("{\"a\":1", HexFormat.of().parseHex(hex), "}");
            compare(outside);
            assertRefused(outside);
        }
    }

    @Test
    void aByteOrderMarkAndUtf16AreRefused() {
        assertRefused(concat("", HexFormat.of().parseHex("efbbbf"), "{}"));
        assertRefused("{\"a\":1}".getBytes(StandardCharsets.UTF_16LE));
        assertRefused("{\"a\":1}".getBytes(StandardCharsets.UTF_16BE));
    }

    private static void assertRefused(byte[] doc) {
        try {
            StrictJson.parseObject(doc, 0, doc.length, LIMITS, "doc");
            fail("accepted " + HexFormat.of().formatHex(doc));
        } catch (JoseException e) {
            assertThat(e.reason()).isEqualTo(Reason.MALFORMED);
        }
    }

    private static void compare(byte[] doc) {
        Object mine;
        Object jackson;
        try {
            mine = StrictJson.parseObject(doc, 0, doc.length, LIMITS, "doc");
        } catch (JoseException e) {
            assertThat(e.reason()).isEqualTo(Reason.MALFORMED);
            mine = e;
        }
        compareRetained(doc, mine);
        try {
            jackson = JacksonReferenceParser.parse(doc, 0, doc.length, LIMITS, "doc");
        } catch (JoseException e) {
            jackson = e;
        }
        String shown = new String(doc, StandardCharsets.UTF_8) + " [" + HexFormat.of().formatHex(doc) + "]";
        if (mine instanceof JoseException) {
            if (jackson instanceof Map && jacksonGuessesAnotherEncoding(doc)) {
                return;
            }
            assertThat(jackson).as("jackson should refuse what Hallmark refuses (%s): %s", ((JoseException) mine)
                    .getMessage(), shown).isInstanceOf(JoseException.class);
        } else {
            assertThat(jackson).as("jackson should accept: %s", shown).isNotInstanceOf(JoseException.class);
            assertThat(mine).as(shown).isEqualTo(jackson);
        }
    }

    /**
     * The retaining parse (strings made on first read) decides exactly as the eager one: the same refusal message,
     * or equal members read in both directions, by {@code get} and by iteration.
     */
    private static void compareRetained(byte[] doc, Object eager) {
        Object retained;
        try {
            retained = StrictJson.parseRetained(doc.clone(), LIMITS, "doc");
        } catch (JoseException e) {
            assertThat(eager).as("eager parse should refuse too").isInstanceOf(JoseException.class);
            assertThat(e.getMessage()).isEqualTo(((JoseException) eager).getMessage());
            return;
        }
        assertThat(eager).as("eager parse should accept too").isInstanceOf(Map.class);
        Map<?, ?> lazy = (Map<?, ?>) retained;
        Map<?, ?> made = (Map<?, ?>) eager;
        for (Map.Entry<?, ?> e : made.entrySet()) {
            assertThat(lazy.get(e.getKey())).isEqualTo(e.getValue());
        }
        assertThat(List.copyOf(((Map<?, ?>) StrictJson.parseRetained(doc.clone(), LIMITS, "doc")).entrySet()))
                .isEqualTo(List.copyOf(made.entrySet()));
        assertThat(lazy).isEqualTo(made).hasSameHashCodeAs(made);
    }

    /** A byte-order mark, or a zero byte among the first four (jackson's UTF-16/32 detection). */
    private static boolean jacksonGuessesAnotherEncoding(byte[] doc) {
        if (doc.length >= 3 && (doc[0] & 0xff) == 0xef && (doc[1] & 0xff) == 0xbb && (doc[2] & 0xff) == 0xbf) {
            return true;
        }
        for (int k = 0; k < Math.min(4, doc.length); k++) {
            if (doc[k] == 0) {
                return true;
            }
        }
        return false;
    }

    private static String object(Random r, int depth) {
        StringBuilder sb = new StringBuilder("{");
        int n = r.nextInt(depth == 0 ? 8 : 4);
        for (int k = 0; k < n; k++) {
            if (k > 0) {
                sb.append(',');
            }
            sb.append(ws(r)).append(string(r)).append(ws(r)).append(':').append(ws(r)).append(value(r, depth + 1))
                    .append(ws(r));
        }
        return sb.append('}').toString();
    }

    private static String value(Random r, int depth) {
        int pick = r.nextInt(depth > 5 ? 7 : 9);
        return switch (pick) {
            case 0, 1 -> string(r);
            case 2 -> Long.toString(r.nextLong() >> r.nextInt(64));
            case 3 -> number(r);
            case 4 -> "true";
            case 5 -> "false";
            case 6 -> "null";
            case 7 -> object(r, depth);
            default -> array(r, depth);
        };
    }

    private static String array(Random r, int depth) {
        List<String> items = new ArrayList<>();
        for (int k = r.nextInt(4); k > 0; k--) {
            items.add(value(r, depth + 1));
        }
        return "[" + ws(r) + String.join("," + ws(r), items) + "]";
    }

    private static String number(Random r) {
        StringBuilder sb = new StringBuilder();
        if (r.nextBoolean()) {
            sb.append('-');
        }
        sb.append(r.nextInt(3) == 0 ? "0" : Long.toString(1 + (r.nextLong() >>> 1) % 100_000_000_000L)
                + "0".repeat(r.nextInt(3) == 0 ? r.nextInt(15) : 0));
        if (r.nextBoolean()) {
            sb.append('.').append(r.nextInt(1_000_000));
        }
        if (r.nextInt(3) == 0) {
            sb.append(r.nextBoolean() ? 'e' : 'E').append(new String[] {"", "+", "-"}[r.nextInt(3)])
                    .append(r.nextInt(400));
        }
        return sb.toString();
    }

    private static String string(Random r) {
        StringBuilder sb = new StringBuilder("\"");
        for (int k = r.nextInt(10); k > 0; k--) {
            switch (r.nextInt(12)) {
                case 0 -> sb.append("\\").append("\"\\/bfnrt".charAt(r.nextInt(8)));
                case 1 -> sb.append(String.format("\\u%04x", r.nextInt(0x10000)));
                case 2 -> sb.append("\\ud83d\\ude00");
                case 3 -> sb.append("\u00e9\u20ac\ud83d\ude00".charAt(r.nextInt(2)));
                case 4 -> sb.append("\ud83d\ude00");
                default -> sb.append((char) (0x20 + r.nextInt(0x5f)) == '"' ? 'q'
                        : (char) (0x20 + r.nextInt(0x5f)) == '\\' ? 's' : (char) ('a' + r.nextInt(26)));
            }
        }
        return sb.append('"').toString();
    }

    private static String ws(Random r) {
        return r.nextInt(4) == 0 ? new String[] {" ", "\n", "\t", "\r\n "}[r.nextInt(4)] : "";
    }

    private static byte[] mutate(Random r, byte[] doc) {
        byte[] out = doc.clone();
        if (out.length == 0) {
            return SPLICES[r.nextInt(SPLICES.length)].getBytes(StandardCharsets.UTF_8);
        }
        int at = r.nextInt(out.length);
        switch (r.nextInt(5)) {
            case 0 -> out[at] = (byte) r.nextInt(256);
            case 1 -> out[at] ^= (byte) (1 << r.nextInt(8));
            case 2 -> out = java.util.Arrays.copyOf(out, at);
            case 3 -> {
                // delete one to three bytes
                int cut = Math.min(out.length, at + 1 + r.nextInt(3));
                byte[] shorter = new byte[out.length - (cut - at)];
                System.arraycopy(out, 0, shorter, 0, at);
                System.arraycopy(out, cut, shorter, at, out.length - cut);
                out = shorter;
            }
            default -> {
                byte[] splice = SPLICES[r.nextInt(SPLICES.length)].getBytes(StandardCharsets.UTF_8);
                byte[] joined = new byte[out.length + splice.length];
                System.arraycopy(out, 0, joined, 0, at);
                System.arraycopy(splice, 0, joined, at, splice.length);
                System.arraycopy(out, at, joined, at + splice.length, out.length - at);
                out = joined;
            }
        }
        return out;
    }

    private static byte[] concat(String prefix, byte[] middle, String suffix) {
        byte[] p = prefix.getBytes(StandardCharsets.ISO_8859_1);
        byte[] s = suffix.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[p.length + middle.length + s.length];
        System.arraycopy(p, 0, out, 0, p.length);
        System.arraycopy(middle, 0, out, p.length, middle.length);
        System.arraycopy(s, 0, out, p.length + middle.length, s.length);
        return out;
    }
}
