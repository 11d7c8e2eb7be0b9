package dev.hallmark.server;

import dev.hallmark.server.issue.PasswordHasher;
import dev.hallmark.server.issue.SecretTokens;
import dev.hallmark.server.store.ClientRecord;
import dev.hallmark.server.store.Store;
import dev.hallmark.server.store.UserRecord;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The demo client and user of {@code hallmark serve --demo}, created on a store that has none: a first-party client
 * (so it may use the password grant) whose tokens are for the example orders API (audience {@code orders-api},
 * scopes {@code orders:read orders:write} among others), and a user with a random password. Credentials are returned once, to be
 * printed; only their hashes are stored, so a later start with {@code --demo} cannot show them again.
 */
public final class DemoSetup {

    public static final String CLIENT_ID = "demo-client";
    public static final String USERNAME = "demo";
    /** The audience of demo tokens: the example API of {@code examples/orders-api}, which expects it. */
    public static final String DEMO_AUDIENCE = "orders-api";

    /** Credentials created by this start, to print. */
    public record Credentials(String clientId, String clientSecret, String username, String password) {
        @Override
        public String toString() {
            return "Credentials{clientId=" + clientId + ", username=" + username + "}";
        }
    }

    private DemoSetup() {
    }

    /** Creates the demo client and user if the store has no demo client yet; empty when they already existed. */
    public static Optional<Credentials> ensure(Store store, PasswordHasher hasher, Clock clock) {
        if (store.clients().find(CLIENT_ID).isPresent()) {
            return Optional.empty();
        }
        String secret = SecretTokens.newSecret();
        String password = SecretTokens.newSecret().substring(0, 20);
        store.clients().insert(new ClientRecord(CLIENT_ID, "Demo client", SecretTokens.hash(secret), null, true,
                Set.of("openid", "profile", "read", "write", "orders:read", "orders:write"), Set.of(DEMO_AUDIENCE),
                false, clock.instant()));
        if (store.users().findByUsername(USERNAME).isEmpty()) {
            store.users().insert(new UserRecord(UUID.randomUUID().toString(), USERNAME,
                    hasher.hash(password.toCharArray()), Set.of("user"), false, clock.instant()));
        } else {
            store.users().findByUsername(USERNAME).ifPresent(u ->
                    store.users().updatePassword(u.userId(), hasher.hash(password.toCharArray())));
        }
        return Optional.of(new Credentials(CLIENT_ID, secret, USERNAME, password));
    }
}
