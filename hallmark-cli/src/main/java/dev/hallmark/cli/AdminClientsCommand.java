package dev.hallmark.cli;

import dev.hallmark.JoseException;
import dev.hallmark.cli.support.CliContext;
import dev.hallmark.cli.support.ExitCode;
import dev.hallmark.cli.support.UsageException;
import dev.hallmark.jwk.Jwk;
import dev.hallmark.jwk.JwkSet;
import dev.hallmark.server.config.ServerConfig;
import dev.hallmark.server.issue.SecretTokens;
import dev.hallmark.server.store.ClientRecord;
import dev.hallmark.server.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * {@code hallmark admin clients add|list|rotate-secret|disable}. Secrets are 256-bit random, printed once, stored
 * only as hashes.
 */
@Command(name = "clients", mixinStandardHelpOptions = true,
        description = "Manages OAuth clients (client_credentials, password for first-party clients, private_key_jwt).",
        footer = {"%nExamples:",
            "  hallmark admin clients add billing --scope read --audience api",
            "  hallmark admin clients add web --first-party --scope openid",
            "  hallmark admin clients list",
            "%nExit codes: 0 done, 2 usage (bad flags, unknown client, configuration problem), 3 internal error."})
final class AdminClientsCommand implements Callable<Integer> {

    private static final String EXIT_CODES =
            "%nExit codes: 0 done, 2 usage (bad flags, unknown client, unusable JWK Set, configuration problem),"
                    + " 3 internal error.";

    private final CliContext ctx;

    @Spec
    CommandSpec spec;

    AdminClientsCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE;
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Registers a client and prints exactly the lines 'client_id: ...' and",
                "'client_secret: ...' (256-bit random, shown only now; only its hash is stored).",
                "With --jwks the client may also authenticate with private_key_jwt (RFC 7523): the file is its",
                "public JWK Set; private or symmetric keys are refused. --no-secret then registers no secret."},
            footer = {"%nExamples:",
                "  hallmark admin clients add billing --scope read --scope write --audience api",
                "  hallmark admin clients add web --first-party --scope openid",
                "  hallmark admin clients add batch --jwks batch-public.json --no-secret",
                EXIT_CODES})
    int add(@Parameters(paramLabel = "NAME", description = "Display name.") String name,
            @Option(names = "--first-party", description = "Trusted first-party client: may use the password grant.")
            boolean firstParty,
            @Option(names = "--scope", paramLabel = "S", description = "A scope the client may request; repeatable.")
            List<String> scopes,
            @Option(names = "--audience", paramLabel = "A", description = "An audience its tokens may name; repeatable.")
            List<String> audiences,
            @Option(names = "--jwks", paramLabel = "FILE", description = "The client's public JWK Set (private_key_jwt).")
            Path jwksFile,
            @Option(names = "--no-secret", description = "With --jwks: no client secret (private_key_jwt only).")
            boolean noSecret,
            @Mixin AdminStoreOptions where) {
        if (name.isBlank()) {
            throw new UsageException("the client name must not be empty");
        }
        if (noSecret && jwksFile == null) {
            throw new UsageException("--no-secret needs --jwks: a client without either could not authenticate");
        }
        String jwks = jwksFile == null ? null : readPublicJwks(jwksFile);
        ServerConfig cfg = where.load(ctx);
        try (Store store = where.open(cfg)) {
            String clientId = UUID.randomUUID().toString();
            String secret = noSecret ? null : SecretTokens.newSecret();
            store.clients().insert(new ClientRecord(clientId, name, secret == null ? null : SecretTokens.hash(secret),
                    jwks, firstParty, set(scopes), set(audiences), false, ctx.clock().instant()));
            ctx.out().println("client_id: " + clientId);
            if (secret != null) {
                ctx.out().println("client_secret: " + secret);
            }
        }
        return ExitCode.OK;
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Lists clients: id, name, first-party, scopes, audiences, authentication, disabled.",
            footer = {"%nExamples:", "  hallmark admin clients list", EXIT_CODES})
    int list(@Mixin AdminStoreOptions where) {
        ServerConfig cfg = where.load(ctx);
        try (Store store = where.open(cfg)) {
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"ID", "NAME", "FIRST-PARTY", "SCOPES", "AUDIENCES", "AUTH", "DISABLED"});
            for (ClientRecord c : store.clients().list()) {
                List<String> auth = new ArrayList<>();
                if (c.secretHash() != null) {
                    auth.add("secret");
                }
                if (c.jwks() != null) {
                    auth.add("private_key_jwt");
                }
                rows.add(new String[] {c.clientId(), c.name(), Boolean.toString(c.firstParty()), joined(c.scopes()),
                    joined(c.audiences()), auth.isEmpty() ? "-" : String.join(",", auth),
                    Boolean.toString(c.disabled())});
            }
            AdminTable.print(ctx.out(), rows);
        }
        return ExitCode.OK;
    }

    @Command(name = "rotate-secret", mixinStandardHelpOptions = true,
            description = {"Replaces a client's secret and prints the new one once as 'client_secret: ...'.",
                "The old secret stops working at once."},
            footer = {"%nExamples:", "  hallmark admin clients rotate-secret 3f0c9a1e-...", EXIT_CODES})
    int rotateSecret(@Parameters(paramLabel = "CLIENT_ID") String clientId, @Mixin AdminStoreOptions where) {
        ServerConfig cfg = where.load(ctx);
        try (Store store = where.open(cfg)) {
            findClient(store, clientId);
            String secret = SecretTokens.newSecret();
            store.clients().updateSecret(clientId, SecretTokens.hash(secret));
            ctx.out().println("client_secret: " + secret);
        }
        return ExitCode.OK;
    }

    @Command(name = "disable", mixinStandardHelpOptions = true,
            description = "Disables a client: it cannot authenticate any more (existing tokens: see admin revoke).",
            footer = {"%nExamples:", "  hallmark admin clients disable ID && hallmark admin revoke --client ID",
                EXIT_CODES})
    int disable(@Parameters(paramLabel = "CLIENT_ID") String clientId, @Mixin AdminStoreOptions where) {
        ServerConfig cfg = where.load(ctx);
        try (Store store = where.open(cfg)) {
            findClient(store, clientId);
            store.clients().disable(clientId);
            ctx.out().println("disabled: " + clientId);
        }
        return ExitCode.OK;
    }

    static ClientRecord findClient(Store store, String clientId) {
        return store.clients().find(clientId)
                .orElseThrow(() -> new UsageException("no client '" + clientId + "'"));
    }

    /** The JWK Set of the file, checked to hold only public keys, as public JSON. */
    private static String readPublicJwks(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageException("--jwks: cannot read " + file + ": " + e.getMessage());
        }
        JwkSet set;
        try {
            set = JwkSet.parse(text);
        } catch (JoseException e) {
            throw new UsageException("--jwks: " + file + " is not a usable JWK Set: " + e.getMessage());
        }
        if (set.keys().isEmpty()) {
            throw new UsageException("--jwks: " + file + " holds no usable key");
        }
        for (Jwk key : set.keys()) {
            if (key.isPrivate()) {
                throw new UsageException("--jwks: " + file + " holds a private or symmetric key"
                        + key.keyId().map(k -> " (kid " + k + ")").orElse("")
                        + "; register only the client's public keys (hallmark jwk public)");
            }
        }
        return set.toPublicJson();
    }

    private static Set<String> set(List<String> values) {
        return values == null ? Set.of() : new LinkedHashSet<>(values);
    }

    private static String joined(Set<String> values) {
        return values.isEmpty() ? "-" : String.join(",", new TreeSet<>(values));
    }
}
