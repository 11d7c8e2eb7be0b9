package dev.hallmark.cli;

import dev.hallmark.cli.support.CliContext;
import dev.hallmark.cli.support.ExitCode;
import dev.hallmark.cli.support.UsageException;
import dev.hallmark.server.config.ServerConfig;
import dev.hallmark.server.keys.KeyManager;
import dev.hallmark.server.keys.MasterKey;
import dev.hallmark.server.store.SigningKeyRecord;
import dev.hallmark.server.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code hallmark admin keys list|rotate}: the server's signing keys. */
@Command(name = "keys", mixinStandardHelpOptions = true,
        description = "Shows and rotates the server's signing keys.",
        footer = {"%nExamples:", "  hallmark admin keys list", "  hallmark admin keys rotate",
            "%nExit codes: 0 done, 2 usage (bad flags, configuration problem), 3 internal error."})
final class AdminKeysCommand implements Callable<Integer> {

    private static final String EXIT_CODES =
            "%nExit codes: 0 done, 2 usage (bad flags, unusable master key, configuration problem), 3 internal error.";

    private final CliContext ctx;

    @Spec
    CommandSpec spec;

    AdminKeysCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE;
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = {"Lists signing keys, oldest first: kid, alg, state (PUBLISHED: in the JWKS, not yet",
                "signing; ACTIVE: signing; RETIRED: published until its tokens expire), and their times."},
            footer = {"%nExamples:", "  hallmark admin keys list --data /var/lib/hallmark", EXIT_CODES})
    int list(@Mixin AdminStoreOptions where) {
        ServerConfig cfg = where.load(ctx);
        try (Store store = where.open(cfg)) {
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"KID", "ALG", "STATE", "CREATED", "ACTIVATE-AFTER", "RETIRED", "DELETE-AFTER"});
            for (SigningKeyRecord k : store.keys().list()) {
                rows.add(new String[] {k.kid(), k.alg(), k.state().name(), time(k.createdAt()),
                    time(k.activateAfter()), time(k.retiredAt()), time(k.deleteAfter())});
            }
            AdminTable.print(ctx.out(), rows);
        }
        return ExitCode.OK;
    }

    @Command(name = "rotate", mixinStandardHelpOptions = true,
            description = {"Publishes a new signing key now. It starts signing once keys.publish-ahead has passed",
                "(verifiers have fetched it by then); the running server switches at its next key check and",
                "the old key stays published until every token it signed has expired. When a new key is",
                "already waiting, that one is shown. On a store without keys, the first key is created",
                "and signs at once. Needs the master key (HALLMARK_MASTER_KEY or DATA/master.key)."},
            footer = {"%nExamples:", "  hallmark admin keys rotate", "  HALLMARK_MASTER_KEY=... hallmark admin keys"
                + " rotate --store postgres://hallmark@db/hallmark", EXIT_CODES})
    int rotate(@Mixin AdminStoreOptions where) {
        ServerConfig cfg = where.load(ctx);
        MasterKey masterKey;
        try {
            masterKey = MasterKey.load(cfg.masterKey(), cfg.dataDir());
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new UsageException("master key: " + e.getMessage());
        }
        try (Store store = where.open(cfg)) {
            KeyManager keys = new KeyManager(store.keys(), masterKey, ctx.clock(), cfg.keys().algorithm().name(),
                    cfg.keys().rotationInterval(), cfg.keys().publishAhead(), cfg.tokens().accessLifetime());
            List<SigningKeyRecord> before = store.keys().list();
            SigningKeyRecord key;
            if (before.stream().noneMatch(k -> k.state() != SigningKeyRecord.State.RETIRED)) {
                // Nothing signs yet: a key that waited for publish-ahead would leave the server without a signer.
                keys.maintain();
                key = store.keys().list().stream().filter(k -> k.state() == SigningKeyRecord.State.ACTIVE)
                        .findFirst().orElseThrow(() -> new IllegalStateException("no active key after creating one"));
            } else {
                boolean waiting = before.stream().anyMatch(k -> k.state() == SigningKeyRecord.State.PUBLISHED);
                key = keys.rotate();
                if (waiting) {
                    ctx.out().println("a new key is already published and waiting; not creating another");
                }
            }
            ctx.out().println("kid: " + key.kid());
            ctx.out().println("alg: " + key.alg());
            ctx.out().println("signs from: " + (key.state() == SigningKeyRecord.State.ACTIVE ? "now"
                    : key.activateAfter().toString()));
        }
        return ExitCode.OK;
    }

    private static String time(Instant t) {
        return t == null ? "-" : t.toString();
    }
}
