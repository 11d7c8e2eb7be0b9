package dev.hallmark.server.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A user who can sign in with a password.
 *
 * @param userId the stable subject identifier ({@code sub})
 * @param username the login name, unique
 * @param passwordHash Argon2id hash in PHC string format
 * @param roles roles copied into access tokens
 * @param disabled whether sign-in is refused
 * @param createdAt when the user was created
 */
public record UserRecord(String userId, String username, String passwordHash, Set<String> roles, boolean disabled,
                         Instant createdAt) {

    public UserRecord {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(passwordHash, "passwordHash");
        roles = Set.copyOf(roles);
        Objects.requireNonNull(createdAt, "createdAt");
    }

    @Override
    public String toString() {
        return "UserRecord{userId=" + userId + ", username=" + username + ", roles=" + roles + ", disabled="
                + disabled + "}";
    }
}
