/**
 * Byte-level codecs shared by every JOSE part: strict base64url (RFC 7515 §2: no padding, no whitespace,
 * canonical trailing bits) and constant-time comparison. Knows nothing of JSON, keys or tokens.
 */
package dev.hallmark.internal.codec;
