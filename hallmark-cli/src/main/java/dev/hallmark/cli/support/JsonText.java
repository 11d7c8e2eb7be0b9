package dev.hallmark.cli.support;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON as the command line reads it from users and writes it for people and scripts: compact or indented, with
 * ANSI colours for terminals. Tokens are never parsed here (hallmark-core does that strictly); this reads the
 * user's own {@code --claims} and {@code --claim} values and prints results.
 */
public final class JsonText {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private static final String KEY = "\u001b[34m";
    private static final String STRING = "\u001b[32m";
    private static final String LITERAL = "\u001b[33m";
    private static final String RESET = "\u001b[0m";

    private JsonText() {
    }

    /** Parses one JSON value; throws {@link IllegalArgumentException} with the parser's reason on bad input. */
    public static Object parse(String text) {
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new IllegalArgumentException("empty input");
            }
            Object v = read(p, t, 0);
            if (p.nextToken() != null) {
                throw new IllegalArgumentException("content after the JSON value");
            }
            return v;
        } catch (IOException e) {
            String m = e.getMessage() == null ? "invalid JSON" : e.getMessage().split("\n")[0];
            throw new IllegalArgumentException(m);
        }
    }

    private static Object read(JsonParser p, JsonToken t, int depth) throws IOException {
        if (depth > 64) {
            throw new IllegalArgumentException("JSON nested too deeply");
        }
        switch (t) {
            case START_OBJECT: {
                Map<String, Object> m = new LinkedHashMap<>();
                while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    m.put(name, read(p, p.nextToken(), depth + 1));
                }
                return m;
            }
            case START_ARRAY: {
                List<Object> l = new ArrayList<>();
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    l.add(read(p, t, depth + 1));
                }
                return l;
            }
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
                return switch (p.getNumberType()) {
                    case INT, LONG -> p.getLongValue();
                    default -> p.getBigIntegerValue();
                };
            case VALUE_NUMBER_FLOAT:
                return p.getDecimalValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new IllegalArgumentException("unexpected " + t);
        }
    }

    /** One line, no colours: for scripts. */
    public static String compact(Object value) {
        StringBuilder b = new StringBuilder();
        write(b, value, -1, 0, false);
        return b.toString();
    }

    /** Indented by two spaces, coloured when {@code colour}: for people. */
    public static String pretty(Object value, boolean colour) {
        StringBuilder b = new StringBuilder();
        write(b, value, 2, 0, colour);
        return b.toString();
    }

    private static void write(StringBuilder b, Object v, int indent, int level, boolean colour) {
        if (v instanceof Map<?, ?> m) {
            if (m.isEmpty()) {
                b.append("{}");
                return;
            }
            b.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!first) {
                    b.append(',');
                }
                first = false;
                newline(b, indent, level + 1);
                paint(b, quote(String.valueOf(e.getKey())), KEY, colour);
                b.append(indent < 0 ? ":" : ": ");
                write(b, e.getValue(), indent, level + 1, colour);
            }
            newline(b, indent, level);
            b.append('}');
        } else if (v instanceof Collection<?> c) {
            if (c.isEmpty()) {
                b.append("[]");
                return;
            }
            b.append('[');
            boolean first = true;
            for (Object o : c) {
                if (!first) {
                    b.append(',');
                }
                first = false;
                newline(b, indent, level + 1);
                write(b, o, indent, level + 1, colour);
            }
            newline(b, indent, level);
            b.append(']');
        } else if (v instanceof String s) {
            paint(b, quote(s), STRING, colour);
        } else if (v == null) {
            paint(b, "null", LITERAL, colour);
        } else if (v instanceof Number || v instanceof Boolean) {
            paint(b, v instanceof BigDecimal d ? d.toString() : v instanceof BigInteger i ? i.toString() : v.toString(),
                    LITERAL, colour);
        } else {
            paint(b, quote(v.toString()), STRING, colour);
        }
    }

    private static void newline(StringBuilder b, int indent, int level) {
        if (indent >= 0) {
            b.append('\n').append(" ".repeat(indent * level));
        }
    }

    private static void paint(StringBuilder b, String text, String colourCode, boolean colour) {
        if (colour) {
            b.append(colourCode).append(text).append(RESET);
        } else {
            b.append(text);
        }
    }

    /** A JSON string literal; control characters and non-ASCII line separators escaped. */
    public static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029') {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
