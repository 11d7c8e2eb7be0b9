package dev.hallmark.server.store.sql;

/** Placeholder replaced by the SQL store branch at merge. */
public final class SqlStore {
    private SqlStore() {
    }

    public static dev.hallmark.server.store.Store open(String url) {
        throw new IllegalStateException("replaced at merge");
    }
}
