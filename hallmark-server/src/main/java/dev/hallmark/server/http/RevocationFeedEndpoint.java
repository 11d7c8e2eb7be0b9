package dev.hallmark.server.http;

import dev.hallmark.server.issue.ClientAuthenticator;
import dev.hallmark.server.issue.OAuthException;
import dev.hallmark.server.store.RevocationStore;
import dev.hallmark.server.store.RevokedToken;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /oauth2/revocations?since=CURSOR}: revoked access-token {@code jti}s with their {@code exp}, only
 * unexpired ones, oldest first, so verifiers can refuse revoked tokens without introspecting each request.
 * Client-authenticated (HTTP Basic). The response's {@code next} is the cursor for the following call.
 */
public final class RevocationFeedEndpoint implements Endpoint {

    private static final int PAGE = 1000;

    private final ClientAuthenticator clients;
    private final RevocationStore revocations;
    private final Clock clock;

    RevocationFeedEndpoint(ClientAuthenticator clients, RevocationStore revocations, Clock clock) {
        this.clients = clients;
        this.revocations = revocations;
        this.clock = clock;
    }

    @Override
    public void handle(Exchange x) {
        clients.authenticate(TokenEndpoint.credentials(x, Map.of()));
        long since = 0;
        String raw = x.query("since");
        if (raw != null && !raw.isEmpty()) {
            try {
                since = Long.parseLong(raw);
            } catch (NumberFormatException e) {
                since = -1;
            }
            if (since < 0) {
                throw OAuthException.invalidRequest("since must be a cursor from a previous response");
            }
        }
        List<RevokedToken> page = revocations.feed(since, clock.instant(), PAGE);
        List<Object> items = new ArrayList<>();
        long next = since;
        for (RevokedToken r : page) {
            items.add(Map.of("jti", r.jti(), "exp", r.expiresAt().getEpochSecond()));
            next = Math.max(next, r.cursor());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("revocations", items);
        body.put("next", next);
        body.put("more", page.size() == PAGE);
        x.json(200, body);
    }
}
