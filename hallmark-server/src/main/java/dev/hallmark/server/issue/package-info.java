/**
 * Turning validated grants into tokens: {@link dev.hallmark.server.issue.TokenIssuer} (RFC 9068 access tokens),
 * {@link dev.hallmark.server.issue.RefreshTokens} (opaque, hashed, rotated on every use, reuse revokes the family),
 * {@link dev.hallmark.server.issue.ClientAuthenticator} (client secrets and {@code private_key_jwt}),
 * {@link dev.hallmark.server.issue.PasswordHasher} (Argon2id) and the password grant's throttling. Failures are
 * {@link dev.hallmark.server.issue.OAuthException} with RFC 6749 error codes. No HTTP types here.
 */
package dev.hallmark.server.issue;
