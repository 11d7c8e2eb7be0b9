package dev.hallmark.vectors;

import dev.hallmark.Limits;
import dev.hallmark.internal.json.JsonWriter;
import dev.hallmark.internal.json.StrictJson;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Loads Project Wycheproof vector files (v1 layout, see {@code vectors/wycheproof/README.md}) from the test class
 * path. The files are read with the library's own strict JSON reader under limits big enough for whole vector
 * files; the vectors are plain JSON without duplicate members, so strictness costs nothing here.
 */
public final class Wycheproof {

    private static final String ROOT = "/vectors/wycheproof/testvectors_v1/";

    /** Vector files hold up to a few thousand cases, each a handful of values: far above the token defaults. */
    private static final Limits FILE_LIMITS = Limits.builder().maxJsonValues(10_000_000).maxJsonDepth(64).build();

    private Wycheproof() {
    }

    /** All cases of {@code testvectors_v1/<name>_test.json}, in file order. */
    public static List<Case> cases(String name) {
        String file = name + "_test.json";
        Map<String, Object> doc = StrictJson.parseObject(read(ROOT + file), FILE_LIMITS, file);
        List<Case> out = new ArrayList<>();
        for (Object g : list(doc.get("testGroups"))) {
            Group group = new Group(file, map(g));
            for (Object t : list(group.json().get("tests"))) {
                out.add(new Case(group, map(t)));
            }
        }
        long declared = ((Number) doc.get("numberOfTests")).longValue();
        if (declared != out.size()) {
            throw new IllegalStateException(file + " declares " + declared + " tests but holds " + out.size());
        }
        return out;
    }

    public static Stream<Case> stream(String name) {
        return cases(name).stream();
    }

    /** The JSON text of a JWK (or JWK Set) object taken from a vector file. */
    public static String json(Map<String, Object> object) {
        return JsonWriter.writeString(object);
    }

    /** One test group: its parameters and keys. */
    public record Group(String file, Map<String, Object> json) {

        public boolean has(String member) {
            return json.containsKey(member);
        }

        public String string(String member) {
            return (String) require(member);
        }

        public long number(String member) {
            return ((Number) require(member)).longValue();
        }

        public Map<String, Object> object(String member) {
            return map(require(member));
        }

        public byte[] hex(String member) {
            return HexFormat.of().parseHex(string(member));
        }

        private Object require(String member) {
            if (!json.containsKey(member)) {
                throw new IllegalStateException(file + ": group has no \"" + member + "\"");
            }
            return json.get(member);
        }
    }

    /** One test case; {@link #toString()} names it after its file, tcId and comment. */
    public record Case(Group group, Map<String, Object> json) {

        public int tcId() {
            return ((Number) json.get("tcId")).intValue();
        }

        public String comment() {
            return (String) json.get("comment");
        }

        public String result() {
            return (String) json.get("result");
        }

        public boolean isValid() {
            return "valid".equals(result());
        }

        public boolean isInvalid() {
            return "invalid".equals(result());
        }

        public boolean isAcceptable() {
            return "acceptable".equals(result());
        }

        public List<String> flags() {
            List<String> flags = new ArrayList<>();
            for (Object f : list(json.getOrDefault("flags", List.of()))) {
                flags.add((String) f);
            }
            return flags;
        }

        public boolean has(String member) {
            return json.containsKey(member);
        }

        public Object value(String member) {
            if (!json.containsKey(member)) {
                throw new IllegalStateException(this + ": case has no \"" + member + "\"");
            }
            return json.get(member);
        }

        public String string(String member) {
            return (String) value(member);
        }

        public byte[] hex(String member) {
            return HexFormat.of().parseHex(string(member));
        }

        @Override
        public String toString() {
            String file = group.file().replace("_test.json", "");
            return file + " tcId " + tcId() + " [" + result() + "] " + comment()
                    + (flags().isEmpty() ? "" : " " + flags());
        }
    }

    private static byte[] read(String resource) {
        try (InputStream in = Wycheproof.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    static List<Object> list(Object o) {
        @SuppressWarnings("unchecked")
        List<Object> l = (List<Object>) o;
        return l;
    }
}
