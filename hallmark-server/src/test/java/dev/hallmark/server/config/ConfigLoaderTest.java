package dev.hallmark.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hallmark.jws.JwsAlgorithm;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link ConfigLoader}: defaults, the three sources, their precedence and the names of every key in each. */
class ConfigLoaderTest {

    private static final String MASTER_KEY = "q83vEjRWeJASNFZ4kKvN7xI0VniQq83vEjRWeJASNFY";

    @TempDir
    Path dir;

    private Path write(String name, String content) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    @Test
    void defaultsWhenNothingIsSet() {
        ServerConfig c = ConfigLoader.load(Optional.empty(), Map.of(), Map.of());

        assertThat(c.issuer()).isEqualTo(URI.create("http://127.0.0.1:8080"));
        assertThat(c.server()).isEqualTo(new ServerConfig.Server("127.0.0.1", 8080, 65536));
        assertThat(c.dataDir()).isEqualTo(Path.of("./hallmark-data"));
        assertThat(c.store().url()).isEqualTo("sqlite:" + Path.of("./hallmark-data", "hallmark.db"));
        assertThat(c.tokens().accessLifetime()).isEqualTo(Duration.ofMinutes(15));
        assertThat(c.tokens().refreshLifetime()).isEqualTo(Duration.ofDays(30));
        assertThat(c.tokens().refreshGrace()).isEqualTo(Duration.ZERO);
        assertThat(c.tokens().audience()).isEqualTo("http://127.0.0.1:8080");
        assertThat(c.tokens().includeRoles()).isTrue();
        assertThat(c.keys().algorithm()).isEqualTo(JwsAlgorithm.ES256);
        assertThat(c.keys().rotationInterval()).isEqualTo(Duration.ofDays(30));
        assertThat(c.keys().publishAhead()).isEqualTo(Duration.ofHours(1));
        assertThat(c.jwks().maxAge()).isEqualTo(Duration.ofMinutes(10));
        assertThat(c.masterKey()).isEmpty();
        assertThat(c.login()).isEqualTo(new ServerConfig.Login(5, 50, Duration.ofMinutes(15)));
        assertThat(c.cookies().secure()).isTrue();
        assertThat(c.demo()).isFalse();
    }

    @Test
    void fileSetsEveryKey() throws Exception {
        Path file = write("hallmark.yaml", """
                # every key, none at its default
                issuer: https://auth.example.com/tenant
                server:
                  host: 0.0.0.0
                  port: 9443
                  max-body-bytes: 131072
                data-dir: /var/lib/hallmark
                store:
                  url: postgres://hallmark:s3cret@db.internal:5432/hallmark
                tokens:
                  access-lifetime: 5m
                  refresh-lifetime: 7d
                  refresh-grace: 30s
                  audience: https://api.example.com
                  include-roles: false
                keys:
                  algorithm: EdDSA
                  rotation-interval: 14d
                  publish-ahead: 2h
                jwks:
                  max-age: 1h
                master-key: %s
                login:
                  max-failures-per-account: 3
                  max-failures-per-ip: 20
                  lockout: 1h
                cookies:
                  secure: false
                demo: true
                """.formatted(MASTER_KEY));

        ServerConfig c = ConfigLoader.load(Optional.of(file), Map.of(), Map.of());

        assertThat(c.issuer()).isEqualTo(URI.create("https://auth.example.com/tenant"));
        assertThat(c.server()).isEqualTo(new ServerConfig.Server("0.0.0.0", 9443, 131072));
        assertThat(c.dataDir()).isEqualTo(Path.of("/var/lib/hallmark"));
        assertThat(c.store().url()).isEqualTo("postgres://hallmark:s3cret@db.internal:5432/hallmark");
        assertThat(c.tokens()).isEqualTo(new ServerConfig.Tokens(Duration.ofMinutes(5), Duration.ofDays(7),
                Duration.ofSeconds(30), "https://api.example.com", false));
        assertThat(c.keys()).isEqualTo(new ServerConfig.Keys(JwsAlgorithm.EdDSA, Duration.ofDays(14),
                Duration.ofHours(2)));
        assertThat(c.jwks().maxAge()).isEqualTo(Duration.ofHours(1));
        assertThat(c.masterKey()).contains(MASTER_KEY);
        assertThat(c.login()).isEqualTo(new ServerConfig.Login(3, 20, Duration.ofHours(1)));
        assertThat(c.cookies().secure()).isFalse();
        assertThat(c.demo()).isTrue();
    }

    @Test
    void jsonFileIsReadToo() throws Exception {
        Path file = write("hallmark.json", """
                {"server": {"port": 9000}, "tokens": {"access-lifetime": "PT10M", "include-roles": false},
                 "keys": {"algorithm": "RS256"}, "demo": true}
                """);
        ServerConfig c = ConfigLoader.load(Optional.of(file), Map.of(), Map.of());
        assertThat(c.server().port()).isEqualTo(9000);
        assertThat(c.tokens().accessLifetime()).isEqualTo(Duration.ofMinutes(10));
        assertThat(c.tokens().includeRoles()).isFalse();
        assertThat(c.keys().algorithm()).isEqualTo(JwsAlgorithm.RS256);
        assertThat(c.demo()).isTrue();
    }

    @Test
    void emptyFileAndEmptySectionsSetNothing() throws Exception {
        ServerConfig defaults = ConfigLoader.load(Optional.empty(), Map.of(), Map.of());
        assertThat(ConfigLoader.load(Optional.of(write("empty.yaml", "")), Map.of(), Map.of())).isEqualTo(defaults);
        assertThat(ConfigLoader.load(Optional.of(write("comments.yaml", "# nothing\n---\n")), Map.of(), Map.of()))
                .isEqualTo(defaults);
        assertThat(ConfigLoader.load(Optional.of(write("sections.yaml", "server:\ntokens:\n")), Map.of(), Map.of()))
                .isEqualTo(defaults);
    }

    @Test
    void flagsBeatEnvironmentWhichBeatsTheFile() throws Exception {
        Path file = write("hallmark.yaml", """
                server:
                  port: 1111
                  host: 10.0.0.1
                tokens:
                  access-lifetime: 1m
                demo: false
                """);
        Map<String, String> env = Map.of(
                "HALLMARK_SERVER_PORT", "2222",
                "HALLMARK_TOKENS_ACCESS_LIFETIME", "2m");
        Map<String, String> flags = Map.of("server.port", "3333");

        ServerConfig c = ConfigLoader.load(Optional.of(file), env, flags);

        assertThat(c.server().port()).isEqualTo(3333);                                  // flag
        assertThat(c.tokens().accessLifetime()).isEqualTo(Duration.ofMinutes(2));       // env over file
        assertThat(c.server().host()).isEqualTo("10.0.0.1");                            // file only
        assertThat(c.demo()).isFalse();
        assertThat(c.issuer()).isEqualTo(URI.create("http://10.0.0.1:3333"));           // derived from the winners
    }

    @Test
    void onlyTheEffectiveValueIsValidated() throws Exception {
        // the file's value is replaced before validation, so only the effective value is checked
        Path file = write("hallmark.yaml", "server:\n  port: 99999\n");
        ServerConfig c = ConfigLoader.load(Optional.of(file), Map.of("HALLMARK_SERVER_PORT", "8081"), Map.of());
        assertThat(c.server().port()).isEqualTo(8081);
    }

    /** Every key, its environment variable, a valid non-default value and how that value reads back. */
    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource(delimiter = '|', value = {
        "issuer                         | HALLMARK_ISSUER                         | https://id.example.org",
        "server.host                    | HALLMARK_SERVER_HOST                    | localhost",
        "server.port                    | HALLMARK_SERVER_PORT                    | 0",
        "server.max-body-bytes          | HALLMARK_SERVER_MAX_BODY_BYTES          | 2048",
        "data-dir                       | HALLMARK_DATA_DIR                       | /srv/hallmark",
        "store.url                      | HALLMARK_STORE_URL                      | sqlite:/tmp/x.db",
        "tokens.access-lifetime         | HALLMARK_TOKENS_ACCESS_LIFETIME         | 1h",
        "tokens.refresh-lifetime        | HALLMARK_TOKENS_REFRESH_LIFETIME        | 90d",
        "tokens.refresh-grace           | HALLMARK_TOKENS_REFRESH_GRACE           | 10s",
        "tokens.audience                | HALLMARK_TOKENS_AUDIENCE                | orders-api",
        "tokens.include-roles           | HALLMARK_TOKENS_INCLUDE_ROLES           | false",
        "keys.algorithm                 | HALLMARK_KEYS_ALGORITHM                 | PS256",
        "keys.rotation-interval         | HALLMARK_KEYS_ROTATION_INTERVAL         | 7d",
        "keys.publish-ahead             | HALLMARK_KEYS_PUBLISH_AHEAD             | 3h",
        "jwks.max-age                   | HALLMARK_JWKS_MAX_AGE                   | 5m",
        "master-key                     | HALLMARK_MASTER_KEY                     | "
                + "q83vEjRWeJASNFZ4kKvN7xI0VniQq83vEjRWeJASNFY",
        "login.max-failures-per-account | HALLMARK_LOGIN_MAX_FAILURES_PER_ACCOUNT | 10",
        "login.max-failures-per-ip      | HALLMARK_LOGIN_MAX_FAILURES_PER_IP      | 100",
        "login.lockout                  | HALLMARK_LOGIN_LOCKOUT                  | 30m",
        "cookies.secure                 | HALLMARK_COOKIES_SECURE                 | false",
        "demo                           | HALLMARK_DEMO                           | true"
    })
    void everyKeyIsSettableByEnvironmentAndByFlag(String key, String envName, String value) {
        ServerConfig defaults = ConfigLoader.load(Optional.empty(), Map.of(), Map.of());
        ServerConfig fromEnv = ConfigLoader.load(Optional.empty(), Map.of(envName, value), Map.of());
        ServerConfig fromFlag = ConfigLoader.load(Optional.empty(), Map.of(), Map.of(key, value));

        assertThat(fromEnv).isEqualTo(fromFlag).isNotEqualTo(defaults);
        assertThat(ConfigKey.byName(key).orElseThrow().envName()).isEqualTo(envName);
    }

    @Test
    void theTableAboveCoversEveryKey() {
        assertThat(ConfigKey.values()).hasSize(21);
    }

    @Test
    void unrelatedEnvironmentIsIgnored() {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", "/usr/bin");
        env.put("HOME", "/root");
        env.put("hallmark_server_port", "1");        // not our prefix: names are case-sensitive
        env.put("XHALLMARK_SERVER_PORT", "1");
        env.put(ConfigLoader.LAUNCHER_JAVA_VARIABLE, "/opt/jdk/bin/java");
        ServerConfig c = ConfigLoader.load(Optional.empty(), env, Map.of());
        assertThat(c.server().port()).isEqualTo(8080);
    }

    @Test
    void issuerDefaultFollowsHostAndPort() {
        assertThat(flags("server.host", "localhost", "server.port", "9000").issuer())
                .isEqualTo(URI.create("http://localhost:9000"));
        assertThat(flags("server.host", "0.0.0.0").issuer()).isEqualTo(URI.create("http://127.0.0.1:8080"));
        assertThat(flags("server.host", "::").issuer()).isEqualTo(URI.create("http://127.0.0.1:8080"));
        assertThat(flags("server.host", "::1").issuer()).isEqualTo(URI.create("http://[::1]:8080"));
    }

    @Test
    void audienceDefaultsToTheIssuer() {
        assertThat(flags("issuer", "https://auth.example.com").tokens().audience())
                .isEqualTo("https://auth.example.com");
        assertThat(flags("issuer", "https://auth.example.com", "tokens.audience", "api").tokens().audience())
                .isEqualTo("api");
    }

    @Test
    void storeUrlDefaultFollowsTheDataDirectory() {
        assertThat(flags("data-dir", "/srv/data").store().url()).isEqualTo("sqlite:/srv/data/hallmark.db");
        assertThat(flags("data-dir", "/srv/data", "store.url", "postgres://h/db").store().url())
                .isEqualTo("postgres://h/db");
    }

    @Test
    void portZeroThenBoundPortUpdatesDerivedValuesOnly() {
        ServerConfig c = flags("server.port", "0");
        assertThat(c.server().port()).isZero();
        assertThat(c.issuer()).isEqualTo(URI.create("http://127.0.0.1:0"));

        ServerConfig bound = c.withBoundPort(41234);
        assertThat(bound.server().port()).isEqualTo(41234);
        assertThat(bound.issuer()).isEqualTo(URI.create("http://127.0.0.1:41234"));
        assertThat(bound.tokens().audience()).isEqualTo("http://127.0.0.1:41234");
        assertThat(bound.server().maxBodyBytes()).isEqualTo(c.server().maxBodyBytes());
        assertThat(bound.keys()).isEqualTo(c.keys());

        ServerConfig explicit = flags("server.port", "0", "issuer", "https://auth.example.com",
                "tokens.audience", "api").withBoundPort(41234);
        assertThat(explicit.issuer()).isEqualTo(URI.create("https://auth.example.com"));
        assertThat(explicit.tokens().audience()).isEqualTo("api");

        ServerConfig explicitIssuerOnly = flags("server.port", "0", "issuer", "https://auth.example.com")
                .withBoundPort(41234);
        assertThat(explicitIssuerOnly.tokens().audience()).isEqualTo("https://auth.example.com");

        assertThatThrownBy(() -> c.withBoundPort(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> c.withBoundPort(65536)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void valuesFromTextAreTrimmedWhereWhitespaceCannotMatter() {
        ServerConfig c = flags("server.port", " 9000 ", "demo", "true\n", "tokens.access-lifetime", " 5m");
        assertThat(c.server().port()).isEqualTo(9000);
        assertThat(c.demo()).isTrue();
        assertThat(c.tokens().accessLifetime()).isEqualTo(Duration.ofMinutes(5));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"ES256", "ES384", "ES512", "EdDSA", "RS256", "PS256"})
    void everySupportedSigningAlgorithm(String name) {
        assertThat(flags("keys.algorithm", name).keys().algorithm().name()).isEqualTo(name);
    }

    @Test
    void nullArgumentsAreCallerMistakes() {
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of(), Map.of())).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), null, Map.of()))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), Map.of(), null))
                .isInstanceOf(NullPointerException.class);
    }

    static ServerConfig flags(String... keysAndValues) {
        Map<String, String> flags = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            flags.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return ConfigLoader.load(Optional.empty(), Map.of(), flags);
    }
}
