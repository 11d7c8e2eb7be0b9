package dev.hallmark.internal.json;

import dev.hallmark.Limits;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Reads one JSON object strictly; see the package documentation for the rules. Thread-safe. */
public final class StrictJson {

    private StrictJson() {
    }

    /** Parses a JSON object from UTF-8 bytes. {@code what} names the document in error messages. */
    public static Map<String, Object> parseObject(byte[] utf8, int off, int len, Limits limits, String what) {
        return JsonObjectParser.parse(utf8, off, len, limits, what);
    }

    /**
     * {@link #parseObject(byte[], Limits, String)} for a document the caller hands over: {@code utf8} must never
     * change afterwards, because the result may keep its plain strings there and make them on first read. Every
     * byte is validated now all the same: a document that parses here parses the same way with the other methods.
     */
    public static Map<String, Object> parseRetained(byte[] utf8, Limits limits, String what) {
        return JsonObjectParser.parse(utf8, 0, utf8.length, limits, what, true);
    }

    /** Whether {@code name} is absent from {@code object} or a string there; a deferred string stays unmade. */
    public static boolean absentOrString(Map<String, Object> object, String name) {
        if (object instanceof JsonObject parsed) {
            return parsed.absentOrString(name);
        }
        Object v = object.get(name);
        return v == null ? !object.containsKey(name) : v instanceof String;
    }

    public static Map<String, Object> parseObject(byte[] utf8, Limits limits, String what) {
        return parseObject(utf8, 0, utf8.length, limits, what);
    }

    public static Map<String, Object> parseObject(String json, Limits limits, String what) {
        return parseObject(json.getBytes(StandardCharsets.UTF_8), limits, what);
    }

    /** True for the exact Java types the parser produces for JSON numbers. */
    public static boolean isNumber(Object v) {
        return v instanceof Long || v instanceof BigInteger || v instanceof BigDecimal;
    }
}
