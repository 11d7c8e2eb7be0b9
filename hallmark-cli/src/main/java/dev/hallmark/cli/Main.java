package dev.hallmark.cli;

import dev.hallmark.cli.support.CliContext;
import dev.hallmark.cli.support.ExitCode;
import dev.hallmark.cli.support.Failures;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Entry point of the {@code hallmark} command; the only place that calls {@link System#exit}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("serve")) {
            // the issuer's classes load on a second thread while this one builds the command line
            ServePreload.startInBackground();
        }
        System.exit(run(args, CliContext.system()));
    }

    /** Runs one command line against the given context and returns its exit code. */
    public static int run(String[] args, CliContext ctx) {
        boolean stackTrace = Arrays.asList(args).contains("--stacktrace");
        CommandLine cli = commandLine(ctx, args.length > 0 ? args[0] : null);
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> Failures.report(e, ctx, stackTrace));
        cli.setParameterExceptionHandler((e, argv) -> {
            // Some picocli messages (argument groups) already start with "Error: "; print one prefix only.
            String message = e.getMessage().startsWith("Error: ") ? e.getMessage().substring(7) : e.getMessage();
            ctx.err().println("error: " + message);
            CommandLine cmd = e.getCommandLine();
            ctx.err().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
            return ExitCode.USAGE;
        });
        try {
            return cli.execute(args);
        } catch (RuntimeException | Error e) {
            return Failures.report(e, ctx, stackTrace);
        }
    }

    /** The full command tree, every subcommand registered (help, completion). */
    static CommandLine commandLine(CliContext ctx) {
        return commandLine(ctx, null);
    }

    /** The command tree with only {@code subcommand} registered when it names one, else all of them. */
    static CommandLine commandLine(CliContext ctx, String subcommand) {
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                try {
                    return cls.getDeclaredConstructor(CliContext.class).newInstance(ctx);
                } catch (NoSuchMethodException e) {
                    return CommandLine.defaultFactory().create(cls);
                }
            }
        };
        CommandLine cli = new CommandLine(new HallmarkCommand(), factory);
        boolean versionOnly = "--version".equals(subcommand) || "-V".equals(subcommand);
        Class<?> only = subcommand == null ? null : HallmarkCommand.SUBCOMMANDS.get(subcommand);
        for (var e : HallmarkCommand.SUBCOMMANDS.entrySet()) {
            if (!versionOnly && (only == null || e.getValue() == only)) {
                try {
                    cli.addSubcommand(e.getKey(), factory.create(e.getValue()));
                } catch (Exception ex) {
                    throw new IllegalStateException("cannot create the " + e.getKey() + " command", ex);
                }
            }
        }
        // picocli would otherwise replace any "@FILE" argument by the file's words before the commands see it,
        // breaking `--claims @FILE` and `verify @token.txt`, which read the file themselves.
        cli.setExpandAtFiles(false);
        cli.setOut(new PrintWriter(new java.io.OutputStreamWriter(ctx.out(), StandardCharsets.UTF_8), true));
        cli.setErr(new PrintWriter(new java.io.OutputStreamWriter(ctx.err(), StandardCharsets.UTF_8), true));
        cli.setColorScheme(CommandLine.Help.defaultColorScheme(ctx.colour() ? CommandLine.Help.Ansi.ON
                : CommandLine.Help.Ansi.OFF));
        return cli;
    }
}
