/**
 * The Hallmark token issuer: {@link dev.hallmark.server.HallmarkServer} wires configuration, store, key manager,
 * token issuer and HTTP handlers. Subpackages: {@code config} (YAML, environment, flags, validation), {@code store}
 * (one interface per aggregate; {@code store.sql} for SQLite and PostgreSQL), {@code keys} (signing keys, master-key
 * encryption, rotation), {@code issue} (grants, token minting, refresh rotation, passwords; no HTTP types) and
 * {@code http} (one handler per endpoint; translation between HTTP and the domain, nothing more).
 */
package dev.hallmark.server;
