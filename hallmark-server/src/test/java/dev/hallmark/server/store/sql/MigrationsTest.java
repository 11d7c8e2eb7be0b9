package dev.hallmark.server.store.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hallmark.server.store.Store;
import dev.hallmark.server.store.StoreException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationsTest {

    @TempDir
    Path temp;

    @Test
    void theIndexListsEveryMigrationFileInVersionOrder() throws Exception {
        URL directory = Migrations.class.getClassLoader().getResource(Migrations.DIRECTORY);
        assertThat(directory).isNotNull();
        List<String> files;
        try (Stream<Path> listing = Files.list(Path.of(directory.toURI()))) {
            files = listing.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql")).sorted().toList();
        }
        List<Migrations.Migration> migrations = Migrations.load();
        assertThat(migrations).extracting(Migrations.Migration::fileName).containsExactlyInAnyOrderElementsOf(files);
        for (int i = 0; i < migrations.size(); i++) {
            assertThat(migrations.get(i).version()).isEqualTo(i + 1);
            assertThat(migrations.get(i).checksum()).hasSize(64);
        }
        assertThat(migrations.get(0).description()).isEqualTo("initial");
    }

    @Test
    void statementsAreSplitOutsideQuotesAndComments() {
        String sql = """
                -- a comment; with a semicolon
                CREATE TABLE t (a TEXT DEFAULT 'x;y', "odd;name" INTEGER); /* block; comment */
                INSERT INTO t (a) VALUES ('it''s; fine');

                -- trailing comment
                """;
        assertThat(Migrations.splitStatements(sql)).containsExactly(
                "CREATE TABLE t (a TEXT DEFAULT 'x;y', \"odd;name\" INTEGER)",
                "INSERT INTO t (a) VALUES ('it''s; fine')");
        assertThatThrownBy(() -> Migrations.splitStatements("SELECT 'open")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void everyStatementOfTheInitialSchemaIsPlainDdlOrInsert() {
        for (String statement : Migrations.load().get(0).statements()) {
            assertThat(statement).matches("(?s)(CREATE (UNIQUE )?(TABLE|INDEX)|INSERT INTO) .*");
        }
    }

    @Test
    void aMigrationChangedAfterItWasAppliedStopsTheOpen() throws Exception {
        Path file = temp.resolve("h.db");
        Store.open("sqlite:" + file).close();
        execute(file, "UPDATE schema_version SET checksum = 'edited' WHERE version = 1");
        assertThatThrownBy(() -> Store.open("sqlite:" + file)).isInstanceOf(StoreException.class)
                .hasMessageContaining("V1__initial.sql was changed after it was applied");
    }

    @Test
    void aDatabaseNewerThanThisCodeStopsTheOpen() throws Exception {
        Path file = temp.resolve("h.db");
        Store.open("sqlite:" + file).close();
        execute(file, "INSERT INTO schema_version VALUES (99, 'future', 'x', 0)");
        assertThatThrownBy(() -> Store.open("sqlite:" + file)).isInstanceOf(StoreException.class)
                .hasMessageContaining("version 99, newer than this Hallmark knows (1)");
    }

    @Test
    void aFailedMigrationLeavesNoTraceAndIsRetriedNextTime() throws Exception {
        Path file = temp.resolve("h.db");
        execute(file, "CREATE TABLE users (x INTEGER)"); // collides with V1
        assertThatThrownBy(() -> Store.open("sqlite:" + file)).isInstanceOf(StoreException.class)
                .hasMessageContaining("V1__initial.sql");
        assertThat(query(file, "SELECT COUNT(*) FROM sqlite_master WHERE name IN ('clients', 'schema_version')"))
                .as("the whole transaction was rolled back").isZero();

        execute(file, "DROP TABLE users");
        try (Store store = Store.open("sqlite:" + file)) {
            assertThat(((SqlStore) store).schemaVersion()).isEqualTo(1);
        }
    }

    private static void execute(Path file, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static long query(Path file, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
