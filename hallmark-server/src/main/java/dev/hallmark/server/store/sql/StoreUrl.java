package dev.hallmark.server.store.sql;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A parsed store URL. Parsing checks the form only and never contacts a database, so a mistyped URL is an
 * {@link IllegalArgumentException} while an unreachable database is a {@code StoreException} later, at open.
 * Messages never contain the password.
 */
sealed interface StoreUrl permits StoreUrl.Sqlite, StoreUrl.Postgres {

    String EXPECTED = "expected sqlite:PATH or postgres://user:password@host:port/database";

    /** The URL with any password replaced by {@code ***}, for messages and logs. */
    String redacted();

    /**
     * An SQLite database file.
     *
     * @param file the database file, or null for a private in-memory database ({@code sqlite::memory:})
     */
    record Sqlite(Path file) implements StoreUrl {
        boolean inMemory() {
            return file == null;
        }

        @Override
        public String redacted() {
            return "sqlite:" + (file == null ? ":memory:" : file.toString());
        }
    }

    /**
     * A PostgreSQL database.
     *
     * @param jdbcUrl {@code jdbc:postgresql://host:port/database}, without credentials
     * @param properties driver properties: user, password, query parameters and Hallmark's defaults
     * @param poolSize the most connections the store keeps open
     * @param redacted the URL for messages
     */
    record Postgres(String jdbcUrl, Map<String, String> properties, int poolSize, String redacted)
            implements StoreUrl {

        public Postgres {
            properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        }

        @Override
        public String toString() {
            return "Postgres{" + redacted + "}";
        }
    }

    /** Hallmark's own query parameter: how many connections the PostgreSQL pool may open. */
    String POOL_SIZE = "poolSize";
    int DEFAULT_POOL_SIZE = 10;
    int MAX_POOL_SIZE = 200;

    static StoreUrl parse(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("no store URL given; " + EXPECTED);
        }
        String trimmed = url.strip();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (lower.startsWith("sqlite:")) {
            return parseSqlite(trimmed, trimmed.substring("sqlite:".length()));
        }
        if (lower.startsWith("jdbc:sqlite:")) {
            return parseSqlite(trimmed, trimmed.substring("jdbc:sqlite:".length()));
        }
        for (String prefix : new String[] {"postgres://", "postgresql://", "jdbc:postgresql://"}) {
            if (lower.startsWith(prefix)) {
                return parsePostgres(trimmed, "postgresql://" + trimmed.substring(prefix.length()));
            }
        }
        if (lower.startsWith("jdbc:postgresql:")) {
            // pgjdbc's short form jdbc:postgresql:database means a database on localhost:5432.
            return parsePostgres(trimmed, "postgresql://localhost/" + trimmed.substring("jdbc:postgresql:".length()));
        }
        throw invalid(trimmed, "unknown scheme");
    }

    private static StoreUrl parseSqlite(String url, String path) {
        if (path.isEmpty()) {
            throw invalid(url, "no database file after 'sqlite:'");
        }
        if (path.equals(":memory:")) {
            return new Sqlite(null);
        }
        if (path.indexOf('?') >= 0) {
            throw invalid(url, "SQLite URLs take no parameters (a file name with '?' is not supported)");
        }
        try {
            return new Sqlite(Path.of(path));
        } catch (InvalidPathException e) {
            throw invalid(url, "not a valid file path: " + e.getReason());
        }
    }

    private static StoreUrl parsePostgres(String original, String normalized) {
        URI uri;
        try {
            uri = new URI(normalized);
        } catch (URISyntaxException e) {
            throw invalid(original, "not a valid URL (" + e.getReason() + "; percent-encode special characters in"
                    + " the password)");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw invalid(original, "no host name, or a port that is not a number");
        }
        int port = uri.getPort() == -1 ? 5432 : uri.getPort();
        String rawPath = uri.getRawPath();
        if (rawPath == null || rawPath.length() <= 1) {
            throw invalid(original, "no database name (add /DATABASE after the host)");
        }
        String database = percentDecode(original, rawPath.substring(1));
        if (database.contains("/")) {
            throw invalid(original, "the database name contains '/'");
        }
        if (uri.getRawFragment() != null) {
            throw invalid(original, "unexpected '#' fragment");
        }

        Map<String, String> properties = new LinkedHashMap<>();
        int poolSize = DEFAULT_POOL_SIZE;
        StringBuilder redactedQuery = new StringBuilder();
        Set<String> seen = new HashSet<>();
        String rawQuery = uri.getRawQuery();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw invalid(original, "query parameter without a value: " + redactParameter(pair));
                }
                String name = percentDecode(original, pair.substring(0, eq));
                String value = percentDecode(original, pair.substring(eq + 1));
                if (!seen.add(name)) {
                    throw invalid(original, "query parameter '" + name + "' given twice");
                }
                redactedQuery.append(redactedQuery.length() == 0 ? "?" : "&")
                        .append(name).append('=').append(name.equalsIgnoreCase("password") ? "***" : value);
                if (name.equals(POOL_SIZE)) {
                    poolSize = parsePoolSize(original, value);
                } else {
                    properties.put(name, value);
                }
            }
        }

        String user = null;
        String rawUserInfo = uri.getRawUserInfo();
        if (rawUserInfo != null) {
            int colon = rawUserInfo.indexOf(':');
            user = percentDecode(original, colon < 0 ? rawUserInfo : rawUserInfo.substring(0, colon));
            if (user.isEmpty()) {
                throw invalid(original, "empty user name before '@'");
            }
            if (properties.containsKey("user") || (colon >= 0 && properties.containsKey("password"))) {
                throw invalid(original, "user or password given both before '@' and as a query parameter");
            }
            properties.put("user", user);
            if (colon >= 0) {
                properties.put("password", percentDecode(original, rawUserInfo.substring(colon + 1)));
            }
        }
        // Defaults a caller may override with query parameters. Server error details can echo row values
        // (a token hash in a duplicate-key message), so they stay out of exception messages unless asked for.
        properties.putIfAbsent("ApplicationName", "hallmark");
        properties.putIfAbsent("connectTimeout", "10");
        properties.putIfAbsent("tcpKeepAlive", "true");
        properties.putIfAbsent("logServerErrorDetail", "false");

        String hostPort = host + ":" + port;
        String jdbcUrl = "jdbc:postgresql://" + hostPort + "/" + percentEncode(database);
        String redacted = "postgresql://"
                + (user == null ? "" : percentEncode(user) + (properties.containsKey("password") ? ":***" : "") + "@")
                + hostPort + "/" + percentEncode(database) + redactedQuery;
        return new Postgres(jdbcUrl, properties, poolSize, redacted);
    }

    private static int parsePoolSize(String original, String value) {
        try {
            int size = Integer.parseInt(value);
            if (size >= 1 && size <= MAX_POOL_SIZE) {
                return size;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(original, POOL_SIZE + " must be a number from 1 to " + MAX_POOL_SIZE);
    }

    private static IllegalArgumentException invalid(String url, String reason) {
        return new IllegalArgumentException("invalid store URL '" + redactLoosely(url) + "': " + reason + "; "
                + EXPECTED);
    }

    Pattern USERINFO_PASSWORD = Pattern.compile("(://[^/@:]*):[^/@]*@");
    Pattern QUERY_PASSWORD = Pattern.compile("(?i)(password=)[^&]*");

    /** Hides a password in a URL that may not even parse. */
    static String redactLoosely(String url) {
        String hidden = USERINFO_PASSWORD.matcher(url).replaceFirst("$1:***@");
        return QUERY_PASSWORD.matcher(hidden).replaceAll("$1***");
    }

    private static String redactParameter(String pair) {
        return pair.toLowerCase(Locale.ROOT).startsWith("password") ? "password" : pair;
    }

    /** RFC 3986 percent-decoding (a '+' stays a '+'), UTF-8. */
    private static String percentDecode(String original, String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        int i = 0;
        while (i < s.length()) {
            int percent = s.indexOf('%', i);
            int end = percent < 0 ? s.length() : percent;
            byte[] literal = s.substring(i, end).getBytes(StandardCharsets.UTF_8);
            out.write(literal, 0, literal.length);
            if (percent < 0) {
                break;
            }
            int high = percent + 2 < s.length() ? Character.digit(s.charAt(percent + 1), 16) : -1;
            int low = percent + 2 < s.length() ? Character.digit(s.charAt(percent + 2), 16) : -1;
            if (high < 0 || low < 0) {
                throw invalid(original, "bad percent-encoding");
            }
            out.write(high * 16 + low);
            i = percent + 3;
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String percentEncode(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                    || c == '.' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
