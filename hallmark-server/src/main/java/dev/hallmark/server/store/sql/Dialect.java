package dev.hallmark.server.store.sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The few places where SQLite and PostgreSQL differ. Everything else (schema, upserts with {@code ON CONFLICT},
 * {@code LIMIT}, partial unique indexes) is written once in SQL both understand.
 */
enum Dialect {

    /**
     * One connection, serialised in-process; transactions start with {@code BEGIN IMMEDIATE} so a writer takes the
     * database's write lock up front and another process waits ({@code busy_timeout}) instead of failing halfway.
     */
    SQLITE {
        @Override
        void begin(Connection connection) throws SQLException {
            execute(connection, "BEGIN IMMEDIATE");
        }

        @Override
        void commit(Connection connection) throws SQLException {
            execute(connection, "COMMIT");
        }

        @Override
        void rollback(Connection connection) throws SQLException {
            if (!connection.isClosed()) {
                execute(connection, "ROLLBACK");
            }
        }

        @Override
        void lockMigrations(Connection connection) {
            // BEGIN IMMEDIATE already holds the database's single write lock.
        }

        @Override
        String forUpdate() {
            return "";
        }

        @Override
        boolean isUniqueViolation(SQLException e) {
            if (e instanceof SQLiteException sqlite) {
                SQLiteErrorCode code = sqlite.getResultCode();
                return code == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY
                        || code == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE;
            }
            return false;
        }

        @Override
        boolean isRetryable(SQLException e) {
            return false; // the busy handler already waited busy_timeout
        }

        @Override
        boolean isConnectionBroken(SQLException e) {
            return false;
        }
    },

    /** A small pool; READ COMMITTED transactions, with compare-and-set statements and row locks where races matter. */
    POSTGRES {
        @Override
        void begin(Connection connection) throws SQLException {
            connection.setAutoCommit(false);
        }

        @Override
        void commit(Connection connection) throws SQLException {
            try {
                connection.commit();
            } finally {
                connection.setAutoCommit(true);
            }
        }

        @Override
        void rollback(Connection connection) throws SQLException {
            if (connection.isClosed()) {
                return;
            }
            try {
                connection.rollback();
            } finally {
                connection.setAutoCommit(true);
            }
        }

        @Override
        void lockMigrations(Connection connection) throws SQLException {
            // Transaction-scoped, so it is released by the commit or rollback; keyed by schema, so databases that
            // hold several Hallmark schemas (the tests) only serialise migrations of the same schema.
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT pg_advisory_xact_lock(" + MIGRATION_LOCK_KEY
                        + ", hashtext(coalesce(current_schema(), '')))");
            }
        }

        @Override
        String forUpdate() {
            return " FOR UPDATE";
        }

        @Override
        boolean isUniqueViolation(SQLException e) {
            return "23505".equals(e.getSQLState());
        }

        @Override
        boolean isRetryable(SQLException e) {
            String state = e.getSQLState();
            return "40001".equals(state) || "40P01".equals(state); // serialization failure, deadlock
        }

        @Override
        boolean isConnectionBroken(SQLException e) {
            String state = e.getSQLState();
            return state == null || state.startsWith("08") || state.startsWith("57P");
        }
    };

    /** First half of the two-int advisory lock key: "HMK1". */
    private static final int MIGRATION_LOCK_KEY = 0x484d4b31;

    /** Starts a write transaction. */
    abstract void begin(Connection connection) throws SQLException;

    abstract void commit(Connection connection) throws SQLException;

    abstract void rollback(Connection connection) throws SQLException;

    /** Inside a transaction begun with {@link #begin}: waits until no other process is migrating this schema. */
    abstract void lockMigrations(Connection connection) throws SQLException;

    /** Suffix of a SELECT that locks the rows it reads until the transaction ends; empty where writers are serial. */
    abstract String forUpdate();

    abstract boolean isUniqueViolation(SQLException e);

    /** Whether the whole transaction may simply be run again. */
    abstract boolean isRetryable(SQLException e);

    /** Whether the connection is unusable and must not go back to the pool. */
    abstract boolean isConnectionBroken(SQLException e);

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
