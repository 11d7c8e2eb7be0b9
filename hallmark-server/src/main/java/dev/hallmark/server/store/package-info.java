/**
 * Storage, one small interface per aggregate: {@link dev.hallmark.server.store.ClientStore},
 * {@link dev.hallmark.server.store.UserStore}, {@link dev.hallmark.server.store.RefreshTokenStore},
 * {@link dev.hallmark.server.store.RevocationStore}, {@link dev.hallmark.server.store.KeyStore},
 * {@link dev.hallmark.server.store.ThrottleStore}, opened together as a {@link dev.hallmark.server.store.Store}.
 *
 * <p>Every method is atomic on its own: state changes that races could break (refresh rotation, activating a
 * signing key, throttle counters) are compare-and-set operations in the database, so several server instances and
 * the admin commands can share one store. Nothing here knows HTTP or tokens' wire formats; secrets are stored only as
 * hashes or encrypted.
 */
package dev.hallmark.server.store;
