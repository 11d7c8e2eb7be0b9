package dev.hallmark.server.http;

/** A request the HTTP layer refuses before the domain sees it (wrong method, body too large, bad content type). */
final class HttpStatusException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String error;

    HttpStatusException(int status, String error, String description) {
        super(description, null, false, false);
        this.status = status;
        this.error = error;
    }

    int status() {
        return status;
    }

    String error() {
        return error;
    }
}
