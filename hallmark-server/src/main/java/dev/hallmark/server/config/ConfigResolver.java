package dev.hallmark.server.config;

import dev.hallmark.jws.JwsAlgorithm;
import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns raw settings into a {@link ServerConfig}: converts each value to its type, applies defaults, checks ranges
 * and the rules between keys. Every problem is recorded and resolution goes on, so one run reports them all; the
 * result is only used when there were none.
 */
final class ConfigResolver {

    /** A raw value and where it came from; {@code text} when it came from the environment or a flag. */
    record Setting(Object value, boolean text, String origin) {
    }

    static final List<String> SIGNING_ALGORITHMS = List.of("ES256", "ES384", "ES512", "EdDSA", "RS256", "PS256");
    static final Duration MAX_ACCESS_LIFETIME = Duration.ofDays(1);
    static final int MIN_BODY_BYTES = 1024;
    static final int MAX_BODY_BYTES = 16 * 1024 * 1024;
    static final int MAX_FAILURE_LIMIT = 1_000_000;

    private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,19}");
    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]{0,252}[A-Za-z0-9])?");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private final Map<ConfigKey, Setting> settings;
    private final List<String> problems;

    ConfigResolver(Map<ConfigKey, Setting> settings, List<String> problems) {
        this.settings = settings;
        this.problems = problems;
    }

    /** The configuration, or null when a problem was recorded (the caller throws). */
    ServerConfig resolve() {
        int before = problems.size();

        String host = string(ConfigKey.SERVER_HOST, ServerConfig.DEFAULT_HOST);
        if (host != null && !HOST_NAME.matcher(host).matches()
                && !(host.indexOf(':') >= 0 && IPV6.matcher(host).matches())) {
            problem(ConfigKey.SERVER_HOST, "must be a host name or IP address (IPv6 without brackets), got "
                    + Texts.show(host));
            host = null;
        }
        Integer port = integer(ConfigKey.SERVER_PORT, 8080, 0, 65535);
        Integer maxBody = integer(ConfigKey.SERVER_MAX_BODY_BYTES, 65536, MIN_BODY_BYTES, MAX_BODY_BYTES);

        URI issuer = null;
        boolean issuerDerived = !settings.containsKey(ConfigKey.ISSUER);
        if (issuerDerived) {
            if (host != null && port != null) {
                issuer = ServerConfig.defaultIssuer(host, port);
            }
        } else {
            issuer = issuer(string(ConfigKey.ISSUER, null));
        }

        Path dataDir = path(ConfigKey.DATA_DIR, "./hallmark-data");
        String storeUrl = null;
        if (settings.containsKey(ConfigKey.STORE_URL)) {
            storeUrl = string(ConfigKey.STORE_URL, null);
            String wrong = storeUrl == null ? null : StoreUrls.problem(storeUrl);
            if (wrong != null) {
                problem(ConfigKey.STORE_URL, wrong + ", got " + Texts.show(StoreUrls.redact(storeUrl)));
                storeUrl = null;
            }
        } else if (dataDir != null) {
            storeUrl = "sqlite:" + dataDir.resolve("hallmark.db");
        }

        Duration access = positive(ConfigKey.TOKENS_ACCESS_LIFETIME, Duration.ofMinutes(15));
        if (access != null && access.compareTo(MAX_ACCESS_LIFETIME) > 0) {
            problem(ConfigKey.TOKENS_ACCESS_LIFETIME, "must be at most 1 day (access tokens cannot be recalled "
                    + "once issued; keep them short and use refresh tokens), got " + Durations.format(access));
            access = null;
        }
        Duration refresh = positive(ConfigKey.TOKENS_REFRESH_LIFETIME, Duration.ofDays(30));
        Duration grace = notNegative(ConfigKey.TOKENS_REFRESH_GRACE, Duration.ZERO);
        if (grace != null && refresh != null && grace.compareTo(refresh) >= 0) {
            problem(ConfigKey.TOKENS_REFRESH_GRACE, "must be shorter than tokens.refresh-lifetime ("
                    + Durations.format(refresh) + "), got " + Durations.format(grace));
        }
        boolean audienceDerived = !settings.containsKey(ConfigKey.TOKENS_AUDIENCE);
        String audience = audienceDerived ? (issuer == null ? null : issuer.toString())
                : string(ConfigKey.TOKENS_AUDIENCE, null);
        Boolean includeRoles = bool(ConfigKey.TOKENS_INCLUDE_ROLES, true);

        JwsAlgorithm algorithm = algorithm();
        Duration rotation = positive(ConfigKey.KEYS_ROTATION_INTERVAL, Duration.ofDays(30));
        Duration publishAhead = notNegative(ConfigKey.KEYS_PUBLISH_AHEAD, Duration.ofHours(1));
        Duration maxAge = notNegative(ConfigKey.JWKS_MAX_AGE, Duration.ofMinutes(10));
        if (publishAhead != null && maxAge != null && publishAhead.compareTo(maxAge) < 0) {
            problem(ConfigKey.KEYS_PUBLISH_AHEAD, "must be at least jwks.max-age (" + Durations.format(maxAge)
                    + ") so verifiers that cached the JWKS see a new key before it signs, got "
                    + Durations.format(publishAhead));
        }
        if (rotation != null && publishAhead != null && rotation.compareTo(publishAhead) <= 0) {
            problem(ConfigKey.KEYS_ROTATION_INTERVAL, "must be longer than keys.publish-ahead ("
                    + Durations.format(publishAhead) + "), got " + Durations.format(rotation));
        }

        Optional<String> masterKey = masterKey();

        Integer perAccount = integer(ConfigKey.LOGIN_MAX_FAILURES_PER_ACCOUNT, 5, 1, MAX_FAILURE_LIMIT);
        Integer perIp = integer(ConfigKey.LOGIN_MAX_FAILURES_PER_IP, 50, 1, MAX_FAILURE_LIMIT);
        Duration lockout = positive(ConfigKey.LOGIN_LOCKOUT, Duration.ofMinutes(15));
        Boolean secure = bool(ConfigKey.COOKIES_SECURE, true);
        Boolean demo = bool(ConfigKey.DEMO, false);

        if (problems.size() > before) {
            return null;
        }
        return new ServerConfig(issuer, issuerDerived, new ServerConfig.Server(host, port, maxBody), dataDir,
                new ServerConfig.Store(storeUrl),
                new ServerConfig.Tokens(access, refresh, grace, audience, includeRoles), audienceDerived,
                new ServerConfig.Keys(algorithm, rotation, publishAhead), new ServerConfig.Jwks(maxAge), masterKey,
                new ServerConfig.Login(perAccount, perIp, lockout), new ServerConfig.Cookies(secure), demo);
    }

    private URI issuer(String text) {
        if (text == null) {
            return null;
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            problem(ConfigKey.ISSUER, "is not a valid URL (" + e.getReason() + "): "
                    + Texts.show(StoreUrls.redact(text)));
            return null;
        }
        String wrong = null;
        if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
            wrong = "must be an http or https URL (RFC 8414 §2; https in production)";
        } else if (uri.isOpaque() || uri.getHost() == null) {
            wrong = "must name a host, like https://auth.example.com";
        } else if (uri.getRawUserInfo() != null) {
            wrong = "must not contain user information";
        } else if (uri.getRawQuery() != null) {
            wrong = "must not have a query component (RFC 8414 §2)";
        } else if (uri.getRawFragment() != null) {
            wrong = "must not have a fragment component (RFC 8414 §2)";
        } else if (uri.getRawPath().endsWith("/")) {
            wrong = "must not end with '/': the issuer is compared as an exact string and paths are appended to it";
        }
        if (wrong != null) {
            problem(ConfigKey.ISSUER, wrong + ", got " + Texts.show(StoreUrls.redact(text)));
            return null;
        }
        return uri;
    }

    private JwsAlgorithm algorithm() {
        String name = string(ConfigKey.KEYS_ALGORITHM, "ES256");
        if (name == null) {
            return null;
        }
        if (!SIGNING_ALGORITHMS.contains(name)) {
            problem(ConfigKey.KEYS_ALGORITHM, "must be one of " + String.join(", ", SIGNING_ALGORITHMS)
                    + " (case-sensitive), got " + Texts.show(name));
            return null;
        }
        return JwsAlgorithm.fromName(name).orElseThrow();
    }

    private Optional<String> masterKey() {
        Setting setting = settings.get(ConfigKey.MASTER_KEY);
        if (setting == null) {
            return Optional.empty();
        }
        // Nothing about the value itself is ever echoed: not even a prefix of a secret belongs in a log.
        if (!(setting.value() instanceof String value)) {
            problem(ConfigKey.MASTER_KEY, "must be a string (base64url of 32 bytes)");
            return Optional.empty();
        }
        String wrong = null;
        if (value.isEmpty()) {
            wrong = "is empty";
        } else if (value.indexOf('+') >= 0 || value.indexOf('/') >= 0) {
            wrong = "uses '+' or '/': it must be base64url (RFC 4648 §5, '-' and '_'), not standard base64";
        } else if (value.indexOf('=') >= 0) {
            wrong = "has '=' padding: write base64url without padding (43 characters for 32 bytes)";
        } else if (!value.chars().allMatch(ConfigResolver::isBase64UrlChar) || value.length() % 4 == 1) {
            wrong = "is not valid base64url (RFC 4648 §5)";
        } else {
            byte[] bytes = Base64.getUrlDecoder().decode(value);
            if (!Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).equals(value)) {
                wrong = "is not canonical base64url (its last character has stray low bits)";
            } else if (bytes.length != 32) {
                wrong = "decodes to " + bytes.length + " bytes; it must be exactly 32";
            }
            Arrays.fill(bytes, (byte) 0);
        }
        if (wrong != null) {
            problem(ConfigKey.MASTER_KEY, wrong + " (generate one with: head -c 32 /dev/urandom | base64 | "
                    + "tr '+/' '-_' | tr -d '=')");
            return Optional.empty();
        }
        return Optional.of(value);
    }

    private static boolean isBase64UrlChar(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }

    /** A non-empty string; null after recording a problem. {@code fallback} when unset. */
    private String string(ConfigKey key, String fallback) {
        Setting setting = settings.get(key);
        if (setting == null) {
            return fallback;
        }
        if (!(setting.value() instanceof String value)) {
            problem(key, "must be a string, got " + Texts.typeOf(setting.value()));
            return null;
        }
        if (value.isBlank()) {
            problem(key, "is empty; remove it to use the default");
            return null;
        }
        return value;
    }

    private Path path(ConfigKey key, String fallback) {
        String text = string(key, fallback);
        if (text == null) {
            return null;
        }
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            problem(key, "is not a valid path (" + e.getReason() + "): " + Texts.show(text));
            return null;
        }
    }

    private Integer integer(ConfigKey key, int fallback, int min, int max) {
        Setting setting = settings.get(key);
        if (setting == null) {
            return fallback;
        }
        BigInteger value = null;
        Object raw = setting.value();
        if (setting.text() && raw instanceof String s && INTEGER.matcher(s.strip()).matches()) {
            value = new BigInteger(s.strip());
        } else if (raw instanceof Integer || raw instanceof Long) {
            value = BigInteger.valueOf(((Number) raw).longValue());
        } else if (raw instanceof BigInteger b) {
            value = b;
        }
        if (value == null) {
            problem(key, "must be a whole number from " + min + " to " + max + ", got " + shown(setting));
            return null;
        }
        if (value.compareTo(BigInteger.valueOf(min)) < 0 || value.compareTo(BigInteger.valueOf(max)) > 0) {
            problem(key, "must be from " + min + " to " + max + ", got " + value);
            return null;
        }
        return value.intValueExact();
    }

    private Boolean bool(ConfigKey key, boolean fallback) {
        Setting setting = settings.get(key);
        if (setting == null) {
            return fallback;
        }
        Object raw = setting.value();
        if (raw instanceof Boolean b) {
            return b;
        }
        if (setting.text() && raw instanceof String s && (s.strip().equals("true") || s.strip().equals("false"))) {
            return Boolean.valueOf(s.strip());
        }
        problem(key, "must be true or false, got " + shown(setting));
        return null;
    }

    private Duration duration(ConfigKey key, Duration fallback) {
        Setting setting = settings.get(key);
        if (setting == null) {
            return fallback;
        }
        Object raw = setting.value();
        Optional<Duration> parsed = Optional.empty();
        if (raw instanceof String s) {
            parsed = Durations.parse(s.strip());
        } else if (raw instanceof Integer i && i == 0) {
            parsed = Optional.of(Duration.ZERO);
        }
        if (parsed.isEmpty()) {
            String hint = raw instanceof Number ? " (a number needs a unit: s, m, h or d)" : "";
            problem(key, "must be " + Durations.EXPECTED + ", got " + shown(setting) + hint);
            return null;
        }
        return parsed.get();
    }

    private Duration positive(ConfigKey key, Duration fallback) {
        Duration d = duration(key, fallback);
        if (d != null && (d.isNegative() || d.isZero())) {
            problem(key, "must be longer than zero, got " + Durations.format(d));
            return null;
        }
        return d;
    }

    private Duration notNegative(ConfigKey key, Duration fallback) {
        Duration d = duration(key, fallback);
        if (d != null && d.isNegative()) {
            problem(key, "must not be negative, got " + Durations.format(d));
            return null;
        }
        return d;
    }

    private String shown(Setting setting) {
        return setting.text() && setting.value() instanceof String s ? Texts.show(s) : Texts.typeOf(setting.value());
    }

    private void problem(ConfigKey key, String text) {
        Setting setting = settings.get(key);
        String origin = setting == null ? "default" : setting.origin();
        problems.add(key.key() + " (" + origin + "): " + text);
    }
}
