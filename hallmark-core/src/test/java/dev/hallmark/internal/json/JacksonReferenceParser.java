package dev.hallmark.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.hallmark.JoseException;
import dev.hallmark.Limits;
import dev.hallmark.Reason;
import dev.hallmark.internal.codec.Printable;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A document read by jackson-core's streaming parser under Hallmark's rules (UTF-8 validated, duplicates refused,
 * the same limits): the reference the hand-written {@code JsonObjectParser} is held to by
 * {@code JsonParserDifferentialTest}. Test code only; jackson-core is a test dependency of hallmark-core.
 */
final class JacksonReferenceParser {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(1000)
                    .maxNumberLength(1000)
                    .build())
            .build();

    private JacksonReferenceParser() {
    }

    /** {@code what} names the document in error messages, as in {@link StrictJson}. */
    static Map<String, Object> parse(byte[] utf8, int off, int len, Limits limits, String what) {
        if (!Utf8.isValid(utf8, off, len)) {
            throw new JoseException(Reason.MALFORMED, what + " is not valid UTF-8 (RFC 8725 §3.7)");
        }
        try (JsonParser p = FACTORY.createParser(utf8, off, len)) {
            Reader r = new Reader(p, limits, what);
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw r.malformed("must be a JSON object");
            }
            Map<String, Object> result = r.readObject(1);
            if (p.nextToken() != null) {
                throw r.malformed("has content after the JSON object");
            }
            return result;
        } catch (StreamConstraintsException e) {
            throw new JoseException(Reason.MALFORMED, what + " exceeds JSON limits: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new JoseException(Reason.MALFORMED, what + " is not valid JSON" + location(e));
        } catch (NumberFormatException | ArithmeticException e) {
            throw new JoseException(Reason.MALFORMED, what + " has a number out of range");
        }
    }

    private static String location(IOException e) {
        if (e instanceof JsonProcessingException j && j.getLocation() != null) {
            JsonLocation at = j.getLocation();
            return " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
        }
        return "";
    }

    private static final class Reader {
        private final JsonParser p;
        private final int maxDepth;
        private final int maxValues;
        private final String what;
        private int values;

        Reader(JsonParser p, Limits limits, String what) {
            this.p = p;
            this.maxDepth = limits.maxJsonDepth();
            this.maxValues = limits.maxJsonValues();
            this.what = what;
        }

        Map<String, Object> readObject(int depth) throws IOException {
            if (depth > maxDepth) {
                throw malformed("nests deeper than " + maxDepth + " levels");
            }
            Map<String, Object> map = new LinkedHashMap<>();
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = wellFormed(p.currentName());
                if (map.containsKey(name)) {
                    throw malformed("has the member \"" + Printable.of(name) + "\" more than once (RFC 7515 §5.2, RFC 7519 §4)");
                }
                map.put(name, readValue(p.nextToken(), depth));
            }
            if (t != JsonToken.END_OBJECT) {
                throw malformed("has an unterminated object");
            }
            return Collections.unmodifiableMap(map);
        }

        private List<Object> readArray(int depth) throws IOException {
            if (depth > maxDepth) {
                throw malformed("nests deeper than " + maxDepth + " levels");
            }
            List<Object> list = new ArrayList<>();
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (t == null) {
                    throw malformed("has an unterminated array");
                }
                list.add(readValue(t, depth));
            }
            return Collections.unmodifiableList(list);
        }

        private Object readValue(JsonToken t, int depth) throws IOException {
            if (++values > maxValues) {
                throw malformed("has more than " + maxValues + " values");
            }
            if (t == null) {
                throw malformed("ends unexpectedly");
            }
            switch (t) {
                case START_OBJECT:
                    return readObject(depth + 1);
                case START_ARRAY:
                    return readArray(depth + 1);
                case VALUE_STRING:
                    return wellFormed(p.getText());
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
                    throw malformed("has an unexpected token " + t);
            }
        }

        /**
         * A string whose {@code \\u} escapes pair up: a lone surrogate names no character (RFC 8259 §8.2, RFC 7493
         * §2.1) and would be read differently by different parsers.
         */
        private String wellFormed(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else if (Character.isSurrogate(c)) {
                    throw malformed("has a string with an unpaired surrogate escape (RFC 7493 §2.1)");
                }
            }
            return text;
        }

        JoseException malformed(String why) {
            return new JoseException(Reason.MALFORMED, what + " " + why);
        }
    }
}
