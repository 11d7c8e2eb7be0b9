package dev.hallmark.server.store.sql;

import java.sql.Connection;
import java.sql.SQLException;

/** Lends connections, one caller at a time per connection. */
interface ConnectionSource extends AutoCloseable {

    /** A connection for the caller's exclusive use until {@link #release}; autocommit is on. */
    Connection acquire() throws SQLException;

    /** Gives a connection back; a broken one is closed instead of being lent again. */
    void release(Connection connection, boolean broken);

    /** Closes every connection; later {@link #acquire} calls fail. Connections still lent are closed on release. */
    @Override
    void close();

    static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing: nothing left to do with it
        }
    }
}
