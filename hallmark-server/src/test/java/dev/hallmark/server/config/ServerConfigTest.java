package dev.hallmark.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ServerConfig}: redacted output for {@code --print-config} and {@code toString()}, equality. */
class ServerConfigTest {

    private static final String MASTER_KEY = "q83vEjRWeJASNFZ4kKvN7xI0VniQq83vEjRWeJASNFY";

    @TempDir
    Path dir;

    @Test
    void printedDefaults() {
        ServerConfig c = ConfigLoader.load(Optional.empty(), Map.of(), Map.of());
        assertThat(c.toRedactedYaml()).isEqualTo("""
                # Hallmark effective configuration (secrets redacted)
                # master-key: not set; the key file ./hallmark-data/master.key is used
                issuer: http://127.0.0.1:8080
                server:
                  host: 127.0.0.1
                  port: 8080
                  max-body-bytes: 65536
                data-dir: ./hallmark-data
                store:
                  url: sqlite:./hallmark-data/hallmark.db
                tokens:
                  access-lifetime: 15m
                  refresh-lifetime: 30d
                  refresh-grace: 0s
                  audience: http://127.0.0.1:8080
                  include-roles: true
                keys:
                  algorithm: ES256
                  rotation-interval: 30d
                  publish-ahead: 1h
                jwks:
                  max-age: 10m
                login:
                  max-failures-per-account: 5
                  max-failures-per-ip: 50
                  lockout: 15m
                cookies:
                  secure: true
                demo: false
                """);
    }

    @Test
    void secretsAreRedactedInPrintedConfigAndToString() {
        ServerConfig c = ConfigLoader.load(Optional.empty(),
                Map.of("HALLMARK_MASTER_KEY", MASTER_KEY,
                        "HALLMARK_STORE_URL", "postgres://hallmark:Pa55-w0rd@db.internal:5432/hallmark"),
                Map.of());

        String yaml = c.toRedactedYaml();
        assertThat(yaml)
                .contains("master-key: <redacted>")
                .contains("url: postgres://hallmark:<redacted>@db.internal:5432/hallmark")
                .doesNotContain(MASTER_KEY)
                .doesNotContain("Pa55-w0rd")
                .doesNotContain("not set");
        assertThat(c.toString())
                .contains("master-key=<redacted>")
                .contains("store.url=postgres://hallmark:<redacted>@db.internal:5432/hallmark")
                .doesNotContain(MASTER_KEY)
                .doesNotContain("Pa55-w0rd");
        assertThat(c.store().toString()).doesNotContain("Pa55-w0rd");
        assertThat(c.store().redactedUrl()).isEqualTo("postgres://hallmark:<redacted>@db.internal:5432/hallmark");
        // the secrets are still there for the code that needs them
        assertThat(c.masterKey()).contains(MASTER_KEY);
        assertThat(c.store().url()).contains("Pa55-w0rd");
    }

    @Test
    void passwordParametersInJdbcUrlsAreRedacted() {
        ServerConfig c = ConfigLoaderTest.flags("store.url",
                "jdbc:postgresql://db/hallmark?user=h&password=hunter2&sslpassword=x9&ssl=true");
        assertThat(c.toRedactedYaml())
                .contains("jdbc:postgresql://db/hallmark?user=h&password=<redacted>&sslpassword=<redacted>&ssl=true")
                .doesNotContain("hunter2")
                .doesNotContain("x9");
    }

    @Test
    void printedConfigReadsBackToTheSameConfiguration() throws Exception {
        ServerConfig original = ConfigLoaderTest.flags(
                "issuer", "https://auth.example.com/t1",
                "server.host", "::1",
                "server.port", "0",
                "data-dir", "/var/lib/hallmark data",
                "tokens.access-lifetime", "PT90S",
                "tokens.refresh-grace", "P1D",
                "tokens.audience", "true",
                "keys.algorithm", "EdDSA",
                "jwks.max-age", "0",
                "keys.publish-ahead", "1h",
                "login.lockout", "PT1H30M",
                "cookies.secure", "false",
                "demo", "true");
        Path file = dir.resolve("printed.yaml");
        Files.writeString(file, original.toRedactedYaml());

        ServerConfig reread = ConfigLoader.load(Optional.of(file), Map.of(), Map.of());

        assertThat(reread.toRedactedYaml()).isEqualTo(original.toRedactedYaml());
        assertThat(reread.tokens()).isEqualTo(original.tokens());
        assertThat(reread.server()).isEqualTo(original.server());
        assertThat(reread.login()).isEqualTo(original.login());
        assertThat(original.toRedactedYaml()).contains("access-lifetime: 90s").contains("lockout: 90m")
                .contains("refresh-grace: 1d").contains("audience: 'true'");
    }

    @Test
    void equalityCoversEverySetting() {
        ServerConfig a = ConfigLoaderTest.flags("server.port", "9000");
        ServerConfig b = ConfigLoaderTest.flags("server.port", "9000");
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(ConfigLoaderTest.flags("server.port", "9000", "demo", "true"));
        assertThat(a).isNotEqualTo(ConfigLoaderTest.flags("server.port", "9000", "master-key", MASTER_KEY));
        // a configured issuer equal to the derived one behaves differently on withBoundPort, so it is not equal
        assertThat(a).isNotEqualTo(ConfigLoaderTest.flags("server.port", "9000", "issuer", "http://127.0.0.1:9000"));
    }

    @Test
    void toStringListsEveryKeyOnOneLine() {
        String s = ConfigLoader.load(Optional.empty(), Map.of(), Map.of()).toString();
        assertThat(s).startsWith("ServerConfig{issuer=http://127.0.0.1:8080, server.host=127.0.0.1")
                .contains("master-key=<none>").doesNotContain("\n");
        for (String key : ConfigKey.names()) {
            assertThat(s).contains(key + "=");
        }
    }
}
