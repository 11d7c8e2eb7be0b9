package dev.hallmark.server.store.sql;

import dev.hallmark.server.store.UserRecord;
import dev.hallmark.server.store.UserStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Users in table {@code users}; user names are unique and compared exactly (case-sensitive). */
final class SqlUserStore implements UserStore {

    private static final String COLUMNS = "user_id, username, password_hash, roles, disabled, created_at";

    private final Database database;

    SqlUserStore(Database database) {
        this.database = database;
    }

    @Override
    public void insert(UserRecord user) {
        Objects.requireNonNull(user, "user");
        database.write("insert user '" + user.username() + "'", connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO users (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, user.userId());
                insert.setString(2, user.username());
                insert.setString(3, user.passwordHash());
                insert.setString(4, StringSets.encode(user.roles()));
                Rows.setBoolean(insert, 5, user.disabled());
                Rows.setInstant(insert, 6, user.createdAt());
                return insert.executeUpdate();
            }
        });
    }

    @Override
    public Optional<UserRecord> findByUsername(String username) {
        Objects.requireNonNull(username, "username");
        return findOne("SELECT " + COLUMNS + " FROM users WHERE username = ?", username);
    }

    @Override
    public Optional<UserRecord> findById(String userId) {
        Objects.requireNonNull(userId, "userId");
        return findOne("SELECT " + COLUMNS + " FROM users WHERE user_id = ?", userId);
    }

    private Optional<UserRecord> findOne(String sql, String key) {
        return database.read("find user", connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                select.setString(1, key);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(user(rows)) : Optional.<UserRecord>empty();
                }
            }
        });
    }

    @Override
    public List<UserRecord> list() {
        return database.read("list users", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM users ORDER BY created_at, user_id");
                    ResultSet rows = select.executeQuery()) {
                List<UserRecord> users = new ArrayList<>();
                while (rows.next()) {
                    users.add(user(rows));
                }
                return List.copyOf(users);
            }
        });
    }

    @Override
    public boolean updatePassword(String userId, String passwordHash) {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(passwordHash, "passwordHash");
        return database.write("update the password of user '" + userId + "'", connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE users SET password_hash = ? WHERE user_id = ?")) {
                update.setString(1, passwordHash);
                update.setString(2, userId);
                return update.executeUpdate() == 1;
            }
        });
    }

    @Override
    public boolean disable(String userId) {
        Objects.requireNonNull(userId, "userId");
        return database.write("disable user '" + userId + "'", connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE users SET disabled = 1 WHERE user_id = ?")) {
                update.setString(1, userId);
                return update.executeUpdate() == 1;
            }
        });
    }

    private static UserRecord user(ResultSet row) throws SQLException {
        return new UserRecord(row.getString("user_id"), row.getString("username"), row.getString("password_hash"),
                StringSets.decode(row.getString("roles")), Rows.bool(row, "disabled"),
                Rows.instant(row, "created_at"));
    }
}
