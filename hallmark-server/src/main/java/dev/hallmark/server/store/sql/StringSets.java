package dev.hallmark.server.store.sql;

import dev.hallmark.server.store.StoreException;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Sets of strings (scopes, audiences, roles) in one TEXT column, as a JSON array of strings sorted by code point:
 * unambiguous for any element (roles or audiences may contain spaces), readable in a SQL shell, and equal sets
 * always give equal text. Only this subset of JSON is read back; anything else is a corrupt row
 * ({@link StoreException}).
 */
final class StringSets {

    private StringSets() {
    }

    static String encode(Set<String> set) {
        StringBuilder out = new StringBuilder("[");
        for (String element : new TreeSet<>(set)) {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append('"');
            for (int i = 0; i < element.length(); i++) {
                char c = element.charAt(i);
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            out.append('"');
        }
        return out.append(']').toString();
    }

    static Set<String> decode(String text) {
        if (text == null || text.length() < 2 || text.charAt(0) != '[' || text.charAt(text.length() - 1) != ']') {
            throw corrupt(text);
        }
        Set<String> out = new LinkedHashSet<>();
        int i = 1;
        int end = text.length() - 1;
        while (i < end) {
            if (!out.isEmpty()) {
                if (text.charAt(i) != ',') {
                    throw corrupt(text);
                }
                i++;
            }
            if (i >= end || text.charAt(i) != '"') {
                throw corrupt(text);
            }
            i++;
            StringBuilder element = new StringBuilder();
            while (true) {
                if (i >= end) {
                    throw corrupt(text);
                }
                char c = text.charAt(i++);
                if (c == '"') {
                    break;
                }
                if (c != '\\') {
                    element.append(c);
                    continue;
                }
                if (i >= end) {
                    throw corrupt(text);
                }
                char escaped = text.charAt(i++);
                switch (escaped) {
                    case '"' -> element.append('"');
                    case '\\' -> element.append('\\');
                    case '/' -> element.append('/');
                    case 'n' -> element.append('\n');
                    case 'r' -> element.append('\r');
                    case 't' -> element.append('\t');
                    case 'b' -> element.append('\b');
                    case 'f' -> element.append('\f');
                    case 'u' -> {
                        if (i + 4 > end) {
                            throw corrupt(text);
                        }
                        try {
                            element.append((char) Integer.parseInt(text.substring(i, i + 4), 16));
                        } catch (NumberFormatException e) {
                            throw corrupt(text);
                        }
                        i += 4;
                    }
                    default -> throw corrupt(text);
                }
            }
            if (!out.add(element.toString())) {
                throw corrupt(text);
            }
        }
        return Collections.unmodifiableSet(out);
    }

    private static StoreException corrupt(String text) {
        return new StoreException("stored set is not a JSON array of distinct strings: "
                + (text == null ? "null" : text.length() > 80 ? text.substring(0, 80) + "..." : text));
    }
}
