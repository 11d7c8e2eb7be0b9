package dev.hallmark.server.store.sql;

import dev.hallmark.server.store.StoreException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;

/**
 * One SQLite connection shared by all threads, one at a time. SQLite allows a single writer anyway, and one
 * connection makes every statement see every committed change; WAL mode lets other processes (the admin commands)
 * read while we write, and {@code busy_timeout} makes them wait for each other instead of failing.
 */
final class SqliteConnectionSource implements ConnectionSource {

    /** How long a writer waits for another process's write lock before failing. */
    static final int BUSY_TIMEOUT_MILLIS = 10_000;

    private final String jdbcUrl;
    private final SQLiteConfig config;
    private final ReentrantLock lock = new ReentrantLock(true);
    private Connection connection;
    private boolean closed;

    private SqliteConnectionSource(String jdbcUrl, SQLiteConfig config) {
        this.jdbcUrl = jdbcUrl;
        this.config = config;
    }

    static SqliteConnectionSource open(StoreUrl.Sqlite url) {
        String jdbcUrl;
        if (url.inMemory()) {
            jdbcUrl = "jdbc:sqlite::memory:";
        } else {
            Path file = url.file().toAbsolutePath();
            createOwnerOnly(file, url);
            jdbcUrl = "jdbc:sqlite:" + file;
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // NORMAL in WAL mode: a committed transaction survives the process being killed (it is in the WAL, in the
        // OS's cache); only a power loss can roll back the last few commits, never corrupt the file.
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        SqliteConnectionSource source = new SqliteConnectionSource(jdbcUrl, config);
        try {
            source.connection = source.connect();
        } catch (SQLException e) {
            throw new StoreException("cannot open SQLite database " + url.redacted() + ": " + e.getMessage(), e);
        }
        return source;
    }

    /** The file holds password hashes and encrypted keys: create it readable by its owner only. */
    private static void createOwnerOnly(Path file, StoreUrl.Sqlite url) {
        try {
            Path parent = file.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (Files.isDirectory(file)) {
                throw new StoreException("cannot open SQLite database " + url.redacted() + ": it is a directory");
            }
            if (!Files.exists(file)) {
                try {
                    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                        Files.createFile(file, PosixFilePermissions.asFileAttribute(
                                PosixFilePermissions.fromString("rw-------")));
                    } else {
                        Files.createFile(file);
                    }
                } catch (FileAlreadyExistsException raced) {
                    // another process created it first: fine
                }
            }
        } catch (IOException e) {
            throw new StoreException("cannot create SQLite database " + url.redacted() + ": " + e, e);
        }
    }

    private Connection connect() throws SQLException {
        return config.createConnection(jdbcUrl);
    }

    @Override
    public Connection acquire() throws SQLException {
        try {
            if (!lock.tryLock(BUSY_TIMEOUT_MILLIS * 3L, TimeUnit.MILLISECONDS)) {
                throw new SQLException("the SQLite connection stayed busy for " + BUSY_TIMEOUT_MILLIS * 3 / 1000
                        + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for the SQLite connection", e);
        }
        try {
            if (closed) {
                throw new SQLException("the store is closed");
            }
            if (connection == null || connection.isClosed()) {
                connection = connect();
            }
            return connection;
        } catch (SQLException | RuntimeException e) {
            lock.unlock();
            throw e;
        }
    }

    @Override
    public void release(Connection lent, boolean broken) {
        try {
            if (broken || closed) {
                ConnectionSource.closeQuietly(lent);
                if (lent == connection) {
                    connection = null;
                }
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            if (connection != null) {
                ConnectionSource.closeQuietly(connection);
                connection = null;
            }
        } finally {
            lock.unlock();
        }
    }
}
