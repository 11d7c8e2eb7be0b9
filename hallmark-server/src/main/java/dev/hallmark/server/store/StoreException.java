package dev.hallmark.server.store;

/** The store could not do what was asked: unreachable, a constraint violated, a migration failed. */
public final class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
