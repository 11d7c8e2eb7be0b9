package dev.hallmark.server.store.sql;

import dev.hallmark.server.store.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Versioned schema migrations: the SQL files listed, in order, in {@value #INDEX}, named
 * {@code V<version>__<description>.sql} with versions 1, 2, 3, ... The database records each applied version with a
 * checksum of its file in {@code schema_version}. Opening a store applies the missing ones, each in its own
 * transaction that first takes a migration lock ({@code BEGIN IMMEDIATE} on SQLite, a transaction-scoped advisory lock
 * on PostgreSQL) and re-reads {@code schema_version}, so processes starting together apply each migration exactly
 * once. An applied file that has since changed, or a database newer than this code, stops the open.
 */
final class Migrations {

    static final String DIRECTORY = "db/migration/";
    static final String INDEX = DIRECTORY + "migrations.txt";
    private static final Pattern FILE_NAME = Pattern.compile("V([1-9][0-9]*)__([A-Za-z0-9_]+)\\.sql");

    /** One migration file. */
    record Migration(int version, String description, String fileName, String sql, String checksum) {
        List<String> statements() {
            return splitStatements(sql);
        }
    }

    private Migrations() {
    }

    /** The migrations this code knows, in order. */
    static List<Migration> load() {
        List<Migration> migrations = new ArrayList<>();
        for (String line : readResource(INDEX).split("\n")) {
            String name = line.strip();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            Matcher matcher = FILE_NAME.matcher(name);
            if (!matcher.matches()) {
                throw new IllegalStateException(INDEX + " lists '" + name + "', not a V<n>__<description>.sql name");
            }
            int version = Integer.parseInt(matcher.group(1));
            if (version != migrations.size() + 1) {
                throw new IllegalStateException(INDEX + " lists " + name + " where version " + (migrations.size() + 1)
                        + " belongs: versions must be 1, 2, 3, ... in order");
            }
            String sql = readResource(DIRECTORY + name).replace("\r\n", "\n");
            migrations.add(new Migration(version, matcher.group(2).replace('_', ' '), name, sql, sha256(sql)));
        }
        if (migrations.isEmpty()) {
            throw new IllegalStateException(INDEX + " lists no migrations");
        }
        return List.copyOf(migrations);
    }

    /** Applies the migrations the database lacks; returns the schema version it is at afterwards. */
    static int apply(Database database, List<Migration> migrations, Clock clock) {
        Dialect dialect = database.dialect();
        int latest = migrations.get(migrations.size() - 1).version();
        for (Migration migration : migrations) {
            database.write("apply schema migration " + migration.fileName(), connection -> {
                dialect.lockMigrations(connection);
                createVersionTable(connection);
                String appliedChecksum = null;
                int newest = 0;
                try (Statement statement = connection.createStatement();
                        ResultSet rows = statement.executeQuery("SELECT version, checksum FROM schema_version")) {
                    while (rows.next()) {
                        newest = Math.max(newest, rows.getInt(1));
                        if (rows.getInt(1) == migration.version()) {
                            appliedChecksum = rows.getString(2);
                        }
                    }
                }
                if (newest > latest) {
                    throw new StoreException("the database schema is at version " + newest
                            + ", newer than this Hallmark knows (" + latest + "): upgrade Hallmark");
                }
                if (appliedChecksum != null) {
                    if (!appliedChecksum.equals(migration.checksum())) {
                        throw new StoreException("schema migration " + migration.fileName()
                                + " was changed after it was applied to this database; add a new migration instead");
                    }
                    return null;
                }
                try (Statement statement = connection.createStatement()) {
                    for (String sql : migration.statements()) {
                        statement.execute(sql);
                    }
                }
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO schema_version "
                        + "(version, description, checksum, applied_at) VALUES (?, ?, ?, ?)")) {
                    insert.setInt(1, migration.version());
                    insert.setString(2, migration.description());
                    insert.setString(3, migration.checksum());
                    insert.setLong(4, clock.millis());
                    insert.executeUpdate();
                }
                return null;
            });
        }
        return currentVersion(database);
    }

    static int currentVersion(Database database) {
        return database.read("read the schema version", connection -> {
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT MAX(version) FROM schema_version")) {
                return rows.next() ? rows.getInt(1) : 0;
            }
        });
    }

    private static void createVersionTable(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS schema_version ("
                    + "version INTEGER NOT NULL PRIMARY KEY, description TEXT NOT NULL, checksum TEXT NOT NULL, "
                    + "applied_at BIGINT NOT NULL)");
        }
    }

    /**
     * Splits a migration into statements at each {@code ;} outside quotes and comments, dropping comments. Enough for
     * DDL and plain DML; a migration needing procedural bodies (dollar quoting) must be split by hand.
     */
    static List<String> splitStatements(String sql) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '-' && sql.startsWith("--", i)) {
                int newline = sql.indexOf('\n', i);
                i = newline < 0 ? sql.length() : newline;
            } else if (c == '/' && sql.startsWith("/*", i)) {
                int close = sql.indexOf("*/", i + 2);
                if (close < 0) {
                    throw new IllegalStateException("unterminated /* comment in migration");
                }
                current.append(' ');
                i = close + 2;
            } else if (c == '\'' || c == '"') {
                int close = i + 1;
                while (true) {
                    close = sql.indexOf(c, close);
                    if (close < 0) {
                        throw new IllegalStateException("unterminated " + c + " quote in migration");
                    }
                    if (close + 1 < sql.length() && sql.charAt(close + 1) == c) {
                        close += 2; // doubled quote inside the literal
                    } else {
                        break;
                    }
                }
                current.append(sql, i, close + 1);
                i = close + 1;
            } else if (c == ';') {
                addStatement(statements, current);
                i++;
            } else {
                current.append(c);
                i++;
            }
        }
        addStatement(statements, current);
        return statements;
    }

    private static void addStatement(List<String> statements, StringBuilder current) {
        String statement = current.toString().strip();
        if (!statement.isEmpty()) {
            statements.add(statement);
        }
        current.setLength(0);
    }

    private static String readResource(String name) {
        try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(name)) {
            Objects.requireNonNull(in, () -> "missing resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + name, e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
