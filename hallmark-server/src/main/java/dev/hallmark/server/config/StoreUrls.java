package dev.hallmark.server.config;

import java.util.List;
import java.util.regex.Pattern;

/** The store URL forms the server opens, and their redaction for output. */
final class StoreUrls {

    static final String REDACTED = "<redacted>";

    private static final List<String> NETWORK_PREFIXES = List.of("postgres://", "postgresql://", "jdbc:postgresql:");
    private static final String SQLITE_PREFIX = "sqlite:";
    private static final Pattern PASSWORD_PARAMETER =
            Pattern.compile("(?i)([?&;][^=&;#]*password[^=&;#]*=)[^&;#]*");

    private StoreUrls() {
    }

    /** Null when {@code url} has a supported form, else what is wrong with it. */
    static String problem(String url) {
        if (url.startsWith(SQLITE_PREFIX)) {
            return url.length() == SQLITE_PREFIX.length() ? "sqlite: needs a file path, e.g. sqlite:data/hallmark.db"
                    : null;
        }
        for (String prefix : NETWORK_PREFIXES) {
            if (url.startsWith(prefix)) {
                return url.length() == prefix.length() ? prefix + " needs a host and database" : null;
            }
        }
        return "must start with sqlite:, postgres://, postgresql:// or jdbc:postgresql:";
    }

    /**
     * {@code url} with any password replaced by {@value #REDACTED}: the password in the user information of
     * {@code scheme://user:password@host} and the value of every parameter whose name contains "password". When in
     * doubt (an {@code @} later in the URL), more is redacted rather than less.
     */
    static String redact(String url) {
        String result = url;
        int schemeEnd = result.indexOf("://");
        if (schemeEnd >= 0) {
            int authorityStart = schemeEnd + 3;
            int at = result.lastIndexOf('@');
            if (at > authorityStart) {
                int colon = result.indexOf(':', authorityStart);
                if (colon >= 0 && colon < at) {
                    result = result.substring(0, colon + 1) + REDACTED + result.substring(at);
                }
            }
        }
        return PASSWORD_PARAMETER.matcher(result).replaceAll("$1" + REDACTED.replace("$", "\\$"));
    }
}
