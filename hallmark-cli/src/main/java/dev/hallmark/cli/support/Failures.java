package dev.hallmark.cli.support;

import dev.hallmark.JoseException;

/**
 * The one place that turns a failure into output and an exit code: a rejected token is exit 1 with
 * {@code rejected: REASON: message}; a usage problem exit 2 with {@code error: message}; anything else is a bug,
 * exit 3 with one line (the stack trace only with {@code --stacktrace}).
 */
public final class Failures {

    private Failures() {
    }

    public static int report(Throwable t, CliContext ctx, boolean stackTrace) {
        if (t instanceof JoseException e) {
            ctx.err().println("rejected: " + e.getMessage());
            return ExitCode.REJECTED;
        }
        if (t instanceof UsageException e) {
            ctx.err().println("error: " + e.getMessage());
            return ExitCode.USAGE;
        }
        ctx.err().println("internal error: " + t.getClass().getName()
                + (t.getMessage() == null ? "" : ": " + t.getMessage().split("\n")[0])
                + (stackTrace ? "" : " (run with --stacktrace for details)"));
        if (stackTrace) {
            t.printStackTrace(ctx.err());
        }
        return ExitCode.INTERNAL;
    }
}
