package dev.hallmark.server.store;

import java.util.List;
import java.util.Optional;

/** Registered clients. */
public interface ClientStore {

    /** Adds a client; fails with {@link StoreException} if the id is taken. */
    void insert(ClientRecord client);

    Optional<ClientRecord> find(String clientId);

    List<ClientRecord> list();

    /** Replaces the secret hash; false when there is no such client. */
    boolean updateSecret(String clientId, String secretHash);

    /** Marks the client disabled; false when there is no such client. */
    boolean disable(String clientId);
}
