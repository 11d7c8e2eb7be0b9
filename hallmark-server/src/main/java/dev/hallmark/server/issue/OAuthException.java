package dev.hallmark.server.issue;

/**
 * A request the issuer refuses, with its RFC 6749 §5.2 error code ({@code invalid_request}, {@code invalid_client},
 * {@code invalid_grant}, {@code unauthorized_client}, {@code unsupported_grant_type}, {@code invalid_scope}) and a
 * description safe to send to the client.
 */
public final class OAuthException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String error;

    public OAuthException(String error, String description) {
        super(description, null, false, false);
        this.error = error;
    }

    public String error() {
        return error;
    }

    public static OAuthException invalidRequest(String description) {
        return new OAuthException("invalid_request", description);
    }

    public static OAuthException invalidClient(String description) {
        return new OAuthException("invalid_client", description);
    }

    public static OAuthException invalidGrant(String description) {
        return new OAuthException("invalid_grant", description);
    }
}
