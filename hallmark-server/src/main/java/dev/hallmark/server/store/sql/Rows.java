package dev.hallmark.server.store.sql;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;

/**
 * Column conventions shared by every table: instants are epoch milliseconds in BIGINT columns (so both databases
 * compare them as plain numbers and no time zone is involved; sub-millisecond precision is dropped), booleans are
 * INTEGER 0 or 1.
 */
final class Rows {

    private Rows() {
    }

    static long millis(Instant instant) {
        return instant.toEpochMilli();
    }

    static void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        if (instant == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, instant.toEpochMilli());
        }
    }

    static void setString(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }

    static void setBoolean(PreparedStatement statement, int index, boolean value) throws SQLException {
        statement.setInt(index, value ? 1 : 0);
    }

    /** A NOT NULL instant column. */
    static Instant instant(ResultSet row, String column) throws SQLException {
        return Instant.ofEpochMilli(row.getLong(column));
    }

    /** A nullable instant column. */
    static Instant instantOrNull(ResultSet row, String column) throws SQLException {
        long millis = row.getLong(column);
        return row.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    static boolean bool(ResultSet row, String column) throws SQLException {
        return row.getInt(column) != 0;
    }
}
