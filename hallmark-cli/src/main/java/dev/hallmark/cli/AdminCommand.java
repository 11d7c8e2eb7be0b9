package dev.hallmark.cli;

import dev.hallmark.cli.support.ExitCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code hallmark admin}: users, clients, signing keys and revocation on the server's store. */
@Command(name = "admin", mixinStandardHelpOptions = true,
        subcommands = {AdminUsersCommand.class, AdminClientsCommand.class, AdminKeysCommand.class,
            AdminRevokeCommand.class},
        description = {"Administers the token issuer's store: users, clients, signing keys, revocation.",
            "Works on the store given by --data or --store (as for serve), also while the server runs."},
        footer = {"%nExamples:",
            "  hallmark admin users add alice --role admin",
            "  hallmark admin clients add billing --scope read --audience api",
            "  hallmark admin keys rotate --data /var/lib/hallmark",
            "  hallmark admin revoke --user alice",
            "%nExit codes: 0 done, 2 usage (bad flags, unknown user or client, configuration problem),"
                + " 3 internal error."})
final class AdminCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** Without a subcommand: show the usage and fail as a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE;
    }
}
