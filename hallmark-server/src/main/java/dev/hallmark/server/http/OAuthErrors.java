package dev.hallmark.server.http;

import dev.hallmark.server.issue.OAuthException;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * RFC 6749 §5.2 error responses: 400 with {@code {"error","error_description"}}; {@code invalid_client} is 401 with
 * {@code WWW-Authenticate: Basic} (RFC 9110: every 401 names a scheme).
 */
final class OAuthErrors {

    private OAuthErrors() {
    }

    static void send(Exchange x, OAuthException e) {
        send(x, e.error().equals("invalid_client") ? 401 : 400, e.error(), e.getMessage());
    }

    static void send(Exchange x, int status, String error, String description) {
        if (status == 401) {
            x.setHeader("WWW-Authenticate", "Basic realm=\"hallmark\", charset=\"UTF-8\"");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        if (description != null) {
            body.put("error_description", description);
        }
        x.json(status, body);
    }
}
