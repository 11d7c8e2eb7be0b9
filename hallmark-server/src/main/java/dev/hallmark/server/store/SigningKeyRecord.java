package dev.hallmark.server.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A signing key through its life: {@link State#PUBLISHED} (in the JWKS, not yet signing), {@link State#ACTIVE}
 * (signing; exactly one), {@link State#RETIRED} (in the JWKS until {@code deleteAfter}, no longer signing).
 *
 * @param kid the key id (its RFC 7638 thumbprint)
 * @param alg the JWS algorithm
 * @param publicJwk the public JWK JSON
 * @param encryptedPrivateJwk the private JWK, encrypted under the master key
 * @param state its state
 * @param createdAt when it was generated (and published)
 * @param activateAfter the earliest time it may start signing: verifiers have had time to fetch it
 * @param retiredAt when it stopped signing, or null
 * @param deleteAfter when it may be deleted (every token it signed has expired), or null
 */
public record SigningKeyRecord(String kid, String alg, String publicJwk, String encryptedPrivateJwk, State state,
                               Instant createdAt, Instant activateAfter, Instant retiredAt, Instant deleteAfter) {

    /** Lifecycle of a signing key. */
    public enum State { PUBLISHED, ACTIVE, RETIRED }

    public SigningKeyRecord {
        Objects.requireNonNull(kid, "kid");
        Objects.requireNonNull(alg, "alg");
        Objects.requireNonNull(publicJwk, "publicJwk");
        Objects.requireNonNull(encryptedPrivateJwk, "encryptedPrivateJwk");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(activateAfter, "activateAfter");
    }

    @Override
    public String toString() {
        return "SigningKeyRecord{kid=" + kid + ", alg=" + alg + ", state=" + state + ", createdAt=" + createdAt + "}";
    }
}
