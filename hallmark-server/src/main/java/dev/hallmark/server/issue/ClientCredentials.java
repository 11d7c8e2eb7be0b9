package dev.hallmark.server.issue;

/**
 * How a client presented itself on one request, as the HTTP layer found it. At most one method may be used
 * (RFC 6749 §2.3).
 *
 * @param basicId client id from {@code Authorization: Basic}, or null
 * @param basicSecret client secret from {@code Authorization: Basic}, or null
 * @param postId {@code client_id} form parameter, or null
 * @param postSecret {@code client_secret} form parameter, or null
 * @param assertionType {@code client_assertion_type}, or null
 * @param assertion {@code client_assertion} (RFC 7523), or null
 */
public record ClientCredentials(String basicId, String basicSecret, String postId, String postSecret,
                                String assertionType, String assertion) {

    @Override
    public String toString() {
        return "ClientCredentials{basic=" + (basicId != null) + ", post=" + (postSecret != null) + ", assertion="
                + (assertion != null) + "}";
    }
}
