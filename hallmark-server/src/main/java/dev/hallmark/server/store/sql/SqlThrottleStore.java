package dev.hallmark.server.store.sql;

import dev.hallmark.server.store.ThrottleStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Login-failure counters in table {@code login_throttle}, one row per key with a fixed window. The count moves by
 * one upsert ({@code INSERT ... ON CONFLICT DO UPDATE}, the same syntax on SQLite and PostgreSQL) that either
 * increments or, when the window has ended, restarts it; the new count is read back in the same transaction, where
 * the row is still locked (PostgreSQL) or the database is (SQLite), so parallel callers each see their own increment.
 */
final class SqlThrottleStore implements ThrottleStore {

    private final Database database;

    SqlThrottleStore(Database database) {
        this.database = database;
    }

    @Override
    public int recordFailure(String key, Instant now, Duration window) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("throttle window must be positive: " + window);
        }
        long nowMillis = Rows.millis(now);
        long windowEnd = Rows.millis(now.plus(window));
        return database.write("record a login failure", connection -> {
            try (PreparedStatement upsert = connection.prepareStatement(
                    "INSERT INTO login_throttle (throttle_key, failures, window_end) VALUES (?, 1, ?) "
                            + "ON CONFLICT (throttle_key) DO UPDATE SET "
                            + "failures = CASE WHEN login_throttle.window_end <= ? THEN 1 "
                            + "ELSE login_throttle.failures + 1 END, "
                            + "window_end = CASE WHEN login_throttle.window_end <= ? THEN ? "
                            + "ELSE login_throttle.window_end END")) {
                upsert.setString(1, key);
                upsert.setLong(2, windowEnd);
                upsert.setLong(3, nowMillis);
                upsert.setLong(4, nowMillis);
                upsert.setLong(5, windowEnd);
                upsert.executeUpdate();
            }
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT failures FROM login_throttle WHERE throttle_key = ?")) {
                select.setString(1, key);
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    return rows.getInt(1);
                }
            }
        });
    }

    @Override
    public int failures(String key, Instant now) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(now, "now");
        return database.read("read login failures", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT failures FROM login_throttle WHERE throttle_key = ? AND window_end > ?")) {
                select.setString(1, key);
                select.setLong(2, Rows.millis(now));
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? rows.getInt(1) : 0;
                }
            }
        });
    }

    @Override
    public void reset(String key) {
        Objects.requireNonNull(key, "key");
        database.write("reset login failures", connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM login_throttle WHERE throttle_key = ?")) {
                delete.setString(1, key);
                return delete.executeUpdate();
            }
        });
    }

    @Override
    public void forgive(String key) {
        Objects.requireNonNull(key, "key");
        database.write("forgive a login attempt", connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE login_throttle SET failures = failures - 1 WHERE throttle_key = ? AND failures > 0")) {
                update.setString(1, key);
                return update.executeUpdate();
            }
        });
    }

    @Override
    public int purgeExpired(Instant now) {
        Objects.requireNonNull(now, "now");
        return database.write("purge ended login-throttle windows", connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM login_throttle WHERE window_end <= ?")) {
                delete.setLong(1, Rows.millis(now));
                return delete.executeUpdate();
            }
        });
    }
}
