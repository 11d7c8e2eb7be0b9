package dev.hallmark.server.store.sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Properties;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A bounded pool: at most {@code size} connections, opened on demand and kept; a caller waits up to
 * {@link #ACQUIRE_TIMEOUT_SECONDS} for a free one. A connection that failed with a connection-level error is closed
 * rather than returned, so a restarted database heals on the next calls. Idle connections are checked with
 * {@link Connection#isValid} before being lent when they have been idle for a while.
 */
final class PostgresConnectionPool implements ConnectionSource {

    static final int ACQUIRE_TIMEOUT_SECONDS = 30;
    private static final long VALIDATE_AFTER_IDLE_NANOS = TimeUnit.SECONDS.toNanos(30);

    private record Idle(Connection connection, long since) {
    }

    private final String jdbcUrl;
    private final Properties properties;
    private final Semaphore permits;
    private final Deque<Idle> idle = new ArrayDeque<>();
    private final org.postgresql.Driver driver = new org.postgresql.Driver();
    private boolean closed;

    PostgresConnectionPool(StoreUrl.Postgres url) {
        this.jdbcUrl = url.jdbcUrl();
        this.properties = new Properties();
        this.properties.putAll(url.properties());
        this.permits = new Semaphore(url.poolSize(), true);
    }

    @Override
    public Connection acquire() throws SQLException {
        try {
            if (!permits.tryAcquire(ACQUIRE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new SQLException("no free PostgreSQL connection within " + ACQUIRE_TIMEOUT_SECONDS + " s",
                        "08000");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for a PostgreSQL connection", "08000", e);
        }
        try {
            while (true) {
                Idle candidate;
                synchronized (this) {
                    if (closed) {
                        throw new SQLException("the store is closed", "08003");
                    }
                    candidate = idle.pollFirst();
                }
                if (candidate == null) {
                    return connect();
                }
                boolean fresh = System.nanoTime() - candidate.since() < VALIDATE_AFTER_IDLE_NANOS;
                if (fresh || candidate.connection().isValid(5)) {
                    return candidate.connection();
                }
                ConnectionSource.closeQuietly(candidate.connection());
            }
        } catch (SQLException | RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    private Connection connect() throws SQLException {
        Connection connection = driver.connect(jdbcUrl, properties);
        if (connection == null) {
            throw new SQLException("the PostgreSQL driver does not accept " + jdbcUrl, "08001");
        }
        return connection;
    }

    @Override
    public void release(Connection connection, boolean broken) {
        try {
            boolean keep;
            synchronized (this) {
                keep = !broken && !closed;
                if (keep) {
                    idle.addFirst(new Idle(connection, System.nanoTime()));
                }
            }
            if (!keep) {
                ConnectionSource.closeQuietly(connection);
            }
        } finally {
            permits.release();
        }
    }

    @Override
    public void close() {
        Deque<Idle> toClose;
        synchronized (this) {
            closed = true;
            toClose = new ArrayDeque<>(idle);
            idle.clear();
        }
        for (Idle each : toClose) {
            ConnectionSource.closeQuietly(each.connection());
        }
    }
}
