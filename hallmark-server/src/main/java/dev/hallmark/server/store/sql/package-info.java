/**
 * The SQL {@link dev.hallmark.server.store.Store} for SQLite (embedded default) and PostgreSQL, over plain JDBC:
 * {@link dev.hallmark.server.store.sql.SqlStore} opens a database by URL and applies the versioned migrations in
 * {@code db/migration}; one class per aggregate holds that aggregate's SQL; {@code Dialect} holds the few
 * differences between the two databases.
 *
 * <p>Conventions: instants are epoch milliseconds in BIGINT columns; booleans INTEGER 0/1; sets of strings JSON
 * arrays in TEXT. SQLite runs on one connection serialised in-process, WAL mode, {@code busy_timeout} and
 * {@code BEGIN IMMEDIATE} write transactions; PostgreSQL on a small bounded pool in READ COMMITTED, with
 * compare-and-set updates and row locks where races matter.
 *
 * <p>This package knows SQL and JDBC only: nothing about HTTP, tokens' wire formats or cryptography.
 */
package dev.hallmark.server.store.sql;
