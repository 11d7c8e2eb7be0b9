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
