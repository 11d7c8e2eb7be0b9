package dev.hallmark.cli;

import dev.hallmark.cli.support.CliContext;
import dev.hallmark.cli.support.ExitCode;
import dev.hallmark.cli.support.UsageException;
import dev.hallmark.server.config.ServerConfig;
import dev.hallmark.server.store.Store;
import dev.hallmark.server.store.UserRecord;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Instant;
import java.util.concurrent.Callable;

/**
 * {@code hallmark admin revoke --jti J | --user U | --client C}: revokes access tokens (verifiers learn of them
 * through introspection and the revocation feed) and, for a user or client, their refresh tokens too.
 */
@Command(name = "revoke", mixinStandardHelpOptions = true,
        description = {"Revokes one access token (--jti), or every unexpired access token and refresh token of a",
            "user (--user USERNAME) or of a client (--client CLIENT_ID). Prints how many were revoked."},
        footer = {"%nExamples:",
            "  hallmark admin revoke --jti 0f6c1b2e-...",
            "  hallmark admin revoke --user alice",
            "  hallmark admin revoke --client 3f0c9a1e-... --data /var/lib/hallmark",
            "%nExit codes: 0 done, 2 usage (bad flags, unknown token id, user or client, configuration problem),"
                + " 3 internal error."})
final class AdminRevokeCommand implements Callable<Integer> {

    private final CliContext ctx;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    @Mixin
    AdminStoreOptions where;

    /** Exactly one of the three. */
    static final class Target {
        @Option(names = "--jti", paramLabel = "J", description = "An access token's jti.")
        String jti;

        @Option(names = "--user", paramLabel = "U", description = "A username.")
        String user;

        @Option(names = "--client", paramLabel = "C", description = "A client id.")
        String client;
    }

    AdminRevokeCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        ServerConfig cfg = where.load(ctx);
        Instant now = ctx.clock().instant();
        try (Store store = where.open(cfg)) {
            if (target.jti != null) {
                if (store.revocations().findIssued(target.jti).isEmpty()) {
                    throw new UsageException("no issued access token with jti '" + target.jti + "'");
                }
                boolean revoked = store.revocations().revoke(target.jti, now);
                ctx.out().println("revoked access tokens: " + (revoked ? 1 : 0)
                        + (revoked ? "" : " (it has expired already)"));
            } else if (target.user != null) {
                UserRecord user = store.users().findByUsername(target.user)
                        .orElseThrow(() -> new UsageException("no user '" + target.user + "'"));
                int refresh = store.refreshTokens().revokeByUser(user.userId(), now);
                int access = store.revocations().revokeByUser(user.userId(), now);
                print(access, refresh);
            } else {
                AdminClientsCommand.findClient(store, target.client);
                int refresh = store.refreshTokens().revokeByClient(target.client, now);
                int access = store.revocations().revokeByClient(target.client, now);
                print(access, refresh);
            }
        }
        return ExitCode.OK;
    }

    private void print(int access, int refresh) {
        ctx.out().println("revoked access tokens: " + access);
        ctx.out().println("revoked refresh tokens: " + refresh);
    }
}
