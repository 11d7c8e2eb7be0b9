package dev.hallmark.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The configuration file is parsed defensively: no object construction, duplicate keys refused, aliases and size
 * bounded, parser messages reduced to position and problem so a secret on the offending line is not repeated.
 */
class YamlFileTest {

    private static final String MASTER_KEY = "q83vEjRWeJASNFZ4kKvN7xI0VniQq83vEjRWeJASNFY";

    @TempDir
    Path dir;

    private Path file;

    private List<String> problemsOf(String yaml) throws Exception {
        file = dir.resolve("hallmark.yaml");
        Files.writeString(file, yaml);
        return problemsOfFile();
    }

    private List<String> problemsOfFile() {
        try {
            ConfigLoader.load(Optional.of(file), Map.of(), Map.of());
            return List.of();
        } catch (ConfigException e) {
            return e.problems();
        }
    }

    @Test
    void duplicateKeysAreRefused() throws Exception {
        assertThat(problemsOf("demo: true\ndemo: false\n")).singleElement().asString()
                .startsWith("config file " + file + ": line 2").contains("duplicate key demo");
        assertThat(problemsOf("server:\n  port: 1\n  port: 2\n")).singleElement().asString()
                .contains("duplicate key port");
        assertThat(problemsOf("server:\n  port: 1\nserver:\n  host: a\n")).singleElement().asString()
                .contains("duplicate key server");
    }

    @Test
    void duplicateSecretKeyDoesNotRepeatTheSecret() throws Exception {
        assertThat(problemsOf("master-key: " + MASTER_KEY + "\nmaster-key: " + MASTER_KEY + "\n"))
                .singleElement().asString().contains("duplicate key master-key").doesNotContain(MASTER_KEY);
    }

    @Test
    void syntaxErrorsGivePositionWithoutQuotingTheLine() throws Exception {
        List<String> problems = problemsOf("master-key: " + MASTER_KEY + "\nserver: [unclosed\n");
        assertThat(problems).singleElement().asString()
                .startsWith("config file " + file + ": line ")
                .doesNotContain(MASTER_KEY);
        assertThat(problemsOf("issuer: 'unterminated\n")).singleElement().asString().contains("line ");
        assertThat(problemsOf("server:\n\tport: 1\n")).singleElement().asString().contains("line 2");
    }

    @Test
    @Timeout(10)
    void billionLaughsIsStoppedByTheAliasLimit() throws Exception {
        StringBuilder yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 12; i++) {
            yaml.append("a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 10; j++) {
                yaml.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            yaml.append("]\n");
        }
        assertThat(problemsOf(yaml.toString())).singleElement().asString()
                .contains("aliases").contains("max=" + YamlFile.MAX_COLLECTION_ALIASES);
    }

    @Test
    void aFewAliasesAreFine() throws Exception {
        // anchors on scalars are ordinary YAML; the value still has to be right for the key
        assertThat(problemsOf("tokens:\n  access-lifetime: &short 5m\nlogin:\n  lockout: *short\n")).isEmpty();
        ServerConfig c = ConfigLoader.load(Optional.of(file), Map.of(), Map.of());
        assertThat(c.login().lockout()).isEqualTo(c.tokens().accessLifetime());
    }

    @Test
    void recursiveStructuresAreRefused() throws Exception {
        assertThat(problemsOf("&a [*a]\n")).isNotEmpty();
        assertThat(problemsOf("server: &s {host: *s}\n")).isNotEmpty();
    }

    @Test
    void tagsConstructNothing() throws Exception {
        List<String> problems = problemsOf("""
                issuer: !!java.net.URL https://example.com
                demo: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL ["http://x"]]]]
                """);
        assertThat(problems).isNotEmpty().allSatisfy(p -> assertThat(p).startsWith("config file " + file));
        assertThat(problemsOf("server: !custom {port: 1}\n")).isNotEmpty();
    }

    @Test
    void explicitTagsThatFailToConvertDoNotQuoteTheValue() throws Exception {
        for (String tag : List.of("!!int", "!!float", "!!bool", "!!binary", "!!null", "!!map", "!!seq",
                "!!timestamp")) {
            assertThat(problemsOf("master-key: " + tag + " " + MASTER_KEY + "\n")).as(tag)
                    .isNotEmpty()
                    .allSatisfy(p -> assertThat(p).doesNotContain(MASTER_KEY)
                            .doesNotContain(MASTER_KEY.substring(0, 6)));
        }
    }

    @Test
    void oneDocumentOnly() throws Exception {
        assertThat(problemsOf("demo: true\n---\ndemo: false\n")).singleElement().asString().contains("single");
    }

    @Test
    void topLevelMustBeAMapping() throws Exception {
        assertThat(problemsOf("- demo\n- true\n")).singleElement().asString()
                .isEqualTo("config file " + file + ": the top level must be a mapping of keys to values");
        assertThat(problemsOf("just a string\n")).singleElement().asString().contains("top level");
    }

    @Test
    void fileLargerThanTheCapIsNotParsed() throws Exception {
        file = dir.resolve("huge.yaml");
        byte[] content = ("# " + "x".repeat(YamlFile.MAX_BYTES) + "\n").getBytes(StandardCharsets.US_ASCII);
        Files.write(file, content);
        assertThat(problemsOfFile()).singleElement().asString().contains("larger than 1048576 bytes");
    }

    @Test
    void fileJustUnderTheCapIsRead() throws Exception {
        file = dir.resolve("big.yaml");
        String comment = "# " + "x".repeat(YamlFile.MAX_BYTES - 100) + "\n";
        Files.writeString(file, comment + "demo: true\n");
        assertThat(problemsOfFile()).isEmpty();
    }

    @Test
    void textMustBeUtf8AndAByteOrderMarkIsAccepted() throws Exception {
        file = dir.resolve("latin1.yaml");
        Files.write(file, "tokens:\n  audience: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(problemsOfFile()).singleElement().asString().endsWith("not UTF-8 text");

        Files.write(file, ("\uFEFFtokens:\n  audience: caf\u00e9\n").getBytes(StandardCharsets.UTF_8));
        assertThat(ConfigLoader.load(Optional.of(file), Map.of(), Map.of()).tokens().audience()).isEqualTo("café");
    }

    @Test
    void missingFileIsAProblemNotAnException() {
        file = dir.resolve("missing.yaml");
        assertThat(problemsOfFile()).containsExactly("config file " + file + ": no such file");
    }

    @Test
    void directoryIsNotAFile() {
        file = dir;
        assertThat(problemsOfFile()).singleElement().asString().contains("cannot be read");
    }

    @Test
    void unreadableFileIsReported() throws Exception {
        file = dir.resolve("secret.yaml");
        Files.writeString(file, "demo: true\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        List<String> problems = problemsOfFile();
        if (Files.isReadable(file)) {
            assertThat(problems).isEmpty(); // running as root: permissions do not stop reading
        } else {
            assertThat(problems).containsExactly("config file " + file + ": permission denied");
        }
    }

    @Test
    void fileProblemsDoNotHideOtherProblems() throws Exception {
        file = dir.resolve("missing.yaml");
        try {
            ConfigLoader.load(Optional.of(file), Map.of("HALLMARK_SERVER_PORT", "x"), Map.of("demo", "maybe"));
        } catch (ConfigException e) {
            assertThat(e.problems()).hasSize(3);
            return;
        }
        throw new AssertionError("expected a ConfigException");
    }

    @Test
    void yamlOneOneBooleansAreNotBooleans() throws Exception {
        // the JSON schema: only true and false are booleans, so "no" cannot silently mean false
        assertThat(problemsOf("cookies:\n  secure: no\n")).singleElement().asString()
                .contains("got the string 'no'");
        assertThat(problemsOf("cookies:\n  secure: False\n")).singleElement().asString()
                .contains("true or false");
    }
}
