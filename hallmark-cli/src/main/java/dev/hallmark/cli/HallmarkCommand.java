package dev.hallmark.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The top-level {@code hallmark} command: only subcommands and the shared options. */
@Command(name = "hallmark",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "The offline, scriptable JOSE toolbox: keys, signing, verification, inspection.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success; the token is valid",
            "1:token rejected or decryption failed",
            "2:usage error (bad flags, unreadable or unusable key file, bad JSON given as claims)",
            "3:internal error (a bug; run with --stacktrace)"},
        footer = {"%nExamples:",
            "  hallmark keygen --alg ES256 > key.json",
            "  hallmark sign --key key.json --sub alice --aud api --exp 15m",
            "  hallmark verify --key key.json --aud api TOKEN",
            "  hallmark decode TOKEN",
            "  hallmark encrypt --key recipient.public.json 'secret text'",
            "  hallmark serve --demo"})
public final class HallmarkCommand implements java.util.concurrent.Callable<Integer> {

    /**
     * The subcommands by name, in help order. Main registers only the one being run when it can tell: picocli
     * builds each command's model by reflection, and start-up time matters for a tool called in loops.
     */
    static final java.util.Map<String, Class<?>> SUBCOMMANDS = subcommands();

    private static java.util.Map<String, Class<?>> subcommands() {
        java.util.Map<String, Class<?>> m = new java.util.LinkedHashMap<>();
        m.put("keygen", KeygenCommand.class);
        m.put("jwk", JwkCommand.class);
        m.put("sign", SignCommand.class);
        m.put("verify", VerifyCommand.class);
        m.put("decode", DecodeCommand.class);
        m.put("encrypt", EncryptCommand.class);
        m.put("decrypt", DecryptCommand.class);
        m.put("serve", ServeCommand.class);
        m.put("admin", AdminCommand.class);
        m.put("completion", CompletionCommand.class);
        return java.util.Collections.unmodifiableMap(m);
    }

    @Option(names = "--stacktrace", scope = ScopeType.INHERIT,
            description = "On an internal error, print the stack trace.")
    boolean stackTrace;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** Without a subcommand there is nothing to do: show the usage and fail as a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return dev.hallmark.cli.support.ExitCode.USAGE;
    }
}
