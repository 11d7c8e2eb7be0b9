package dev.hallmark.server.store;

/**
 * All aggregates of one database, opened together. Thread-safe; close once at shutdown.
 *
 * <pre>{@code
 * try (Store store = Store.open("sqlite:hallmark-data/hallmark.db")) { ... }
 * }</pre>
 */
public interface Store extends AutoCloseable {

    ClientStore clients();

    UserStore users();

    RefreshTokenStore refreshTokens();

    RevocationStore revocations();

    KeyStore keys();

    ThrottleStore throttle();

    /** True when the database answers. */
    boolean isHealthy();

    @Override
    void close();

    /**
     * Opens a store by URL and applies pending migrations: {@code sqlite:PATH} (the file is created) or
     * {@code postgres://user:password@host:port/database} (also {@code postgresql://} and {@code jdbc:postgresql:}).
     */
    static Store open(String url) {
        return dev.hallmark.server.store.sql.SqlStore.open(url);
    }
}
