package dev.hallmark.cli.support;

/** The exit codes of the {@code hallmark} command; part of its fixed contract. */
public final class ExitCode {

    /** Success; the token is valid. */
    public static final int OK = 0;
    /** A token was rejected or could not be decrypted. */
    public static final int REJECTED = 1;
    /** Bad flags, an unreadable or unusable key file, bad JSON given as claims. */
    public static final int USAGE = 2;
    /** A bug in Hallmark. */
    public static final int INTERNAL = 3;

    private ExitCode() {
    }
}
