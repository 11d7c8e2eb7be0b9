package dev.hallmark.server.store.sql;

import static org.junit.jupiter.api.Assertions.fail;

import dev.hallmark.server.store.StoreConformanceTest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

/**
 * The conformance suite on a real PostgreSQL named by {@value #URL_VARIABLE}, each test in a schema of its own
 * (created here, dropped afterwards; the store selects it with the driver's {@code currentSchema} parameter).
 * Without the variable this class fails when {@code CI} is set, so CI cannot skip it silently, and is skipped
 * otherwise. {@code .ci/run} starts a PostgreSQL and sets the variable.
 */
class PostgresStoreTest extends StoreConformanceTest {

    static final String URL_VARIABLE = "HALLMARK_TEST_POSTGRES_URL";
    private static final SecureRandom RANDOM = new SecureRandom();

    private static String baseUrl;
    /** Creates and drops the per-test schemas; one for the class, since each new connection costs a SCRAM login. */
    private static Connection admin;
    private final List<String> schemas = new ArrayList<>();

    @BeforeAll
    static void requirePostgres() {
        baseUrl = System.getenv(URL_VARIABLE);
        if (baseUrl != null && !baseUrl.isBlank()) {
            StoreUrl.Postgres url = (StoreUrl.Postgres) StoreUrl.parse(baseUrl);
            Properties properties = new Properties();
            properties.putAll(url.properties());
            try {
                admin = new org.postgresql.Driver().connect(url.jdbcUrl(), properties);
            } catch (SQLException e) {
                fail("cannot connect to " + url.redacted() + " from " + URL_VARIABLE + ": " + e.getMessage(), e);
            }
            return;
        }
        String ci = System.getenv("CI");
        String why = URL_VARIABLE + " is not set (e.g. postgres://hallmark:hallmark@127.0.0.1:55432/hallmark_test;"
                + " .ci/run starts a PostgreSQL and sets it)";
        if (ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false")) {
            fail("CI is set but " + why + ": the PostgreSQL store tests must run in CI");
        }
        // Surefire counts a class aborted in @BeforeAll as zero tests, not as skipped ones: say it out loud.
        System.err.println("PostgresStoreTest SKIPPED: " + why);
        Assumptions.abort(why);
    }

    @Override
    protected String freshDatabase() throws SQLException {
        byte[] random = new byte[6];
        RANDOM.nextBytes(random);
        String schema = "hallmark_test_" + HexFormat.of().formatHex(random);
        execute("CREATE SCHEMA " + schema);
        schemas.add(schema);
        return baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    @Override
    protected void dropDatabases() throws SQLException {
        for (String schema : schemas) {
            execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
        schemas.clear();
    }

    @AfterAll
    static void closeAdmin() throws SQLException {
        if (admin != null) {
            admin.close();
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Statement statement = admin.createStatement()) {
            statement.execute(sql);
        }
    }
}
