package dev.hallmark.server.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every configuration key, in the order {@code --print-config} shows them. The only list of names there is. */
enum ConfigKey {
    ISSUER("issuer"),
    SERVER_HOST("server.host"),
    SERVER_PORT("server.port"),
    SERVER_MAX_BODY_BYTES("server.max-body-bytes"),
    DATA_DIR("data-dir"),
    STORE_URL("store.url"),
    TOKENS_ACCESS_LIFETIME("tokens.access-lifetime"),
    TOKENS_REFRESH_LIFETIME("tokens.refresh-lifetime"),
    TOKENS_REFRESH_GRACE("tokens.refresh-grace"),
    TOKENS_AUDIENCE("tokens.audience"),
    TOKENS_INCLUDE_ROLES("tokens.include-roles"),
    KEYS_ALGORITHM("keys.algorithm"),
    KEYS_ROTATION_INTERVAL("keys.rotation-interval"),
    KEYS_PUBLISH_AHEAD("keys.publish-ahead"),
    JWKS_MAX_AGE("jwks.max-age"),
    MASTER_KEY("master-key"),
    LOGIN_MAX_FAILURES_PER_ACCOUNT("login.max-failures-per-account"),
    LOGIN_MAX_FAILURES_PER_IP("login.max-failures-per-ip"),
    LOGIN_LOCKOUT("login.lockout"),
    COOKIES_SECURE("cookies.secure"),
    DEMO("demo");

    /** Prefix of every environment variable that sets a key. */
    static final String ENV_PREFIX = "HALLMARK_";

    private static final Map<String, ConfigKey> BY_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(ConfigKey::key, Function.identity()));
    private static final Map<String, ConfigKey> BY_ENV =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(ConfigKey::envName, Function.identity()));

    /** The YAML sections: first segments of dotted keys. */
    static final Set<String> SECTIONS = Arrays.stream(values())
            .map(ConfigKey::key)
            .filter(k -> k.contains("."))
            .map(k -> k.substring(0, k.indexOf('.')))
            .collect(Collectors.toUnmodifiableSet());

    private final String key;
    private final String envName;

    ConfigKey(String key) {
        this.key = key;
        this.envName = ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** The dotted key, as in flags and error messages: {@code server.port}. */
    String key() {
        return key;
    }

    /** The environment variable: {@code HALLMARK_SERVER_PORT}. */
    String envName() {
        return envName;
    }

    static Optional<ConfigKey> byName(String key) {
        return Optional.ofNullable(BY_NAME.get(key));
    }

    static Optional<ConfigKey> byEnvName(String name) {
        return Optional.ofNullable(BY_ENV.get(name));
    }

    /** The closest known name to a misspelt one, if it is close enough to be a typo. */
    static Optional<String> suggest(String unknown, List<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int d = distance(unknown, candidate);
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        int allowed = Math.max(2, unknown.length() / 5);
        return bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    static List<String> names() {
        return Arrays.stream(values()).map(ConfigKey::key).toList();
    }

    static List<String> envNames() {
        return Arrays.stream(values()).map(ConfigKey::envName).toList();
    }

    /** Levenshtein distance, bounded input (keys are short). */
    private static int distance(String a, String b) {
        if (a.length() > 200 || b.length() > 200) {
            return Integer.MAX_VALUE;
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
