package dev.hallmark.server.store.sql;

import dev.hallmark.server.store.StoreException;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Runs units of work on a lent connection: reads in autocommit mode, writes in one transaction each. Every
 * {@link SQLException} becomes a {@link StoreException} saying what could not be done; a unique-key violation says
 * so in words. On PostgreSQL a transaction that lost a deadlock or serialization race is run again (a few times).
 */
final class Database {

    /** One unit of work on a connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private static final int MAX_ATTEMPTS = 3;

    private final Dialect dialect;
    private final ConnectionSource connections;

    Database(Dialect dialect, ConnectionSource connections) {
        this.dialect = dialect;
        this.connections = connections;
    }

    Dialect dialect() {
        return dialect;
    }

    /** Runs {@code work} outside a transaction: for single-statement reads. */
    <T> T read(String what, Work<T> work) {
        Connection connection = acquire(what);
        boolean broken = false;
        try {
            return work.run(connection);
        } catch (SQLException e) {
            broken = dialect.isConnectionBroken(e);
            throw failure(what, e);
        } finally {
            connections.release(connection, broken);
        }
    }

    /** Runs {@code work} in one write transaction and commits it. */
    <T> T write(String what, Work<T> work) {
        return transaction(what, work, false);
    }

    /**
     * Runs a compare-and-set in one write transaction: commits when {@code work} returns true, rolls everything back
     * when it returns false (the expected state was not there).
     */
    boolean compareAndSet(String what, Work<Boolean> work) {
        return transaction(what, work, true);
    }

    private <T> T transaction(String what, Work<T> work, boolean commitOnlyIfTrue) {
        for (int attempt = 1; ; attempt++) {
            Connection connection = acquire(what);
            boolean broken = false;
            try {
                try {
                    dialect.begin(connection);
                    T result = work.run(connection);
                    if (commitOnlyIfTrue && !Boolean.TRUE.equals(result)) {
                        dialect.rollback(connection);
                    } else {
                        dialect.commit(connection);
                    }
                    return result;
                } catch (SQLException | RuntimeException | Error e) {
                    rollbackQuietly(connection);
                    throw e;
                }
            } catch (SQLException e) {
                broken = dialect.isConnectionBroken(e);
                if (!broken && dialect.isRetryable(e) && attempt < MAX_ATTEMPTS) {
                    continue;
                }
                throw failure(what, e);
            } finally {
                connections.release(connection, broken);
            }
        }
    }

    private void rollbackQuietly(Connection connection) {
        try {
            dialect.rollback(connection);
        } catch (SQLException | RuntimeException ignored) {
            // no transaction was open (begin or commit failed), or the connection is gone: nothing to undo
        }
    }

    private Connection acquire(String what) {
        try {
            return connections.acquire();
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    StoreException failure(String what, SQLException e) {
        if (dialect.isUniqueViolation(e)) {
            return new StoreException("could not " + what + ": an entry with the same id or unique name already exists",
                    e);
        }
        return new StoreException("could not " + what + ": " + e.getMessage(), e);
    }

    void close() {
        connections.close();
    }
}
