package dev.hallmark.cli.support;

import java.io.InputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;

/**
 * Everything a command touches outside itself, injected so tests run commands in-process.
 *
 * @param in standard input
 * @param out standard output
 * @param err standard error
 * @param clock the time used for {@code iat}, {@code exp} and verification
 * @param env environment variables
 * @param colour whether output may use ANSI colours (a terminal, and {@code NO_COLOR} unset)
 */
public record CliContext(InputStream in, PrintStream out, PrintStream err, Clock clock, Map<String, String> env,
                         boolean colour) {

    /** The real process: its streams, the system clock and environment, colour on a terminal without NO_COLOR. */
    public static CliContext system() {
        Map<String, String> env = System.getenv();
        boolean colour = System.console() != null && !env.containsKey("NO_COLOR");
        return new CliContext(System.in, System.out, System.err, Clock.systemUTC(), env, colour);
    }
}
