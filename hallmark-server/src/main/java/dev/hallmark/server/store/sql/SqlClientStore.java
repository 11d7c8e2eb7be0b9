package dev.hallmark.server.store.sql;

import dev.hallmark.server.store.ClientRecord;
import dev.hallmark.server.store.ClientStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Clients in table {@code clients}. */
final class SqlClientStore implements ClientStore {

    private static final String COLUMNS =
            "client_id, name, secret_hash, jwks, first_party, scopes, audiences, disabled, created_at";

    private final Database database;

    SqlClientStore(Database database) {
        this.database = database;
    }

    @Override
    public void insert(ClientRecord client) {
        Objects.requireNonNull(client, "client");
        database.write("insert client '" + client.clientId() + "'", connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO clients (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, client.clientId());
                insert.setString(2, client.name());
                Rows.setString(insert, 3, client.secretHash());
                Rows.setString(insert, 4, client.jwks());
                Rows.setBoolean(insert, 5, client.firstParty());
                insert.setString(6, StringSets.encode(client.scopes()));
                insert.setString(7, StringSets.encode(client.audiences()));
                Rows.setBoolean(insert, 8, client.disabled());
                Rows.setInstant(insert, 9, client.createdAt());
                return insert.executeUpdate();
            }
        });
    }

    @Override
    public Optional<ClientRecord> find(String clientId) {
        Objects.requireNonNull(clientId, "clientId");
        return database.read("find client", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM clients WHERE client_id = ?")) {
                select.setString(1, clientId);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(client(rows)) : Optional.<ClientRecord>empty();
                }
            }
        });
    }

    @Override
    public List<ClientRecord> list() {
        return database.read("list clients", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM clients ORDER BY created_at, client_id");
                    ResultSet rows = select.executeQuery()) {
                List<ClientRecord> clients = new ArrayList<>();
                while (rows.next()) {
                    clients.add(client(rows));
                }
                return List.copyOf(clients);
            }
        });
    }

    @Override
    public boolean updateSecret(String clientId, String secretHash) {
        Objects.requireNonNull(clientId, "clientId");
        return database.write("update the secret of client '" + clientId + "'", connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE clients SET secret_hash = ? WHERE client_id = ?")) {
                Rows.setString(update, 1, secretHash);
                update.setString(2, clientId);
                return update.executeUpdate() == 1;
            }
        });
    }

    @Override
    public boolean disable(String clientId) {
        Objects.requireNonNull(clientId, "clientId");
        return database.write("disable client '" + clientId + "'", connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE clients SET disabled = 1 WHERE client_id = ?")) {
                update.setString(1, clientId);
                return update.executeUpdate() == 1;
            }
        });
    }

    private static ClientRecord client(ResultSet row) throws SQLException {
        return new ClientRecord(row.getString("client_id"), row.getString("name"), row.getString("secret_hash"),
                row.getString("jwks"), Rows.bool(row, "first_party"), StringSets.decode(row.getString("scopes")),
                StringSets.decode(row.getString("audiences")), Rows.bool(row, "disabled"),
                Rows.instant(row, "created_at"));
    }
}
