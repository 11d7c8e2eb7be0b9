/**
 * Turning validated grants into tokens, and the credentials behind them: the token issuer mints and signs access
 * tokens, refresh tokens rotate with reuse detection, and {@link dev.hallmark.server.issue.PasswordHasher} hashes and
 * verifies user passwords with Argon2id.
 *
 * <p>No HTTP types here: handlers translate requests into calls on this package and results back into responses.
 * Passwords and token secrets are taken as {@code char[]} or bytes where possible and never logged or echoed.
 */
package dev.hallmark.server.issue;
