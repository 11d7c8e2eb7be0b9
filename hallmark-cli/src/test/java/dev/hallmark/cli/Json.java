package dev.hallmark.cli;

import dev.hallmark.cli.support.JsonText;

import java.util.Map;

/** Reads what a command printed as JSON, for assertions on members. */
final class Json {

    private Json() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(String json) {
        Object parsed = JsonText.parse(json);
        if (!(parsed instanceof Map)) {
            throw new AssertionError("not a JSON object: " + json);
        }
        return (Map<String, Object>) parsed;
    }
}
