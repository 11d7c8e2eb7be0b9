package dev.hallmark.server.issue;

import dev.hallmark.jwt.Claims;
import dev.hallmark.server.keys.KeyManager;
import dev.hallmark.server.store.AccessTokenRecord;
import dev.hallmark.server.store.ClientRecord;
import dev.hallmark.server.store.RevocationStore;
import dev.hallmark.server.store.UserRecord;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Mints RFC 9068 access tokens ({@code typ: at+jwt}; {@code iss}, {@code sub}, {@code aud}, {@code exp},
 * {@code iat}, {@code jti}, {@code client_id}, {@code scope}, and the user's {@code roles} when configured) with
 * the active signing key, and records each issued {@code jti} so it can be revoked and introspected.
 */
public final class TokenIssuer {

    private final KeyManager keys;
    private final RevocationStore revocations;
    private final Clock clock;
    private final String issuer;
    private final String defaultAudience;
    private final Duration accessLifetime;
    private final boolean includeRoles;

    public TokenIssuer(KeyManager keys, RevocationStore revocations, Clock clock, String issuer,
                       String defaultAudience, Duration accessLifetime, boolean includeRoles) {
        this.keys = keys;
        this.revocations = revocations;
        this.clock = clock;
        this.issuer = issuer;
        this.defaultAudience = defaultAudience;
        this.accessLifetime = accessLifetime;
        this.includeRoles = includeRoles;
    }

    public Duration accessLifetime() {
        return accessLifetime;
    }

    /**
     * The scope to grant: the requested scopes if the client may have all of them, the client's whole scope set when
     * none is requested (RFC 6749 §3.3), otherwise {@code invalid_scope}.
     */
    public static String resolveScope(ClientRecord client, String requested) {
        if (requested == null || requested.isBlank()) {
            return String.join(" ", new java.util.TreeSet<>(client.scopes()));
        }
        Set<String> wanted = new LinkedHashSet<>(List.of(requested.trim().split(" +")));
        for (String s : wanted) {
            if (!client.scopes().contains(s)) {
                throw new OAuthException("invalid_scope", "scope \"" + s + "\" is not allowed for this client");
            }
        }
        return String.join(" ", wanted);
    }

    /** An access token for {@code client}, on behalf of {@code user} (null for the client itself). */
    public String accessToken(ClientRecord client, UserRecord user, String scope, String familyId) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant exp = now.plus(accessLifetime);
        String jti = UUID.randomUUID().toString();
        List<String> aud = new ArrayList<>(new java.util.TreeSet<>(client.audiences()));
        if (aud.isEmpty()) {
            aud.add(defaultAudience);
        }
        String subject = user != null ? user.userId() : client.clientId();
        Claims.Builder b = Claims.builder().issuer(issuer).subject(subject)
                .issuedAt(now).expiresAt(exp).jwtId(jti).claim("client_id", client.clientId()).claim("scope", scope);
        if (aud.size() == 1) {
            b.audience(aud.get(0));
        } else {
            b.audience(aud);
        }
        if (includeRoles && user != null && !user.roles().isEmpty()) {
            b.claim("roles", new java.util.TreeSet<>(user.roles()));
        }
        String token = keys.signer().sign(b.build());
        revocations.recordIssued(new AccessTokenRecord(jti, client.clientId(), user == null ? null : user.userId(),
                familyId, scope, String.join(" ", aud), now, exp));
        return token;
    }
}
