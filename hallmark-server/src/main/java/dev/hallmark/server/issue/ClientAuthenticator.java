package dev.hallmark.server.issue;

import dev.hallmark.JoseException;
import dev.hallmark.jwk.JwkSet;
import dev.hallmark.jwk.KeySource;
import dev.hallmark.jwt.Jwt;
import dev.hallmark.jwt.JwtVerifier;
import dev.hallmark.jwt.VerifiedJwt;
import dev.hallmark.server.store.ClientRecord;
import dev.hallmark.server.store.ClientStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Authenticates clients: {@code client_secret_basic}, {@code client_secret_post} and {@code private_key_jwt}
 * (RFC 7523 §3: {@code iss} and {@code sub} are the client id, {@code aud} names this issuer or its token endpoint,
 * {@code exp} and {@code jti} are required, and a {@code jti} is accepted once). Every failure is
 * {@code invalid_client} with one message, so a caller learns nothing about which part was wrong.
 */
public final class ClientAuthenticator {

    static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    private static final Duration MAX_ASSERTION_LIFETIME = Duration.ofMinutes(10);
    private static final int MAX_REMEMBERED_ASSERTIONS = 100_000;

    private final ClientStore clients;
    private final Clock clock;
    private final String[] audiences;
    private final Map<String, Instant> seenAssertions = new ConcurrentHashMap<>();
    private static final int MAX_CACHED_KEY_SETS = 1_000;
    private final Map<String, KeySource> parsedKeys = new ConcurrentHashMap<>();

    /** {@code audiences}: what a client assertion's {@code aud} may name (the issuer and the token endpoint URL). */
    public ClientAuthenticator(ClientStore clients, Clock clock, String... audiences) {
        this.clients = clients;
        this.clock = clock;
        this.audiences = audiences.clone();
    }

    public ClientRecord authenticate(ClientCredentials c) {
        int methods = (c.basicId() != null ? 1 : 0) + (c.postSecret() != null ? 1 : 0) + (c.assertion() != null ? 1 : 0);
        if (methods > 1) {
            throw OAuthException.invalidRequest("use exactly one client authentication method (RFC 6749 §2.3)");
        }
        if (methods == 0) {
            throw OAuthException.invalidClient("client authentication is required");
        }
        if (c.assertion() != null) {
            return byAssertion(c);
        }
        String id = c.basicId() != null ? c.basicId() : c.postId();
        String secret = c.basicId() != null ? c.basicSecret() : c.postSecret();
        if (c.basicId() != null && c.postId() != null && !c.postId().equals(c.basicId())) {
            throw OAuthException.invalidRequest("client_id does not match the authenticated client");
        }
        Optional<ClientRecord> client = id == null ? Optional.empty() : clients.find(id);
        // hash even for unknown clients so the answer takes the same time
        boolean ok = SecretTokens.matches(secret == null ? "" : secret,
                client.map(ClientRecord::secretHash).orElse("sha256$-"));
        if (client.isEmpty() || !ok || client.get().disabled()) {
            throw OAuthException.invalidClient("client authentication failed");
        }
        return client.get();
    }

    private ClientRecord byAssertion(ClientCredentials c) {
        if (!JWT_BEARER.equals(c.assertionType())) {
            throw OAuthException.invalidClient("client_assertion_type must be " + JWT_BEARER);
        }
        String clientId;
        try {
            clientId = Jwt.decodeUnverified(c.assertion()).claims().issuer().orElse(null);
        } catch (JoseException e) {
            throw OAuthException.invalidClient("client authentication failed");
        }
        if (clientId == null || (c.postId() != null && !c.postId().equals(clientId))) {
            throw OAuthException.invalidClient("client authentication failed");
        }
        ClientRecord client = clients.find(clientId).filter(x -> !x.disabled() && x.jwks() != null)
                .orElseThrow(() -> OAuthException.invalidClient("client authentication failed"));
        VerifiedJwt jwt;
        try {
            JwtVerifier verifier = JwtVerifier.builder().keys(clientKeys(client.jwks()))
                    .expectIssuer(clientId).expectAudience(audiences).requireClaims("sub", "jti")
                    .clock(clock).leeway(Duration.ofSeconds(30)).build();
            jwt = verifier.verify(c.assertion());
        } catch (JoseException | IllegalArgumentException e) {
            throw OAuthException.invalidClient("client authentication failed");
        }
        Instant now = clock.instant();
        Instant exp = jwt.claims().expiresAt().orElseThrow();
        if (!clientId.equals(jwt.claims().subject().orElse(null)) || exp.isAfter(now.plus(MAX_ASSERTION_LIFETIME))) {
            throw OAuthException.invalidClient("client authentication failed");
        }
        String replayKey = clientId + " " + jwt.claims().jwtId().orElseThrow();
        forgetExpired(now);
        if (seenAssertions.size() >= MAX_REMEMBERED_ASSERTIONS || seenAssertions.putIfAbsent(replayKey, exp) != null) {
            throw OAuthException.invalidClient("client assertion was already used");
        }
        return client;
    }

    /**
     * The client's registered keys, parsed once per distinct JWK Set text rather than on every request; a changed
     * registration is new text and parsed afresh. Bounded: cleared when it grows past the limit.
     */
    private KeySource clientKeys(String jwks) {
        KeySource cached = parsedKeys.get(jwks);
        if (cached == null) {
            if (parsedKeys.size() >= MAX_CACHED_KEY_SETS) {
                parsedKeys.clear();
            }
            cached = KeySource.of(JwkSet.parse(jwks));
            parsedKeys.put(jwks, cached);
        }
        return cached;
    }

    private void forgetExpired(Instant now) {
        for (Iterator<Map.Entry<String, Instant>> it = seenAssertions.entrySet().iterator(); it.hasNext(); ) {
            if (it.next().getValue().isBefore(now)) {
                it.remove();
            }
        }
    }
}
