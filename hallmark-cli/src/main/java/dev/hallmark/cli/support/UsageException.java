package dev.hallmark.cli.support;

/** The user asked for something impossible: exit code 2 with this one-line message. */
public final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }

    public UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
