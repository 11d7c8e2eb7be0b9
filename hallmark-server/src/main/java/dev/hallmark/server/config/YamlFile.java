package dev.hallmark.server.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.schema.JsonSchema;

/**
 * Reads one configuration file (YAML, or JSON which is YAML) into raw values per key. Parsing builds only maps,
 * lists and scalars (snakeyaml-engine's {@code Load} with the JSON schema: no tags, no object construction), rejects
 * duplicate keys, and bounds size and aliases so a hostile file cannot exhaust memory.
 */
final class YamlFile {

    /** Largest configuration file read. */
    static final int MAX_BYTES = 1024 * 1024;

    /** Aliases to mappings or lists; a few are harmless, thousands are a "billion laughs" expansion. */
    static final int MAX_COLLECTION_ALIASES = 10;

    private YamlFile() {
    }

    /**
     * The values in {@code file}, by key; problems (unreadable, not YAML, unknown or misplaced keys) go to
     * {@code problems}, prefixed with the file name.
     */
    static Map<ConfigKey, Object> read(Path file, List<String> problems) {
        Map<ConfigKey, Object> values = new EnumMap<>(ConfigKey.class);
        String where = "config file " + file;
        Optional<String> text = readText(file, where, problems);
        if (text.isEmpty()) {
            return values;
        }
        Object document;
        try {
            document = new Load(settings(file)).loadFromString(text.get());
        } catch (MarkedYamlEngineException e) {
            problems.add(where + ": " + describe(e));
            return values;
        } catch (YamlEngineException e) {
            // Limits (aliases, size) explain themselves; a wrapped cause is a tagged value that failed to convert,
            // and its message would quote the value, which may be a secret.
            problems.add(where + ": " + (e.getCause() == null ? e.getMessage()
                    : "not valid YAML: a tagged value cannot be converted (" + e.getCause().getClass().getSimpleName()
                            + "); remove explicit tags such as !!int"));
            return values;
        } catch (RuntimeException e) {
            problems.add(where + ": not valid YAML (" + e.getClass().getSimpleName() + ")");
            return values;
        }
        if (document == null) {
            return values; // an empty file sets nothing
        }
        if (!(document instanceof Map<?, ?> root)) {
            problems.add(where + ": the top level must be a mapping of keys to values");
            return values;
        }
        flatten("", root, values, where, problems);
        return values;
    }

    private static LoadSettings settings(Path file) {
        return LoadSettings.builder()
                .setLabel(file.toString())
                .setSchema(new JsonSchema())
                .setAllowDuplicateKeys(false)
                .setAllowRecursiveKeys(false)
                .setMaxAliasesForCollections(MAX_COLLECTION_ALIASES)
                .setCodePointLimit(MAX_BYTES)
                .setUseMarks(true)
                .build();
    }

    private static Optional<String> readText(Path file, String where, List<String> problems) {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            // Read one byte past the cap rather than trusting the size the file had a moment ago.
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (NoSuchFileException e) {
            problems.add(where + ": no such file");
            return Optional.empty();
        } catch (AccessDeniedException e) {
            problems.add(where + ": permission denied");
            return Optional.empty();
        } catch (IOException e) {
            problems.add(where + ": cannot be read (" + e.getMessage() + ")");
            return Optional.empty();
        }
        if (bytes.length > MAX_BYTES) {
            problems.add(where + ": larger than " + MAX_BYTES + " bytes; a configuration file is much smaller");
            return Optional.empty();
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            problems.add(where + ": not UTF-8 text");
            return Optional.empty();
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return Optional.of(text);
    }

    /**
     * The problem and its position only: the parser's full message quotes the offending line, which may hold a
     * secret such as the master key.
     */
    private static String describe(MarkedYamlEngineException e) {
        StringBuilder sb = new StringBuilder();
        Optional<Mark> mark = e.getProblemMark();
        mark.ifPresent(m -> sb.append("line ").append(m.getLine() + 1).append(", column ").append(m.getColumn() + 1)
                .append(": "));
        String context = e.getContext();
        if (context != null && !context.isBlank()) {
            sb.append(context).append(", ");
        }
        String problem = e.getProblem();
        sb.append(problem == null || problem.isBlank() ? "not valid YAML" : problem);
        return sb.toString();
    }

    private static void flatten(String prefix, Map<?, ?> map, Map<ConfigKey, Object> values, String where,
                                List<String> problems) {
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String segment)) {
                problems.add(where + ": key " + Texts.show(String.valueOf(entry.getKey()))
                        + (prefix.isEmpty() ? "" : " in section '" + prefix + "'") + " is not a string");
                continue;
            }
            String name = prefix.isEmpty() ? segment : prefix + "." + segment;
            Object value = entry.getValue();
            if (segment.contains(".")) {
                problems.add(where + ": key " + Texts.show(name) + ": write sections as nested mappings, not dotted "
                        + "names (e.g. 'server:' then '  port: 8080')");
                continue;
            }
            if (prefix.isEmpty() && ConfigKey.SECTIONS.contains(segment)) {
                if (value == null) {
                    continue; // "server:" with nothing under it sets nothing
                }
                if (!(value instanceof Map<?, ?> section)) {
                    problems.add(where + ": '" + segment + "' must be a mapping of keys (like "
                            + exampleIn(segment) + "), got " + Texts.typeOf(value));
                    continue;
                }
                flatten(segment, section, values, where, problems);
                continue;
            }
            Optional<ConfigKey> key = ConfigKey.byName(name);
            if (key.isEmpty()) {
                problems.add(where + ": unknown key " + Texts.show(name) + suggestion(name));
                continue;
            }
            values.put(key.get(), value);
        }
    }

    private static String exampleIn(String section) {
        return ConfigKey.names().stream().filter(n -> n.startsWith(section + ".")).findFirst().orElse(section);
    }

    private static String suggestion(String name) {
        List<String> known = new ArrayList<>(ConfigKey.names());
        known.addAll(ConfigKey.SECTIONS);
        return ConfigKey.suggest(name, known).map(s -> "; did you mean '" + s + "'?").orElse("");
    }
}
