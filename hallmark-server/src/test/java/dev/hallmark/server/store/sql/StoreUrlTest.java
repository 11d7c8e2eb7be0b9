package dev.hallmark.server.store.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hallmark.server.store.Store;
import dev.hallmark.server.store.StoreException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StoreUrlTest {

    @Test
    void sqliteUrlNamesAFile() {
        assertThat(StoreUrl.parse("sqlite:hallmark-data/hallmark.db"))
                .isEqualTo(new StoreUrl.Sqlite(Path.of("hallmark-data/hallmark.db")));
        assertThat(StoreUrl.parse("jdbc:sqlite:/var/lib/hallmark/h.db"))
                .isEqualTo(new StoreUrl.Sqlite(Path.of("/var/lib/hallmark/h.db")));
        assertThat(((StoreUrl.Sqlite) StoreUrl.parse("sqlite::memory:")).inMemory()).isTrue();
    }

    @Test
    void postgresUrlBecomesAJdbcUrlAndDriverProperties() {
        StoreUrl.Postgres url = (StoreUrl.Postgres) StoreUrl.parse(
                "postgres://hallmark:s%40cr%3At@db.example.com:6543/auth?sslmode=require&poolSize=4");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:6543/auth");
        assertThat(url.properties()).containsEntry("user", "hallmark").containsEntry("password", "s@cr:t")
                .containsEntry("sslmode", "require").containsEntry("ApplicationName", "hallmark")
                .doesNotContainKey("poolSize");
        assertThat(url.poolSize()).isEqualTo(4);
        assertThat(url.redacted())
                .isEqualTo("postgresql://hallmark:***@db.example.com:6543/auth?sslmode=require&poolSize=4");
        assertThat(url.toString()).doesNotContain("s@cr:t").doesNotContain("s%40cr");
    }

    @Test
    void everyPostgresSpellingIsAccepted() {
        for (String spelling : new String[] {"postgres://u:p@localhost/db", "postgresql://u:p@localhost/db",
                "jdbc:postgresql://u:p@localhost/db", "jdbc:postgresql://localhost/db?user=u&password=p",
                "jdbc:postgresql:db?user=u&password=p", "POSTGRES://u:p@localhost/db"}) {
            StoreUrl.Postgres url = (StoreUrl.Postgres) StoreUrl.parse(spelling);
            assertThat(url.jdbcUrl()).as(spelling).isEqualTo("jdbc:postgresql://localhost:5432/db");
            assertThat(url.properties()).as(spelling).containsEntry("user", "u").containsEntry("password", "p");
            assertThat(url.poolSize()).isEqualTo(StoreUrl.DEFAULT_POOL_SIZE);
        }
        assertThat(((StoreUrl.Postgres) StoreUrl.parse("postgres://u@[::1]:5433/db")).jdbcUrl())
                .isEqualTo("jdbc:postgresql://[::1]:5433/db");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "mysql://u:p@h/db", "hallmark.db", "sqlite:", "sqlite:a.db?mode=ro",
        "postgres://u:p@/db", "postgres://u:p@host", "postgres://u:p@host/", "postgres://u:p@host:port/db",
        "postgres://u:p@host/a/b", "postgres://u:p@host/db?sslmode", "postgres://u:p@host/db?poolSize=0",
        "postgres://u:p@host/db?poolSize=x", "postgres://u:p@host/db?a=1&a=2", "postgres://u:p@host/db?user=v",
        "postgres://:p@host/db", "postgres://u:p@host/d%zzb", "postgres://u:p@host/db#x"})
    void malformedUrlsAreIllegalArguments(String url) {
        assertThatIllegalArgumentException().isThrownBy(() -> StoreUrl.parse(url))
                .withMessageContaining("expected sqlite:PATH or postgres://user:password@host:port/database");
    }

    @Test
    void malformedUrlMessagesHideThePassword() {
        assertThatIllegalArgumentException().isThrownBy(() -> StoreUrl.parse("postgres://u:hunter2@host:port/db"))
                .withMessageNotContaining("hunter2").withMessageContaining("u:***@");
        assertThatIllegalArgumentException().isThrownBy(() -> StoreUrl.parse("postgres://host/db?password=hunter2&x"))
                .withMessageNotContaining("hunter2");
        assertThatIllegalArgumentException().isThrownBy(() -> StoreUrl.parse("mysql://u:hunter2@h/db"))
                .withMessageNotContaining("hunter2");
    }

    @Test
    void openingAMalformedUrlIsAnIllegalArgument() {
        assertThatIllegalArgumentException().isThrownBy(() -> Store.open("redis://localhost"))
                .withMessageContaining("unknown scheme");
    }

    @Test
    void anUnreachablePostgresIsAStoreExceptionWithoutThePassword() {
        assertThatThrownBy(() -> Store.open("postgres://hallmark:hunter2@127.0.0.1:1/hallmark"))
                .isInstanceOf(StoreException.class).hasMessageContaining("could not connect")
                .hasMessageContaining("127.0.0.1:1")
                .hasMessageNotContaining("hunter2");
    }
}
