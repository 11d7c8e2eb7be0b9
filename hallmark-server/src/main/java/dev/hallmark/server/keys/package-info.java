/**
 * Signing keys: generated, published ahead of use, activated, retired and deleted on a schedule by
 * {@link dev.hallmark.server.keys.KeyManager}; private keys are stored encrypted under the
 * {@link dev.hallmark.server.keys.MasterKey}. Knows the store and the core library, nothing of HTTP.
 */
package dev.hallmark.server.keys;
