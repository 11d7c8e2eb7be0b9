/**
 * Signing keys and the secrets that protect them: {@link dev.hallmark.server.keys.MasterKey} seals private keys at
 * rest with AES-256-GCM; the key manager generates, publishes ahead, activates, retires and deletes signing keys on a
 * schedule driven by an injected {@link java.time.Clock}.
 *
 * <p>This package knows the store's key records and the JOSE key types; it must not know HTTP, request parsing or how
 * the configuration was read. Key material never appears in {@code toString()}, exception messages or logs.
 */
package dev.hallmark.server.keys;
