package dev.hallmark.cli;

import dev.hallmark.jwk.Jwk;
import dev.hallmark.server.issue.PasswordHasher;
import dev.hallmark.server.issue.SecretTokens;
import dev.hallmark.server.store.AccessTokenRecord;
import dev.hallmark.server.store.ClientRecord;
import dev.hallmark.server.store.RefreshTokenRecord;
import dev.hallmark.server.store.SigningKeyRecord;
import dev.hallmark.server.store.Store;
import dev.hallmark.server.store.UserRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.hallmark.cli.CliAssertions.assertSuccess;
import static dev.hallmark.cli.CliAssertions.assertUsageError;
import static dev.hallmark.cli.CliAssertions.assertUsageErrorStartingWith;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code hallmark admin ...} in-process against a SQLite store in a temporary data directory. */
class AdminCommandTest {

    @TempDir
    Path dir;

    private Cli.Result admin(String... args) {
        return Cli.run(withData(args));
    }

    private String[] withData(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "admin";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--data";
        all[args.length + 2] = dir.toString();
        return all;
    }

    private Store store() {
        return Store.open("sqlite:" + dir.resolve("hallmark.db"));
    }

    private static Map<String, String> fields(Cli.Result r) {
        return r.outLines().stream().filter(l -> l.contains(": "))
                .collect(Collectors.toMap(l -> l.substring(0, l.indexOf(": ")), l -> l.substring(l.indexOf(": ") + 2)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin", "admin users", "admin users add", "admin users list", "admin users disable",
        "admin users set-password", "admin clients", "admin clients add", "admin clients list",
        "admin clients rotate-secret", "admin clients disable", "admin keys", "admin keys list", "admin keys rotate",
        "admin revoke"})
    void everyAdminCommandHasHelpWithAnExampleAndTheExitCodes(String command) {
        String[] args = (command + " --help").split(" ");
        Cli.Result r = assertSuccess(Cli.run(args));
        assertThat(r.outLines().get(0)).startsWith("Usage: hallmark " + command + " ");
        assertThat(r.outLines()).contains("Examples:");
        assertThat(r.outLines()).anyMatch(l -> l.startsWith("  hallmark " + command.split(" ")[0] + " ")
                || l.contains("| hallmark admin"));
        assertThat(r.out()).contains("Exit codes: 0 ");
    }

    @Test
    void adminWithoutSubcommandIsAUsageError() {
        Cli.Result r = Cli.run("admin");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("Usage: hallmark admin");
    }

    @Test
    void usersAddWithGeneratedPasswordPrintsItOnceAndStoresOnlyItsHash() {
        Cli.Result r = assertSuccess(admin("users", "add", "alice", "--role", "admin", "--role", "user"));
        Map<String, String> f = fields(r);
        assertThat(r.outLines()).hasSize(2);
        assertThat(f).containsKeys("user_id", "password");
        try (Store st = store()) {
            UserRecord u = st.users().findByUsername("alice").orElseThrow();
            assertThat(u.userId()).isEqualTo(f.get("user_id"));
            assertThat(u.roles()).containsExactlyInAnyOrder("admin", "user");
            assertThat(u.passwordHash()).startsWith("$argon2id$").doesNotContain(f.get("password"));
            assertThat(new PasswordHasher().verify(f.get("password").toCharArray(), u.passwordHash())).isTrue();
        }
    }

    @Test
    void usersAddAndSetPasswordReadThePasswordFromStdin() {
        Cli.Result r = assertSuccess(Cli.withStdin("correct horse\n").exec(withData("users", "add", "bob",
                "--password-stdin")));
        assertThat(r.outLines()).hasSize(1).allMatch(l -> l.startsWith("user_id: "));
        assertSuccess(Cli.withStdin("battery staple\r\n").exec(withData("users", "set-password", "bob",
                "--password-stdin")));
        try (Store st = store()) {
            String hash = st.users().findByUsername("bob").orElseThrow().passwordHash();
            assertThat(new PasswordHasher().verify("battery staple".toCharArray(), hash)).isTrue();
            assertThat(new PasswordHasher().verify("correct horse".toCharArray(), hash)).isFalse();
        }
    }

    @Test
    void usersListShowsNoHashesAndDisableMarksTheUser() {
        assertSuccess(admin("users", "add", "alice", "--role", "admin"));
        assertSuccess(admin("users", "add", "bob"));
        assertThat(assertSuccess(admin("users", "disable", "bob")).out()).isEqualTo("disabled: bob\n");
        Cli.Result r = assertSuccess(admin("users", "list"));
        assertThat(r.outLines()).hasSize(3);
        assertThat(r.outLines().get(0)).matches("ID +USERNAME +ROLES +DISABLED");
        assertThat(r.outLines().get(1)).matches(".* +alice +admin +false");
        assertThat(r.outLines().get(2)).matches(".* +bob +- +true");
        assertThat(r.out()).doesNotContain("argon2");
    }

    @Test
    void unknownOrDuplicateUsersAreUsageErrors() {
        assertUsageError(admin("users", "disable", "nobody"), "error: no user 'nobody'");
        assertUsageError(admin("users", "set-password", "nobody"), "error: no user 'nobody'");
        assertUsageError(admin("revoke", "--user", "nobody"), "error: no user 'nobody'");
        assertSuccess(admin("users", "add", "alice"));
        assertUsageError(admin("users", "add", "alice"), "error: user 'alice' exists already");
        assertUsageError(Cli.withStdin("").exec(withData("users", "add", "carol", "--password-stdin")),
                "error: --password-stdin: no password on stdin");
    }

    @Test
    void clientsAddPrintsExactlyTheIdAndA256BitSecretStoredAsAHash() {
        Cli.Result r = assertSuccess(admin("clients", "add", "billing", "--first-party", "--scope", "read",
                "--scope", "write", "--audience", "api"));
        assertThat(r.outLines()).hasSize(2);
        assertThat(r.outLines().get(0)).startsWith("client_id: ");
        assertThat(r.outLines().get(1)).matches("client_secret: [A-Za-z0-9_-]{43}");
        Map<String, String> f = fields(r);
        try (Store st = store()) {
            ClientRecord c = st.clients().find(f.get("client_id")).orElseThrow();
            assertThat(c.name()).isEqualTo("billing");
            assertThat(c.firstParty()).isTrue();
            assertThat(c.scopes()).containsExactlyInAnyOrder("read", "write");
            assertThat(c.audiences()).containsExactly("api");
            assertThat(c.jwks()).isNull();
            assertThat(SecretTokens.matches(f.get("client_secret"), c.secretHash())).isTrue();
        }
    }

    @Test
    void clientsRotateSecretListAndDisable() {
        Map<String, String> f = fields(assertSuccess(admin("clients", "add", "web", "--scope", "read")));
        String id = f.get("client_id");
        Cli.Result rotated = assertSuccess(admin("clients", "rotate-secret", id));
        assertThat(rotated.outLines()).hasSize(1);
        String secret = fields(rotated).get("client_secret");
        assertThat(secret).hasSize(43).isNotEqualTo(f.get("client_secret"));
        assertSuccess(admin("clients", "disable", id));
        try (Store st = store()) {
            ClientRecord c = st.clients().find(id).orElseThrow();
            assertThat(SecretTokens.matches(secret, c.secretHash())).isTrue();
            assertThat(SecretTokens.matches(f.get("client_secret"), c.secretHash())).isFalse();
            assertThat(c.disabled()).isTrue();
        }
        Cli.Result list = assertSuccess(admin("clients", "list"));
        assertThat(list.outLines()).hasSize(2);
        assertThat(list.outLines().get(1)).startsWith(id).contains("web").contains("secret").endsWith("true");
        assertThat(list.out()).doesNotContain(secret).doesNotContain("sha256$");
        assertUsageError(admin("clients", "rotate-secret", "nope"), "error: no client 'nope'");
        assertUsageError(admin("clients", "disable", "nope"), "error: no client 'nope'");
        assertUsageError(admin("revoke", "--client", "nope"), "error: no client 'nope'");
    }

    @Test
    void clientsAddWithAPublicJwksRegistersItAndRefusesPrivateKeys() throws Exception {
        String privateJwk = assertSuccess(Cli.run("keygen", "--alg", "ES256", "--kid", "k1")).out().trim();
        Path publicSet = dir.resolve("public.json");
        Files.writeString(publicSet, "{\"keys\":[" + Jwk.parse(privateJwk).toPublicJwk().toPublicJson() + "]}");
        Path privateSet = dir.resolve("private.json");
        Files.writeString(privateSet, "{\"keys\":[" + privateJwk + "]}");

        Cli.Result r = assertSuccess(admin("clients", "add", "batch", "--jwks", publicSet.toString(), "--no-secret"));
        assertThat(r.outLines()).hasSize(1);
        String id = fields(r).get("client_id");
        try (Store st = store()) {
            ClientRecord c = st.clients().find(id).orElseThrow();
            assertThat(c.secretHash()).isNull();
            assertThat(c.jwks()).contains("\"k1\"").doesNotContain("\"d\"");
        }
        assertThat(assertSuccess(admin("clients", "add", "both", "--jwks", publicSet.toString())).outLines())
                .hasSize(2);
        assertUsageErrorStartingWith(admin("clients", "add", "bad", "--jwks", privateSet.toString()),
                "error: --jwks: " + privateSet + " holds a private or symmetric key (kid k1)");
        Files.writeString(privateSet, "{\"keys\":");
        assertUsageErrorStartingWith(admin("clients", "add", "bad", "--jwks", privateSet.toString()),
                "error: --jwks: " + privateSet + " is not a usable JWK Set");
        assertUsageErrorStartingWith(admin("clients", "add", "bad", "--no-secret"), "error: --no-secret needs --jwks");
    }

    @Test
    void keysRotateOnAnEmptyStoreCreatesTheFirstKeyThenPublishesASuccessor() {
        Cli.Result first = assertSuccess(admin("keys", "rotate"));
        assertThat(first.out()).contains("signs from: now");
        String firstKid = fields(first).get("kid");
        assertThat(Files.exists(dir.resolve("master.key"))).isTrue();

        java.time.Instant later = Cli.NOW.plus(java.time.Duration.ofDays(1));
        Cli.Result second = assertSuccess(Cli.cli().at(later).exec(withData("keys", "rotate")));
        Map<String, String> f = fields(second);
        assertThat(f.get("kid")).isNotEqualTo(firstKid);
        assertThat(f.get("alg")).isEqualTo("ES256");
        assertThat(f.get("signs from")).isEqualTo(later.plus(java.time.Duration.ofHours(1)).toString());

        Cli.Result list = assertSuccess(admin("keys", "list"));
        assertThat(list.outLines()).hasSize(3);
        assertThat(list.outLines().get(0)).matches("KID +ALG +STATE +CREATED +ACTIVATE-AFTER +RETIRED +DELETE-AFTER");
        assertThat(list.outLines().get(1)).startsWith(firstKid).contains(" ACTIVE ");
        assertThat(list.outLines().get(2)).startsWith(f.get("kid")).contains(" PUBLISHED ").contains(f.get("signs from"));
        try (Store st = store()) {
            assertThat(st.keys().list()).extracting(SigningKeyRecord::state)
                    .containsExactly(SigningKeyRecord.State.ACTIVE, SigningKeyRecord.State.PUBLISHED);
        }
    }

    @Test
    void revokeByJtiUserAndClientPrintCounts() {
        Map<String, String> user = fields(assertSuccess(admin("users", "add", "alice")));
        Map<String, String> client = fields(assertSuccess(admin("clients", "add", "web")));
        String userId = user.get("user_id");
        String clientId = client.get("client_id");
        java.time.Instant exp = Cli.NOW.plusSeconds(900);
        try (Store st = store()) {
            for (String jti : List.of("a1", "a2", "a3")) {
                st.revocations().recordIssued(new AccessTokenRecord(jti, clientId, userId, "fam", "", "api", Cli.NOW, exp));
            }
            st.refreshTokens().insert(new RefreshTokenRecord(SecretTokens.hash("r1"), "fam", clientId, userId, "",
                    Cli.NOW, Cli.NOW.plusSeconds(3600), RefreshTokenRecord.State.ACTIVE, null, null));
        }
        assertThat(assertSuccess(admin("revoke", "--jti", "a1")).out()).isEqualTo("revoked access tokens: 1\n");
        assertThat(assertSuccess(admin("revoke", "--user", "alice")).outLines())
                .containsExactly("revoked access tokens: 2", "revoked refresh tokens: 1");
        assertThat(assertSuccess(admin("revoke", "--client", clientId)).outLines())
                .containsExactly("revoked access tokens: 0", "revoked refresh tokens: 0");
        try (Store st = store()) {
            assertThat(st.revocations().isRevoked("a3")).isTrue();
        }
        assertUsageError(admin("revoke", "--jti", "unknown"), "error: no issued access token with jti 'unknown'");
        assertThat(admin("revoke").exitCode()).isEqualTo(2);
        assertThat(admin("revoke", "--jti", "a1", "--user", "alice").exitCode()).isEqualTo(2);
    }

    @Test
    void theStoreComesFromHallmarkVariablesLikeServe() {
        Cli env = Cli.cli().env(Map.of("HALLMARK_DATA_DIR", dir.toString()));
        assertSuccess(env.exec("admin", "users", "add", "viaenv"));
        assertThat(assertSuccess(admin("users", "list")).out()).contains("viaenv");
        assertThat(assertSuccess(env.exec("admin", "users", "list")).out()).contains("viaenv");
    }

    @Test
    void aConfigurationProblemIsAUsageError() {
        Cli.Result r = Cli.run("admin", "users", "list", "--store", "mysql://nope");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("error: ");
    }
}
