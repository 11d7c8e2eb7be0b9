package dev.hallmark.server.store.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hallmark.server.store.Store;
import dev.hallmark.server.store.StoreConformanceTest;
import dev.hallmark.server.store.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The conformance suite on SQLite files in a temporary directory, plus what only SQLite has. */
class SqliteStoreTest extends StoreConformanceTest {

    @TempDir
    Path temp;
    private int databases;

    @Override
    protected String freshDatabase() {
        return "sqlite:" + temp.resolve("db" + ++databases).resolve("data").resolve("hallmark.db");
    }

    @Test
    void createsParentDirectoriesAndAnOwnerOnlyFileInWalMode() throws Exception {
        Path file = temp.resolve("a/b/c/hallmark.db");
        try (Store opened = Store.open("sqlite:" + file)) {
            opened.clients().insert(client("c1"));
            assertThat(file).exists();
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            }
        }
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = raw.createStatement();
                ResultSet rows = statement.executeQuery("PRAGMA journal_mode")) {
            rows.next();
            assertThat(rows.getString(1)).isEqualToIgnoringCase("wal");
        }
    }

    @Test
    void inMemoryDatabaseWorksUntilClosed() {
        try (Store memory = Store.open("sqlite::memory:")) {
            memory.clients().insert(client("c1"));
            assertThat(memory.clients().find("c1")).isPresent();
            assertThat(memory.isHealthy()).isTrue();
        }
        try (Store memory = Store.open("sqlite::memory:")) {
            assertThat(memory.clients().list()).isEmpty();
        }
    }

    @Test
    void aDirectoryOrAnUncreatableFileIsAStoreException() throws Exception {
        assertThatThrownBy(() -> Store.open("sqlite:" + temp)).isInstanceOf(StoreException.class)
                .hasMessageContaining("directory");
        Path notADirectory = Files.writeString(temp.resolve("plain-file"), "x");
        assertThatThrownBy(() -> Store.open("sqlite:" + notADirectory.resolve("hallmark.db")))
                .isInstanceOf(StoreException.class).hasMessageContaining("cannot create");
    }

    @Test
    void anotherProcessHoldingTheWriteLockMakesWritersWaitNotFail() throws Exception {
        Path file = temp.resolve("locked.db");
        try (Store opened = Store.open("sqlite:" + file);
                Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = other.createStatement()) {
            statement.execute("BEGIN IMMEDIATE");
            Thread release = new Thread(() -> {
                try {
                    Thread.sleep(300);
                    statement.execute("COMMIT");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            release.start();
            long started = System.nanoTime();
            opened.clients().insert(client("c1"));
            assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(250);
            release.join();
            assertThat(opened.clients().find("c1")).isPresent();
        }
    }
}
