package dev.hallmark.cli.support;

import java.util.Map;

/** {@code NAME=VALUE} claims and {@code --claims JSON|@FILE} objects as typed on the command line. */
public final class ClaimArguments {

    private ClaimArguments() {
    }

    /** The name and value of {@code NAME=VALUE}: the value as JSON when it parses as JSON, else as a string. */
    public static Map.Entry<String, Object> parseClaim(String arg) {
        int eq = arg.indexOf('=');
        if (eq <= 0) {
            throw new UsageException("--claim " + arg + ": expected NAME=VALUE");
        }
        String name = arg.substring(0, eq);
        String raw = arg.substring(eq + 1);
        Object value;
        try {
            value = JsonText.parse(raw);
        } catch (IllegalArgumentException e) {
            value = raw;
        }
        return new java.util.AbstractMap.SimpleImmutableEntry<>(name, value);
    }

    /** The JSON object of {@code --claims}, given inline or as {@code @FILE}. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parseObject(String arg, CliContext ctx) {
        String text = Inputs.textArgument(arg, ctx, "--claims");
        Object parsed;
        try {
            parsed = JsonText.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--claims: not valid JSON: " + e.getMessage());
        }
        if (!(parsed instanceof Map)) {
            throw new UsageException("--claims: expected a JSON object");
        }
        return (Map<String, Object>) parsed;
    }
}
