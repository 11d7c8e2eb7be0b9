package dev.hallmark.server.config;

import dev.hallmark.server.config.ConfigResolver.Setting;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Builds the {@link ServerConfig} from, in increasing precedence: defaults, one YAML (or JSON) file, environment
 * variables and flags. Each key can be set in every source: in the file as nested YAML ({@code server:} then
 * {@code port: 8080}), in the environment as {@code HALLMARK_} plus the key in upper case with dots and dashes as
 * underscores ({@code HALLMARK_SERVER_PORT}), and as a flag by its dotted name ({@code server.port}).
 *
 * <pre>{@code
 * ServerConfig config = ConfigLoader.load(
 *         Optional.of(Path.of("hallmark.yaml")),
 *         System.getenv(),
 *         Map.of("server.port", "9090"));
 *
 * // in tests: no file, no environment, a free port and a temporary directory
 * ServerConfig test = ConfigLoader.load(Optional.empty(), Map.of(),
 *         Map.of("server.port", "0", "data-dir", dir.toString()));
 * }</pre>
 *
 * <p>Validation reports every problem at once, in a {@link ConfigException}: unknown keys in any source (a typo must
 * not silently fall back to a default), values of the wrong type, values out of range, and rules between keys. An
 * environment variable that starts with {@code HALLMARK_} but names no key is a problem too, except
 * {@value #LAUNCHER_JAVA_VARIABLE}, which the launcher script reads, and {@code HALLMARK_TEST_*}, which test
 * scripts set. Messages name the key and its source and never
 * contain a secret.
 */
public final class ConfigLoader {

    /** Read by the {@code hallmark} launcher script, not by the server. */
    public static final String LAUNCHER_JAVA_VARIABLE = "HALLMARK_JAVA";

    private static final Set<String> NOT_CONFIGURATION = Set.of(LAUNCHER_JAVA_VARIABLE);

    /** Variables the project's own test scripts set (e.g. the PostgreSQL URL in CI); never configuration. */
    public static final String TEST_VARIABLE_PREFIX = "HALLMARK_TEST_";

    private ConfigLoader() {
    }

    /**
     * The validated configuration.
     *
     * @param file the configuration file, if any; it must exist when given
     * @param environment the process environment (usually {@code System.getenv()}); only {@code HALLMARK_*}
     *        variables are read
     * @param flags dotted keys to values, from the command line
     * @throws ConfigException listing every problem, when there is at least one
     */
    public static ServerConfig load(Optional<Path> file, Map<String, String> environment, Map<String, String> flags) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(flags, "flags");
        List<String> problems = new ArrayList<>();
        Map<ConfigKey, Setting> settings = new EnumMap<>(ConfigKey.class);

        file.ifPresent(path -> YamlFile.read(path, problems)
                .forEach((key, value) -> settings.put(key, new Setting(value, false, "file " + path))));

        // Sorted, so problems come out in the same order on every run.
        new TreeMap<>(environment).forEach((name, value) -> {
            if (name == null || !name.startsWith(ConfigKey.ENV_PREFIX) || NOT_CONFIGURATION.contains(name)
                    || name.startsWith(TEST_VARIABLE_PREFIX)) {
                return;
            }
            Optional<ConfigKey> key = ConfigKey.byEnvName(name);
            if (key.isEmpty()) {
                problems.add("environment variable " + name + " is not a Hallmark setting"
                        + ConfigKey.suggest(name, ConfigKey.envNames()).map(s -> "; did you mean " + s + "?")
                                .orElse("") + " (unset it, or see docs/server.md for the names)");
                return;
            }
            settings.put(key.get(), new Setting(Objects.requireNonNull(value, name), true, "env " + name));
        });

        new TreeMap<>(flags).forEach((name, value) -> {
            Optional<ConfigKey> key = ConfigKey.byName(name);
            if (key.isEmpty()) {
                problems.add("unknown flag " + Texts.show(name)
                        + ConfigKey.suggest(name, ConfigKey.names()).map(s -> "; did you mean '" + s + "'?")
                                .orElse(""));
                return;
            }
            settings.put(key.get(), new Setting(Objects.requireNonNull(value, name), true, "flag"));
        });

        ServerConfig config = new ConfigResolver(settings, problems).resolve();
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return config;
    }
}
