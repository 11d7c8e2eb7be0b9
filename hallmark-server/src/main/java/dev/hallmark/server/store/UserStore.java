package dev.hallmark.server.store;

import java.util.List;
import java.util.Optional;

/** Users. */
public interface UserStore {

    /** Adds a user; fails with {@link StoreException} if the id or username is taken. */
    void insert(UserRecord user);

    Optional<UserRecord> findByUsername(String username);

    Optional<UserRecord> findById(String userId);

    List<UserRecord> list();

    /** Replaces the password hash; false when there is no such user. */
    boolean updatePassword(String userId, String passwordHash);

    /** Marks the user disabled; false when there is no such user. */
    boolean disable(String userId);
}
