package dev.hallmark.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Validation: every problem is reported at once, each naming its key and source; nothing invalid builds a
 * {@link ServerConfig}; secrets never appear in messages.
 */
class ConfigValidationTest {

    @TempDir
    Path dir;

    private static List<String> problemsWithFlags(String... keysAndValues) {
        Map<String, String> flags = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            flags.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return problems(Optional.empty(), Map.of(), flags);
    }

    private static List<String> problems(Optional<Path> file, Map<String, String> env, Map<String, String> flags) {
        try {
            ConfigLoader.load(file, env, flags);
        } catch (ConfigException e) {
            assertThat(e.getMessage()).contains(e.problems().get(0));
            return e.problems();
        }
        throw new AssertionError("expected a ConfigException");
    }

    private List<String> problemsInFile(String yaml) throws Exception {
        Path file = dir.resolve("hallmark.yaml");
        Files.writeString(file, yaml);
        return problems(Optional.of(file), Map.of(), Map.of());
    }

    // --- all at once ---

    @Test
    void everyProblemFromEverySourceIsReportedTogether() throws Exception {
        Path file = dir.resolve("hallmark.yaml");
        Files.writeString(file, """
                server:
                  prot: 8080
                  max-body-bytes: lots
                tokens:
                  access-lifetime: 2d
                keys:
                  algorithm: HS256
                issuer: ftp://example.com
                """);
        Map<String, String> env = Map.of("HALLMARK_LOGIN_LOCKOUT", "0s", "HALLMARK_DEMOO", "true");
        Map<String, String> flags = Map.of("cookies.secure", "yes", "jwks.maxage", "1m");

        ConfigException e = (ConfigException) catchThrowable(() -> ConfigLoader.load(Optional.of(file), env, flags));

        assertThat(e.problems()).hasSize(9);
        assertThat(e.getMessage()).startsWith("9 configuration problems:");
        assertThat(e.problems()).anySatisfy(p -> assertThat(p)
                .contains("unknown key 'server.prot'").contains("did you mean 'server.port'?"));
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("server.max-body-bytes (file " + file));
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("tokens.access-lifetime (file")
                .contains("at most 1 day"));
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("keys.algorithm (file")
                .contains("ES256, ES384, ES512, EdDSA, RS256, PS256"));
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("issuer (file").contains("http or https"));
        assertThat(e.problems()).anySatisfy(p -> assertThat(p)
                .startsWith("login.lockout (env HALLMARK_LOGIN_LOCKOUT)").contains("longer than zero"));
        assertThat(e.problems()).anySatisfy(p -> assertThat(p)
                .contains("HALLMARK_DEMOO").contains("did you mean HALLMARK_DEMO?"));
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("cookies.secure (flag)")
                .contains("true or false").contains("'yes'"));
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains("unknown flag 'jwks.maxage'"));
        // every problem is on its own line of the message
        for (String p : e.problems()) {
            assertThat(e.getMessage()).contains("\n  - " + p);
        }
        assertThat(e.problems()).isUnmodifiable();
    }

    @Test
    void unknownFlagIsReportedWithASuggestion() {
        assertThat(problemsWithFlags("jwks.maxage", "1m"))
                .singleElement().asString().contains("unknown flag 'jwks.maxage'").contains("'jwks.max-age'");
        assertThat(problemsWithFlags("completely-different", "1"))
                .singleElement().asString().contains("unknown flag").doesNotContain("did you mean");
    }

    @Test
    void singleProblemMessage() {
        ConfigException e = (ConfigException) catchThrowable(() -> ConfigLoader.load(Optional.empty(), Map.of(),
                Map.of("server.port", "x")));
        assertThat(e.getMessage()).isEqualTo("1 configuration problem:\n  - " + e.problems().get(0));
    }

    // --- unknown keys ---

    @Test
    void unknownKeysInTheFileAreTypos() throws Exception {
        assertThat(problemsInFile("""
                issuer: https://a.example
                tokens:
                  acess-lifetime: 5m
                sever:
                  port: 1
                masterkey: x
                """)).containsExactly(
                        "config file " + dir.resolve("hallmark.yaml") + ": unknown key 'tokens.acess-lifetime'; "
                                + "did you mean 'tokens.access-lifetime'?",
                        "config file " + dir.resolve("hallmark.yaml") + ": unknown key 'sever'; did you mean "
                                + "'server'?",
                        "config file " + dir.resolve("hallmark.yaml") + ": unknown key 'masterkey'; did you mean "
                                + "'master-key'?");
    }

    @Test
    void dottedNamesInTheFileAreRefused() throws Exception {
        assertThat(problemsInFile("server.port: 9000\n")).singleElement().asString()
                .contains("'server.port'").contains("nested mappings");
    }

    @Test
    void sectionsMustBeMappingsAndLeavesMustNot() throws Exception {
        List<String> problems = problemsInFile("""
                server: 8080
                tokens:
                  access-lifetime:
                    minutes: 5
                keys: [ES256]
                """);
        assertThat(problems).hasSize(3);
        // file structure first, then values in key order
        assertThat(problems.get(0)).contains("'server' must be a mapping").contains("server.host");
        assertThat(problems.get(1)).contains("'keys' must be a mapping").contains("a list");
        assertThat(problems.get(2)).startsWith("tokens.access-lifetime").contains("got a mapping");
    }

    @Test
    void nonStringKeysAreRefused() throws Exception {
        assertThat(problemsInFile("1: one\ntrue: yes\n")).hasSize(2)
                .allSatisfy(p -> assertThat(p).contains("is not a string"));
    }

    @Test
    void unknownHallmarkEnvironmentVariableIsATypo() {
        List<String> problems = problems(Optional.empty(),
                Map.of("HALLMARK_MASTERKEY", "x", "HALLMARK_SERVER_PROT", "1"), Map.of());
        assertThat(problems).containsExactly(
                "environment variable HALLMARK_MASTERKEY is not a Hallmark setting; did you mean HALLMARK_MASTER_KEY? "
                        + "(unset it, or see docs/server.md for the names)",
                "environment variable HALLMARK_SERVER_PROT is not a Hallmark setting; did you mean "
                        + "HALLMARK_SERVER_PORT? (unset it, or see docs/server.md for the names)");
    }

    // --- types ---

    @Test
    void wrongTypesInTheFile() throws Exception {
        List<String> problems = problemsInFile("""
                server:
                  port: "8080"
                  max-body-bytes: 1.5
                tokens:
                  include-roles: "true"
                  refresh-lifetime: 30
                  audience: 42
                cookies:
                  secure: yes
                demo: null
                """);
        assertThat(problems).containsExactly(
                "server.port (file " + dir.resolve("hallmark.yaml")
                        + "): must be a whole number from 0 to 65535, got the string '8080'",
                "server.max-body-bytes (file " + dir.resolve("hallmark.yaml")
                        + "): must be a whole number from 1024 to 16777216, got the number '1.5'",
                "tokens.refresh-lifetime (file " + dir.resolve("hallmark.yaml") + "): must be "
                        + "a duration such as 30s, 15m, 2h or 30d (or ISO-8601 like PT15M), got the number '30' "
                        + "(a number needs a unit: s, m, h or d)",
                "tokens.audience (file " + dir.resolve("hallmark.yaml") + "): must be a string, got the number '42'",
                "tokens.include-roles (file " + dir.resolve("hallmark.yaml")
                        + "): must be true or false, got the string 'true'",
                "cookies.secure (file " + dir.resolve("hallmark.yaml")
                        + "): must be true or false, got the string 'yes'",
                "demo (file " + dir.resolve("hallmark.yaml") + "): must be true or false, got no value");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "server.port            | eighty",
        "server.port            | 80.0",
        "server.port            | 0x50",
        "server.port            | ''",
        "server.port            | 99999999999999999999999",
        "server.max-body-bytes  | 64k",
        "demo                   | TRUE",
        "demo                   | 1",
        "demo                   | on",
        "cookies.secure         | ''",
        "tokens.access-lifetime | 15",
        "tokens.access-lifetime | 15 m",
        "tokens.access-lifetime | 15min",
        "tokens.access-lifetime | 1h30m",
        "tokens.access-lifetime | 1.5h",
        "tokens.access-lifetime | 15M",
        "tokens.access-lifetime | PT",
        "tokens.access-lifetime | P1W",
        "tokens.access-lifetime | 9999999999d",
        "keys.algorithm         | es256",
        "keys.algorithm         | HS256",
        "keys.algorithm         | none",
        "keys.algorithm         | ES256K",
        "keys.algorithm         | ''",
        "server.host            | ''",
        "server.host            | http://localhost",
        "server.host            | [::1]",
        "server.host            | local host",
        "data-dir               | ''",
        "data-dir               | '   '",
        "tokens.audience        | ''"
    })
    void wrongValuesFromText(String key, String value) {
        assertThat(problemsWithFlags(key, value)).singleElement().asString().startsWith(key + " (flag): ");
    }

    // --- ranges ---

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "server.port                    | -1",
        "server.port                    | 65536",
        "server.max-body-bytes          | 1023",
        "server.max-body-bytes          | 16777217",
        "tokens.access-lifetime         | 0s",
        "tokens.access-lifetime         | 0",
        "tokens.access-lifetime         | -PT1M",
        "tokens.access-lifetime         | 25h",
        "tokens.access-lifetime         | P1DT1S",
        "tokens.refresh-lifetime        | 0s",
        "tokens.refresh-grace           | -PT1S",
        "keys.rotation-interval         | 0s",
        "keys.publish-ahead             | -PT1H",
        "jwks.max-age                   | -PT1S",
        "login.max-failures-per-account | 0",
        "login.max-failures-per-ip      | 0",
        "login.max-failures-per-ip      | 1000001",
        "login.lockout                  | 0s"
    })
    void outOfRange(String key, String value) {
        assertThat(problemsWithFlags(key, value)).singleElement().asString().startsWith(key + " (flag): ");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "server.port                    | 0",
        "server.port                    | 65535",
        "server.max-body-bytes          | 1024",
        "server.max-body-bytes          | 16777216",
        "tokens.access-lifetime         | 1s",
        "tokens.access-lifetime         | 1d",
        "tokens.access-lifetime         | 24h",
        "tokens.access-lifetime         | PT24H",
        "tokens.refresh-grace           | 0",
        "jwks.max-age                   | 0s",
        "login.max-failures-per-account | 1",
        "login.max-failures-per-ip      | 1000000"
    })
    void boundariesAreAccepted(String key, String value) {
        assertThat(ConfigLoaderTest.flags(key, value)).isNotNull();
    }

    // --- rules between keys ---

    @Test
    void refreshGraceMustBeShorterThanTheRefreshLifetime() {
        assertThat(problemsWithFlags("tokens.refresh-lifetime", "1h", "tokens.refresh-grace", "1h"))
                .containsExactly("tokens.refresh-grace (flag): must be shorter than tokens.refresh-lifetime (1h), "
                        + "got 1h");
        assertThat(problemsWithFlags("tokens.refresh-grace", "30d")).singleElement().asString()
                .contains("(30d)");
        assertThat(ConfigLoaderTest.flags("tokens.refresh-lifetime", "1h", "tokens.refresh-grace", "59m")
                .tokens().refreshGrace()).hasMinutes(59);
    }

    @Test
    void publishAheadMustCoverTheJwksCacheTime() {
        assertThat(problemsWithFlags("jwks.max-age", "2h")).containsExactly(
                "keys.publish-ahead (default): must be at least jwks.max-age (2h) so verifiers that cached the JWKS "
                        + "see a new key before it signs, got 1h");
        assertThat(problemsWithFlags("keys.publish-ahead", "5m")).singleElement().asString()
                .startsWith("keys.publish-ahead (flag)");
        assertThat(ConfigLoaderTest.flags("jwks.max-age", "2h", "keys.publish-ahead", "2h")).isNotNull();
    }

    @Test
    void rotationIntervalMustExceedPublishAhead() {
        assertThat(problemsWithFlags("keys.rotation-interval", "1h")).containsExactly(
                "keys.rotation-interval (flag): must be longer than keys.publish-ahead (1h), got 1h");
    }

    @Test
    void crossChecksAreSkippedWhenAPartIsAlreadyWrong() {
        // one problem for the bad lifetime, not a second one comparing the grace with it
        assertThat(problemsWithFlags("tokens.refresh-lifetime", "soon", "tokens.refresh-grace", "1h")).hasSize(1);
    }

    // --- URLs ---

    @ParameterizedTest
    @ValueSource(strings = {"https://auth.example.com", "http://localhost:8080", "https://example.com/tenants/a",
        "https://[::1]:8443", "https://auth.example.com:443/a/b"})
    void validIssuers(String issuer) {
        assertThat(ConfigLoaderTest.flags("issuer", issuer).issuer().toString()).isEqualTo(issuer);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ftp://example.com                | http or https",
        "HTTPS://example.com              | http or https",
        "example.com                      | http or https",
        "//example.com                    | http or https",
        "https://example.com/             | must not end with '/'",
        "https://example.com/a/           | must not end with '/'",
        "https://example.com?tenant=a     | query",
        "https://example.com#top          | fragment",
        "https://user:pw@example.com      | user information",
        "https:///path                    | must name a host",
        "https:example.com                | must name a host",
        "https://exa mple.com             | not a valid URL",
        "https://example.com/a b          | not a valid URL"
    })
    void invalidIssuers(String issuer, String reason) {
        assertThat(problemsWithFlags("issuer", issuer)).singleElement().asString()
                .startsWith("issuer (flag): ").contains(reason).doesNotContain("pw@");
    }

    @ParameterizedTest
    @ValueSource(strings = {"mysql://root:hunter2@db/hallmark", "sqlite:", "postgres://", "file:/tmp/x.db",
        "SQLITE:/tmp/x.db", "jdbc:sqlite:/tmp/x.db"})
    void unsupportedStoreUrls(String url) {
        assertThat(problemsWithFlags("store.url", url)).singleElement().asString()
                .startsWith("store.url (flag): ").doesNotContain("hunter2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite:data/hallmark.db", "sqlite:/var/lib/hallmark/hallmark.db",
        "postgres://hallmark:pw@localhost:5432/hallmark", "postgresql://localhost/hallmark",
        "jdbc:postgresql://localhost/hallmark?user=h&password=p"})
    void supportedStoreUrls(String url) {
        assertThat(ConfigLoaderTest.flags("store.url", url).store().url()).isEqualTo(url);
    }

    // --- secrets ---

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "too short (31 bytes)        | q83vEjRWeJASNFZ4kKvN7xI0VniQq83vEjRWeJASNA     | exactly 32",
        "too long (33 bytes)         | q83vEjRWeJASNFZ4kKvN7xI0VniQq83vEjRWeJASNFZ4  | exactly 32",
        "standard base64             | q83vEjRWeJASNFZ4kKvN7xI0VniQq83vEjRWeJAS+/Y   | '+' or '/'",
        "padded                      | q83vEjRWeJASNFZ4kKvN7xI0VniQq83vEjRWeJASNFY=  | padding",
        "stray bits                  | q83vEjRWeJASNFZ4kKvN7xI0VniQq83vEjRWeJASNFZ   | canonical",
        "not base64 at all           | correct horse battery staple                   | not valid base64url",
        "hex                         | 00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff | exactly 32"
    })
    void masterKeyProblemsNeverEchoTheValue(String description, String value, String reason) {
        List<String> problems = problems(Optional.empty(), Map.of("HALLMARK_MASTER_KEY", value), Map.of());
        assertThat(problems).singleElement().asString()
                .startsWith("master-key (env HALLMARK_MASTER_KEY): ")
                .contains(reason)
                .doesNotContain(value)
                .doesNotContain(value.substring(0, 8));
    }

    @Test
    void masterKeyOfTheWrongTypeInTheFileIsNotEchoed() throws Exception {
        assertThat(problemsInFile("master-key: 123456789012345678901234567890\n")).singleElement().asString()
                .startsWith("master-key (file").contains("must be a string").doesNotContain("1234567890");
    }

    @Test
    void emptyMasterKeyIsAProblemNotTheKeyFile() {
        assertThat(problemsWithFlags("master-key", "")).singleElement().asString().contains("is empty");
    }

    @Test
    void nothingInvalidIsEverBuilt() {
        assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), Map.of(), Map.of("server.port", "-1")))
                .isInstanceOf(ConfigException.class)
                .isInstanceOf(RuntimeException.class);
    }

    private static Throwable catchThrowable(org.assertj.core.api.ThrowableAssert.ThrowingCallable callable) {
        return org.assertj.core.api.Assertions.catchThrowable(callable);
    }
}
