package dev.hallmark.cli;

import dev.hallmark.cli.support.CliContext;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * Runs the {@code hallmark} command in-process through {@link Main#run}: captured stdout and stderr, a given stdin,
 * a fixed clock, colour off unless asked for.
 *
 * <pre>{@code
 * Cli.Result r = Cli.run("keygen", "--alg", "ES256");
 * Cli.Result r = Cli.withStdin(token).colour(true).run("decode", "-");
 * }</pre>
 */
final class Cli {

    /** The fixed "now" of every in-process run unless another clock is given. */
    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private InputStream stdin = new ByteArrayInputStream(new byte[0]);
    private Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private boolean colour;
    private Map<String, String> env = Map.of();

    private Cli() {
    }

    static Cli cli() {
        return new Cli();
    }

    static Cli withStdin(String text) {
        return cli().stdin(text);
    }

    static Result run(String... args) {
        return cli().exec(args);
    }

    Cli stdin(String text) {
        return stdin(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    Cli stdin(InputStream in) {
        this.stdin = in;
        return this;
    }

    /** Runs with the clock fixed at this instant. */
    Cli at(Instant now) {
        this.clock = Clock.fixed(now, ZoneOffset.UTC);
        return this;
    }

    /** Runs with these environment variables (none by default). */
    Cli env(Map<String, String> variables) {
        this.env = Map.copyOf(variables);
        return this;
    }

    Cli colour(boolean on) {
        this.colour = on;
        return this;
    }

    Result exec(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        int code = Main.run(args, new CliContext(stdin, outStream, errStream, clock, env, colour));
        outStream.flush();
        errStream.flush();
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** What one run produced. */
    record Result(int exitCode, String out, String err) {

        List<String> outLines() {
            return out.lines().toList();
        }

        List<String> errLines() {
            return err.lines().toList();
        }

        /** Stdout, which must be exactly one line (ending in a newline), without its newline. */
        String outLine() {
            if (!out.endsWith("\n") || out.lines().count() != 1) {
                throw new AssertionError("expected one line on stdout, got: [" + out + "] stderr: [" + err + "]");
            }
            return out.substring(0, out.length() - 1);
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }
}
