package dev.hallmark.server.store.sql;

import dev.hallmark.server.store.ClientStore;
import dev.hallmark.server.store.KeyStore;
import dev.hallmark.server.store.RefreshTokenStore;
import dev.hallmark.server.store.RevocationStore;
import dev.hallmark.server.store.Store;
import dev.hallmark.server.store.StoreException;
import dev.hallmark.server.store.ThrottleStore;
import dev.hallmark.server.store.UserStore;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;

/**
 * The {@link Store} over JDBC, for SQLite and PostgreSQL.
 *
 * <pre>{@code
 * try (SqlStore store = SqlStore.open("sqlite:hallmark-data/hallmark.db")) {
 *     store.clients().find("my-client");
 * }
 * }</pre>
 */
public final class SqlStore implements Store {

    private final Database database;
    private final String description;
    private final int schemaVersion;
    private final SqlClientStore clients;
    private final SqlUserStore users;
    private final SqlRefreshTokenStore refreshTokens;
    private final SqlRevocationStore revocations;
    private final SqlKeyStore keys;
    private final SqlThrottleStore throttle;

    private SqlStore(Database database, String description, int schemaVersion) {
        this.database = database;
        this.description = description;
        this.schemaVersion = schemaVersion;
        this.clients = new SqlClientStore(database);
        this.users = new SqlUserStore(database);
        this.refreshTokens = new SqlRefreshTokenStore(database);
        this.revocations = new SqlRevocationStore(database);
        this.keys = new SqlKeyStore(database);
        this.throttle = new SqlThrottleStore(database);
    }

    /**
     * Opens the database named by {@code url} and applies pending migrations.
     *
     * <ul>
     *   <li>{@code sqlite:PATH}: the file and its parent directories are created (the file readable by its owner
     *       only); {@code sqlite::memory:} is a private in-memory database, gone at close.</li>
     *   <li>{@code postgres://user:password@host:port/database}, also {@code postgresql://} and
     *       {@code jdbc:postgresql://}; percent-encode special characters in the password. Query parameters go to
     *       the PostgreSQL driver ({@code sslmode}, {@code currentSchema}, ...), except {@code poolSize} (connections
     *       kept open, default 10).</li>
     * </ul>
     *
     * @throws IllegalArgumentException when the URL is malformed
     * @throws StoreException when the database cannot be reached or migrated
     */
    public static SqlStore open(String url) {
        StoreUrl parsed = StoreUrl.parse(url);
        ConnectionSource connections;
        Dialect dialect;
        if (parsed instanceof StoreUrl.Sqlite sqlite) {
            connections = SqliteConnectionSource.open(sqlite);
            dialect = Dialect.SQLITE;
        } else {
            connections = new PostgresConnectionPool((StoreUrl.Postgres) parsed);
            dialect = Dialect.POSTGRES;
        }
        Database database = new Database(dialect, connections);
        try {
            database.read("connect", connection -> null); // a clear message when unreachable; the pool keeps it
            int version = Migrations.apply(database, Migrations.load(), Clock.systemUTC());
            return new SqlStore(database, parsed.redacted(), version);
        } catch (StoreException e) {
            database.close();
            throw new StoreException("cannot open store " + parsed.redacted() + ": " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            database.close();
            throw e;
        }
    }

    /** The schema version the database was at after opening. */
    public int schemaVersion() {
        return schemaVersion;
    }

    @Override
    public ClientStore clients() {
        return clients;
    }

    @Override
    public UserStore users() {
        return users;
    }

    @Override
    public RefreshTokenStore refreshTokens() {
        return refreshTokens;
    }

    @Override
    public RevocationStore revocations() {
        return revocations;
    }

    @Override
    public KeyStore keys() {
        return keys;
    }

    @Override
    public ThrottleStore throttle() {
        return throttle;
    }

    @Override
    public boolean isHealthy() {
        try {
            return database.read("check the database", connection -> {
                try (Statement statement = connection.createStatement()) {
                    statement.setQueryTimeout(5);
                    try (ResultSet rows = statement.executeQuery("SELECT 1")) {
                        return rows.next();
                    }
                }
            });
        } catch (StoreException e) {
            return false;
        }
    }

    @Override
    public void close() {
        database.close();
    }

    /** The URL without its password. */
    @Override
    public String toString() {
        return "SqlStore{" + description + ", schema version " + schemaVersion + "}";
    }
}
