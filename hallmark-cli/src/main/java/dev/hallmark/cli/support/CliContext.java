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
 * @param colour whether output may use ANSI colours (stdout is a terminal, and {@code NO_COLOR} is unset or empty)
 */
public record CliContext(InputStream in, PrintStream out, PrintStream err, Clock clock, Map<String, String> env,
                         boolean colour) {

    /**
     * The real process: its streams, the system clock and environment. Colour when stdout is a terminal (the
     * launcher tells, through {@code -Dhallmark.stdout.tty}, since Java 17's console check also needs stdin to be
     * one) and {@code NO_COLOR} is unset or empty (no-color.org).
     */
    public static CliContext system() {
        Map<String, String> env = System.getenv();
        String tty = System.getProperty("hallmark.stdout.tty");
        boolean terminal = tty != null ? tty.equals("true") : System.console() != null;
        String noColor = env.get("NO_COLOR");
        boolean colour = terminal && (noColor == null || noColor.isEmpty());
        return new CliContext(System.in, System.out, System.err, Clock.systemUTC(), env, colour);
    }
}
