package dev.hallmark.cli.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads what a command works on: an argument, {@code @file}, a file path, or {@code -} for standard input. */
public final class Inputs {

    /** Inputs larger than this are refused: nothing this tool reads is legitimately bigger. */
    public static final int MAX_BYTES = 16 * 1024 * 1024;

    private Inputs() {
    }

    /** A token or text given as itself, as {@code @file}, or as {@code -} (stdin); one trailing newline trimmed. */
    public static String textArgument(String arg, CliContext ctx, String what) {
        if (arg == null || arg.equals("-")) {
            return trimNewline(new String(readStdin(ctx, what), StandardCharsets.UTF_8));
        }
        if (arg.startsWith("@")) {
            return trimNewline(new String(readFile(arg.substring(1), what), StandardCharsets.UTF_8));
        }
        return arg;
    }

    /** The bytes of a file path, or of stdin for {@code -} or null. */
    public static byte[] fileOrStdin(String path, CliContext ctx, String what) {
        if (path == null || path.equals("-")) {
            return readStdin(ctx, what);
        }
        return readFile(path, what);
    }

    public static byte[] readFile(String path, String what) {
        try {
            Path p = Path.of(path);
            if (Files.size(p) > MAX_BYTES) {
                throw new UsageException(what + " " + path + ": larger than " + MAX_BYTES + " bytes");
            }
            return Files.readAllBytes(p);
        } catch (NoSuchFileException e) {
            throw new UsageException(what + " " + path + ": no such file");
        } catch (IOException | java.nio.file.InvalidPathException e) {
            throw new UsageException(what + " " + path + ": cannot read (" + e.getMessage() + ")");
        }
    }

    public static byte[] readStdin(CliContext ctx, String what) {
        try {
            InputStream in = ctx.in();
            byte[] data = in.readNBytes(MAX_BYTES + 1);
            if (data.length > MAX_BYTES) {
                throw new UsageException(what + " on standard input is larger than " + MAX_BYTES + " bytes");
            }
            return data;
        } catch (IOException e) {
            throw new UsageException("cannot read " + what + " from standard input: " + e.getMessage());
        }
    }

    public static String trimNewline(String s) {
        if (s.endsWith("\r\n")) {
            return s.substring(0, s.length() - 2);
        }
        if (s.endsWith("\n")) {
            return s.substring(0, s.length() - 1);
        }
        return s;
    }
}
