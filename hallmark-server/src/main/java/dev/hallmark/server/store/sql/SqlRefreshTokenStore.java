package dev.hallmark.server.store.sql;

import dev.hallmark.server.store.RefreshTokenRecord;
import dev.hallmark.server.store.RefreshTokenStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Refresh tokens in table {@code refresh_tokens}. Rotation is a compare-and-set: the old token's row moves from
 * ACTIVE to ROTATED with a conditional UPDATE (the row lock makes a concurrent rotation wait and then find it no
 * longer ACTIVE), and the successor is inserted in the same transaction.
 */
final class SqlRefreshTokenStore implements RefreshTokenStore {

    private static final String COLUMNS = "token_hash, family_id, client_id, user_id, scope, issued_at, expires_at, "
            + "state, replaced_by, rotated_at";

    private final Database database;

    SqlRefreshTokenStore(Database database) {
        this.database = database;
    }

    @Override
    public void insert(RefreshTokenRecord token) {
        Objects.requireNonNull(token, "token");
        database.write("insert a refresh token of family '" + token.familyId() + "'",
                connection -> insert(connection, token));
    }

    private static int insert(Connection connection, RefreshTokenRecord token) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO refresh_tokens (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, token.tokenHash());
            insert.setString(2, token.familyId());
            insert.setString(3, token.clientId());
            Rows.setString(insert, 4, token.userId());
            insert.setString(5, token.scope());
            Rows.setInstant(insert, 6, token.issuedAt());
            Rows.setInstant(insert, 7, token.expiresAt());
            insert.setString(8, token.state().name());
            Rows.setString(insert, 9, token.replacedBy());
            Rows.setInstant(insert, 10, token.rotatedAt());
            return insert.executeUpdate();
        }
    }

    @Override
    public Optional<RefreshTokenRecord> find(String tokenHash) {
        Objects.requireNonNull(tokenHash, "tokenHash");
        return database.read("find a refresh token", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM refresh_tokens WHERE token_hash = ?")) {
                select.setString(1, tokenHash);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(token(rows)) : Optional.<RefreshTokenRecord>empty();
                }
            }
        });
    }

    @Override
    public boolean rotate(String oldHash, RefreshTokenRecord successor, Instant now) {
        Objects.requireNonNull(oldHash, "oldHash");
        Objects.requireNonNull(successor, "successor");
        Objects.requireNonNull(now, "now");
        return database.compareAndSet("rotate a refresh token of family '" + successor.familyId() + "'",
                connection -> {
                    try (PreparedStatement update = connection.prepareStatement(
                            "UPDATE refresh_tokens SET state = 'ROTATED', replaced_by = ?, rotated_at = ? "
                                    + "WHERE token_hash = ? AND state = 'ACTIVE'")) {
                        update.setString(1, successor.tokenHash());
                        Rows.setInstant(update, 2, now);
                        update.setString(3, oldHash);
                        if (update.executeUpdate() != 1) {
                            return false;
                        }
                    }
                    insert(connection, successor);
                    return true;
                });
    }

    @Override
    public int revokeFamily(String familyId, Instant now) {
        Objects.requireNonNull(familyId, "familyId");
        return revokeWhere("family_id", familyId, now, "revoke refresh-token family '" + familyId + "'");
    }

    @Override
    public int revokeByUser(String userId, Instant now) {
        Objects.requireNonNull(userId, "userId");
        return revokeWhere("user_id", userId, now, "revoke the refresh tokens of user '" + userId + "'");
    }

    @Override
    public int revokeByClient(String clientId, Instant now) {
        Objects.requireNonNull(clientId, "clientId");
        return revokeWhere("client_id", clientId, now, "revoke the refresh tokens of client '" + clientId + "'");
    }

    /** Every token not yet REVOKED (ACTIVE and ROTATED alike) becomes REVOKED. */
    private int revokeWhere(String column, String value, Instant now, String what) {
        Objects.requireNonNull(now, "now");
        return database.write(what, connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE refresh_tokens SET state = 'REVOKED', revoked_at = ? WHERE " + column
                            + " = ? AND state <> 'REVOKED'")) {
                Rows.setInstant(update, 1, now);
                update.setString(2, value);
                return update.executeUpdate();
            }
        });
    }

    @Override
    public int purgeExpired(Instant now) {
        Objects.requireNonNull(now, "now");
        return database.write("purge expired refresh tokens", connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM refresh_tokens WHERE expires_at <= ?")) {
                Rows.setInstant(delete, 1, now);
                return delete.executeUpdate();
            }
        });
    }

    private static RefreshTokenRecord token(ResultSet row) throws SQLException {
        return new RefreshTokenRecord(row.getString("token_hash"), row.getString("family_id"),
                row.getString("client_id"), row.getString("user_id"), row.getString("scope"),
                Rows.instant(row, "issued_at"), Rows.instant(row, "expires_at"),
                RefreshTokenRecord.State.valueOf(row.getString("state")), row.getString("replaced_by"),
                Rows.instantOrNull(row, "rotated_at"));
    }
}
