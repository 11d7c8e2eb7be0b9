package dev.hallmark.server.store.sql;

import dev.hallmark.server.store.KeyStore;
import dev.hallmark.server.store.SigningKeyRecord;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Signing keys in table {@code signing_keys}. Activation is a compare-and-set on the active key: the expected active
 * key is retired by a conditional UPDATE (a concurrent activation waits on its row lock, then finds it no longer
 * ACTIVE), then the new key moves from PUBLISHED to ACTIVE. A partial unique index allows one ACTIVE row only; it is
 * the compare-and-set when no key is expected to be active.
 */
final class SqlKeyStore implements KeyStore {

    private static final String COLUMNS = "kid, alg, public_jwk, encrypted_private_jwk, state, created_at, "
            + "activate_after, retired_at, delete_after";

    private final Database database;

    SqlKeyStore(Database database) {
        this.database = database;
    }

    @Override
    public void insert(SigningKeyRecord key) {
        Objects.requireNonNull(key, "key");
        database.write("insert signing key '" + key.kid() + "'", connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO signing_keys (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, key.kid());
                insert.setString(2, key.alg());
                insert.setString(3, key.publicJwk());
                insert.setString(4, key.encryptedPrivateJwk());
                insert.setString(5, key.state().name());
                Rows.setInstant(insert, 6, key.createdAt());
                Rows.setInstant(insert, 7, key.activateAfter());
                Rows.setInstant(insert, 8, key.retiredAt());
                Rows.setInstant(insert, 9, key.deleteAfter());
                return insert.executeUpdate();
            }
        });
    }

    @Override
    public List<SigningKeyRecord> list() {
        return database.read("list signing keys", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM signing_keys ORDER BY created_at, kid");
                    ResultSet rows = select.executeQuery()) {
                List<SigningKeyRecord> keys = new ArrayList<>();
                while (rows.next()) {
                    keys.add(key(rows));
                }
                return List.copyOf(keys);
            }
        });
    }

    @Override
    public boolean activate(String newKid, String expectedActiveKid, Instant now, Instant retiredDeleteAfter) {
        Objects.requireNonNull(newKid, "newKid");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(retiredDeleteAfter, "retiredDeleteAfter");
        if (newKid.equals(expectedActiveKid)) {
            throw new IllegalArgumentException("key '" + newKid + "' cannot replace itself");
        }
        Dialect dialect = database.dialect();
        return database.compareAndSet("activate signing key '" + newKid + "'", connection -> {
            // With no expected key, the partial unique index is the compare-and-set: activating fails with a unique
            // violation while any other key is ACTIVE, committed or being activated by a concurrent transaction.
            if (expectedActiveKid != null) {
                try (PreparedStatement retire = connection.prepareStatement(
                        "UPDATE signing_keys SET state = 'RETIRED', retired_at = ?, delete_after = ? "
                                + "WHERE kid = ? AND state = 'ACTIVE'")) {
                    Rows.setInstant(retire, 1, now);
                    Rows.setInstant(retire, 2, retiredDeleteAfter);
                    retire.setString(3, expectedActiveKid);
                    if (retire.executeUpdate() != 1) {
                        return false;
                    }
                }
            }
            try (PreparedStatement activate = connection.prepareStatement(
                    "UPDATE signing_keys SET state = 'ACTIVE' WHERE kid = ? AND state = 'PUBLISHED'")) {
                activate.setString(1, newKid);
                return activate.executeUpdate() == 1;
            } catch (SQLException e) {
                if (dialect.isUniqueViolation(e)) {
                    return false; // another key is active: only possible with no expected key
                }
                throw e;
            }
        });
    }

    @Override
    public int deleteExpired(Instant now) {
        Objects.requireNonNull(now, "now");
        return database.write("delete expired signing keys", connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM signing_keys WHERE state = 'RETIRED' AND delete_after IS NOT NULL "
                            + "AND delete_after <= ?")) {
                Rows.setInstant(delete, 1, now);
                return delete.executeUpdate();
            }
        });
    }

    private static SigningKeyRecord key(ResultSet row) throws SQLException {
        return new SigningKeyRecord(row.getString("kid"), row.getString("alg"), row.getString("public_jwk"),
                row.getString("encrypted_private_jwk"), SigningKeyRecord.State.valueOf(row.getString("state")),
                Rows.instant(row, "created_at"), Rows.instant(row, "activate_after"),
                Rows.instantOrNull(row, "retired_at"), Rows.instantOrNull(row, "delete_after"));
    }
}
