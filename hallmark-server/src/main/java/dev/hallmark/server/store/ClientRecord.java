package dev.hallmark.server.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A registered OAuth client.
 *
 * @param clientId the public identifier
 * @param name a display name
 * @param secretHash PHC-format hash of the client secret, or null for clients that authenticate with
 *                   {@code private_key_jwt} only
 * @param jwks the client's public JWK Set for {@code private_key_jwt} (RFC 7523), or null
 * @param firstParty whether the client may use the password grant (RFC 9700 §2.4)
 * @param scopes scopes the client may request
 * @param audiences audiences its access tokens may name
 * @param disabled whether the client is refused
 * @param createdAt when it was registered
 */
public record ClientRecord(String clientId, String name, String secretHash, String jwks, boolean firstParty,
                           Set<String> scopes, Set<String> audiences, boolean disabled, Instant createdAt) {

    public ClientRecord {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(name, "name");
        scopes = Set.copyOf(scopes);
        audiences = Set.copyOf(audiences);
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** The secret hash is a credential: never printed. */
    @Override
    public String toString() {
        return "ClientRecord{clientId=" + clientId + ", name=" + name + ", firstParty=" + firstParty
                + ", scopes=" + scopes + ", audiences=" + audiences + ", disabled=" + disabled + "}";
    }
}
