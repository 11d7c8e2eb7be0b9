package dev.hallmark.cli;

import dev.hallmark.cli.support.CliContext;
import dev.hallmark.cli.support.ExitCode;
import dev.hallmark.cli.support.UsageException;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** {@code hallmark completion bash}: a completion script for the shell. */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = "Prints a shell completion script (bash; also works in zsh with bashcompinit).",
        footer = {"%nExample:", "  source <(hallmark completion bash)",
            "%nExit codes: 0 success, 2 usage error."})
final class CompletionCommand implements Callable<Integer> {

    private final CliContext ctx;

    @Parameters(paramLabel = "SHELL", description = "bash")
    String shell;

    CompletionCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        if (!shell.equals("bash") && !shell.equals("zsh")) {
            throw new UsageException("completion " + shell + ": only bash (and zsh via bashcompinit) are supported");
        }
        ctx.out().print(AutoComplete.bash("hallmark", Main.commandLine(ctx)));
        return ExitCode.OK;
    }
}
