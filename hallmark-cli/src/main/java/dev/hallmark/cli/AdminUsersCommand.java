package dev.hallmark.cli;

import dev.hallmark.cli.support.CliContext;
import dev.hallmark.cli.support.ExitCode;
import dev.hallmark.cli.support.UsageException;
import dev.hallmark.server.config.ServerConfig;
import dev.hallmark.server.issue.PasswordHasher;
import dev.hallmark.server.issue.SecretTokens;
import dev.hallmark.server.store.Store;
import dev.hallmark.server.store.UserRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;

/** {@code hallmark admin users add|list|disable|set-password}. Passwords are stored only as Argon2id hashes. */
@Command(name = "users", mixinStandardHelpOptions = true,
        description = "Manages users who sign in with a password (password grant, browser login).",
        footer = {"%nExamples:",
            "  hallmark admin users add alice --role admin",
            "  printf '%%s\\n' \"$PW\" | hallmark admin users add bob --password-stdin",
            "  hallmark admin users list",
            "%nExit codes: 0 done, 2 usage (bad flags, unknown user, configuration problem), 3 internal error."})
final class AdminUsersCommand implements Callable<Integer> {

    private static final String EXIT_CODES =
            "%nExit codes: 0 done, 2 usage (bad flags, unknown or existing user, configuration problem),"
                    + " 3 internal error.";

    private final CliContext ctx;

    @Spec
    CommandSpec spec;

    AdminUsersCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE;
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Adds a user. The password is read from stdin (one line) with --password-stdin;",
                "otherwise a random one is generated and printed once as 'password: ...'.",
                "Prints 'user_id: ...' (the subject of the user's tokens)."},
            footer = {"%nExamples:",
                "  hallmark admin users add alice --role admin --role user",
                "  printf '%%s\\n' \"$PW\" | hallmark admin users add bob --password-stdin --data /var/lib/hallmark",
                EXIT_CODES})
    int add(@Parameters(paramLabel = "USERNAME", description = "Login name (unique).") String username,
            @Option(names = "--password-stdin", description = "Read the password from the first line of stdin.")
            boolean passwordStdin,
            @Option(names = "--role", paramLabel = "R", description = "A role copied into access tokens; repeatable.")
            List<String> roles,
            @Mixin AdminStoreOptions where) {
        if (username.isBlank()) {
            throw new UsageException("the username must not be empty");
        }
        ServerConfig cfg = where.load(ctx);
        String password = passwordStdin ? readPassword() : null;
        try (Store store = where.open(cfg)) {
            if (store.users().findByUsername(username).isPresent()) {
                throw new UsageException("user '" + username + "' exists already");
            }
            boolean generated = password == null;
            if (generated) {
                password = SecretTokens.newSecret();
            }
            String userId = UUID.randomUUID().toString();
            String hash = new PasswordHasher().hash(password.toCharArray());
            store.users().insert(new UserRecord(userId, username, hash,
                    roles == null ? java.util.Set.<String>of() : new LinkedHashSet<>(roles), false, ctx.clock().instant()));
            ctx.out().println("user_id: " + userId);
            if (generated) {
                ctx.out().println("password: " + password);
            }
        }
        return ExitCode.OK;
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Lists users: id, username, roles, disabled. Password hashes are never shown.",
            footer = {"%nExamples:", "  hallmark admin users list", "  hallmark admin users list --store $URL",
                EXIT_CODES})
    int list(@Mixin AdminStoreOptions where) {
        ServerConfig cfg = where.load(ctx);
        try (Store store = where.open(cfg)) {
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"ID", "USERNAME", "ROLES", "DISABLED"});
            for (UserRecord u : store.users().list().stream()
                    .sorted(java.util.Comparator.comparing(UserRecord::username)).toList()) {
                rows.add(new String[] {u.userId(), u.username(),
                    u.roles().isEmpty() ? "-" : String.join(",", new TreeSet<>(u.roles())),
                    Boolean.toString(u.disabled())});
            }
            AdminTable.print(ctx.out(), rows);
        }
        return ExitCode.OK;
    }

    @Command(name = "disable", mixinStandardHelpOptions = true,
            description = "Disables a user: sign-in is refused from now on (existing tokens: see admin revoke).",
            footer = {"%nExamples:", "  hallmark admin users disable alice && hallmark admin revoke --user alice",
                EXIT_CODES})
    int disable(@Parameters(paramLabel = "USERNAME") String username, @Mixin AdminStoreOptions where) {
        ServerConfig cfg = where.load(ctx);
        try (Store store = where.open(cfg)) {
            UserRecord user = findUser(store, username);
            store.users().disable(user.userId());
            ctx.out().println("disabled: " + username);
        }
        return ExitCode.OK;
    }

    @Command(name = "set-password", mixinStandardHelpOptions = true,
            description = {"Sets a user's password: from stdin (one line) with --password-stdin, otherwise a",
                "random one, printed once as 'password: ...'."},
            footer = {"%nExamples:", "  printf '%%s\\n' \"$PW\" | hallmark admin users set-password alice --password-stdin",
                "  hallmark admin users set-password alice", EXIT_CODES})
    int setPassword(@Parameters(paramLabel = "USERNAME") String username,
                    @Option(names = "--password-stdin", description = "Read the password from the first line of stdin.")
                    boolean passwordStdin,
                    @Mixin AdminStoreOptions where) {
        ServerConfig cfg = where.load(ctx);
        String password = passwordStdin ? readPassword() : null;
        try (Store store = where.open(cfg)) {
            UserRecord user = findUser(store, username);
            boolean generated = password == null;
            if (generated) {
                password = SecretTokens.newSecret();
            }
            store.users().updatePassword(user.userId(), new PasswordHasher().hash(password.toCharArray()));
            ctx.out().println("password set: " + username);
            if (generated) {
                ctx.out().println("password: " + password);
            }
        }
        return ExitCode.OK;
    }

    private static UserRecord findUser(Store store, String username) {
        return store.users().findByUsername(username)
                .orElseThrow(() -> new UsageException("no user '" + username + "'"));
    }

    private String readPassword() {
        try {
            String line = new BufferedReader(new InputStreamReader(ctx.in(), StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isEmpty()) {
                throw new UsageException("--password-stdin: no password on stdin");
            }
            return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
