package dev.hallmark.server.store.sql;

import dev.hallmark.server.store.AccessTokenRecord;
import dev.hallmark.server.store.RevocationStore;
import dev.hallmark.server.store.RevokedToken;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Issued access tokens ({@code access_tokens}) and the revocation feed ({@code revocations}). Every transaction that
 * revokes first locks the single {@code revocation_feed} row and takes its cursors from it, so revokers run one at a
 * time: cursors are assigned in commit order, a feed reader can never see a later cursor before an earlier one has
 * committed, and a token is never entered twice.
 */
final class SqlRevocationStore implements RevocationStore {

    private static final String COLUMNS =
            "jti, client_id, user_id, family_id, scope, audience, issued_at, expires_at";

    private final Database database;

    SqlRevocationStore(Database database) {
        this.database = database;
    }

    @Override
    public void recordIssued(AccessTokenRecord token) {
        Objects.requireNonNull(token, "token");
        database.write("record issued access token '" + token.jti() + "'", connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO access_tokens (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, token.jti());
                insert.setString(2, token.clientId());
                Rows.setString(insert, 3, token.userId());
                Rows.setString(insert, 4, token.familyId());
                insert.setString(5, token.scope());
                Rows.setString(insert, 6, token.audience());
                Rows.setInstant(insert, 7, token.issuedAt());
                Rows.setInstant(insert, 8, token.expiresAt());
                return insert.executeUpdate();
            }
        });
    }

    @Override
    public Optional<AccessTokenRecord> findIssued(String jti) {
        Objects.requireNonNull(jti, "jti");
        return database.read("find an issued access token", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM access_tokens WHERE jti = ?")) {
                select.setString(1, jti);
                try (ResultSet rows = select.executeQuery()) {
                    if (!rows.next()) {
                        return Optional.<AccessTokenRecord>empty();
                    }
                    return Optional.of(new AccessTokenRecord(rows.getString("jti"), rows.getString("client_id"),
                            rows.getString("user_id"), rows.getString("family_id"), rows.getString("scope"),
                            rows.getString("audience"), Rows.instant(rows, "issued_at"),
                            Rows.instant(rows, "expires_at")));
                }
            }
        });
    }

    @Override
    public boolean revoke(String jti, Instant now) {
        Objects.requireNonNull(jti, "jti");
        Objects.requireNonNull(now, "now");
        return database.write("revoke access token '" + jti + "'", connection -> {
            long last = lockFeed(connection);
            long expiresAt;
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT expires_at FROM access_tokens WHERE jti = ?")) {
                select.setString(1, jti);
                try (ResultSet rows = select.executeQuery()) {
                    if (!rows.next()) {
                        return false;
                    }
                    expiresAt = rows.getLong(1);
                }
            }
            if (expiresAt <= Rows.millis(now)) {
                return false;
            }
            if (isRevoked(connection, jti)) {
                return true;
            }
            List<Pending> pending = List.of(new Pending(jti, expiresAt));
            append(connection, last, pending, now);
            return true;
        });
    }

    @Override
    public int revokeFamily(String familyId, Instant now) {
        Objects.requireNonNull(familyId, "familyId");
        return revokeWhere("family_id", familyId, now, "revoke the access tokens of family '" + familyId + "'");
    }

    @Override
    public int revokeByUser(String userId, Instant now) {
        Objects.requireNonNull(userId, "userId");
        return revokeWhere("user_id", userId, now, "revoke the access tokens of user '" + userId + "'");
    }

    @Override
    public int revokeByClient(String clientId, Instant now) {
        Objects.requireNonNull(clientId, "clientId");
        return revokeWhere("client_id", clientId, now, "revoke the access tokens of client '" + clientId + "'");
    }

    /** Revokes the unexpired, not yet revoked tokens matching one column; returns how many were added to the feed. */
    private int revokeWhere(String column, String value, Instant now, String what) {
        Objects.requireNonNull(now, "now");
        return database.write(what, connection -> {
            long last = lockFeed(connection);
            List<Pending> pending = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT a.jti, a.expires_at FROM access_tokens a WHERE a." + column + " = ? AND a.expires_at > ? "
                            + "AND NOT EXISTS (SELECT 1 FROM revocations r WHERE r.jti = a.jti) "
                            + "ORDER BY a.issued_at, a.jti")) {
                select.setString(1, value);
                Rows.setInstant(select, 2, now);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        pending.add(new Pending(rows.getString(1), rows.getLong(2)));
                    }
                }
            }
            append(connection, last, pending, now);
            return pending.size();
        });
    }

    private record Pending(String jti, long expiresAt) {
    }

    /** Locks the feed's counter row until the transaction ends and returns the last cursor handed out. */
    private long lockFeed(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT last_cursor FROM revocation_feed WHERE id = 1" + database.dialect().forUpdate());
                ResultSet rows = select.executeQuery()) {
            if (!rows.next()) {
                throw new SQLException("the revocation_feed row is missing; the schema is damaged");
            }
            return rows.getLong(1);
        }
    }

    private static void append(Connection connection, long last, List<Pending> pending, Instant now)
            throws SQLException {
        if (pending.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO revocations (feed_cursor, jti, expires_at, revoked_at) VALUES (?, ?, ?, ?)")) {
            long cursor = last;
            for (Pending each : pending) {
                insert.setLong(1, ++cursor);
                insert.setString(2, each.jti());
                insert.setLong(3, each.expiresAt());
                Rows.setInstant(insert, 4, now);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE revocation_feed SET last_cursor = ? WHERE id = 1")) {
            update.setLong(1, last + pending.size());
            update.executeUpdate();
        }
    }

    @Override
    public boolean isRevoked(String jti) {
        Objects.requireNonNull(jti, "jti");
        return database.read("check an access token's revocation", connection -> isRevoked(connection, jti));
    }

    private static boolean isRevoked(Connection connection, String jti) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM revocations WHERE jti = ?")) {
            select.setString(1, jti);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        }
    }

    @Override
    public List<RevokedToken> feed(long cursor, Instant now, int limit) {
        Objects.requireNonNull(now, "now");
        if (limit < 1) {
            throw new IllegalArgumentException("feed limit must be at least 1: " + limit);
        }
        return database.read("read the revocation feed", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT feed_cursor, jti, expires_at FROM revocations WHERE feed_cursor > ? AND expires_at > ? "
                            + "ORDER BY feed_cursor LIMIT ?")) {
                select.setLong(1, cursor);
                Rows.setInstant(select, 2, now);
                select.setInt(3, limit);
                try (ResultSet rows = select.executeQuery()) {
                    List<RevokedToken> feed = new ArrayList<>();
                    while (rows.next()) {
                        feed.add(new RevokedToken(rows.getLong(1), rows.getString(2),
                                Instant.ofEpochMilli(rows.getLong(3))));
                    }
                    return List.copyOf(feed);
                }
            }
        });
    }

    @Override
    public int purgeExpired(Instant now) {
        Objects.requireNonNull(now, "now");
        return database.write("purge expired access tokens and revocations", connection -> {
            int deleted = 0;
            for (String table : new String[] {"revocations", "access_tokens"}) {
                try (PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM " + table + " WHERE expires_at <= ?")) {
                    Rows.setInstant(delete, 1, now);
                    deleted += delete.executeUpdate();
                }
            }
            return deleted;
        });
    }
}
