package dev.hallmark.internal.json;

import java.nio.charset.StandardCharsets;

/**
 * The member names tokens are made of, so the parser can hand out one shared {@code String} per name instead of
 * allocating (and later hashing) a fresh copy for every member of every token. The list is the IANA registries'
 * common entries: JOSE header parameters (RFC 7515, 7516, 7518, 7797), JWK parameters (RFC 7517, 7518, 8037) and
 * JWT claims (RFC 7519, 8693, 9068, OpenID Connect Core). A fixed table, filled once: nothing a token says is stored.
 */
final class JsonNames {

    private static final String[] NAMES = {
        // JOSE header
        "alg", "jku", "jwk", "kid", "x5u", "x5c", "x5t", "x5t#S256", "typ", "cty", "crit", "enc", "zip", "epk", "apu",
        "apv", "iv", "tag", "p2s", "p2c", "b64", "url", "nonce", "ppt",
        // JWK and JWK Set
        "keys", "kty", "use", "key_ops", "n", "e", "d", "p", "q", "dp", "dq", "qi", "oth", "r", "t", "crv", "x", "y", "k",
        // JWT claims
        "iss", "sub", "aud", "exp", "nbf", "iat", "jti", "scope", "client_id", "azp", "auth_time", "acr", "amr", "sid",
        "cnf", "act", "may_act", "roles", "groups", "entitlements", "at_hash", "c_hash", "events", "txn", "name",
        "given_name", "family_name", "middle_name", "nickname", "preferred_username", "profile", "picture", "website",
        "email", "email_verified", "gender", "birthdate", "zoneinfo", "locale", "phone_number",
        "phone_number_verified", "address", "updated_at",
    };

    private static final int SLOTS = 256;
    private static final String[] TABLE = new String[SLOTS];
    private static final byte[][] BYTES = new byte[SLOTS][];
    private static final int LONGEST;

    static {
        int longest = 0;
        for (String name : NAMES) {
            byte[] ascii = name.getBytes(StandardCharsets.US_ASCII);
            int s = hash(ascii, 0, ascii.length) & (SLOTS - 1);
            while (TABLE[s] != null) {
                if (TABLE[s].equals(name)) {
                    throw new ExceptionInInitializerError("listed twice: " + name);
                }
                s = (s + 1) & (SLOTS - 1);
            }
            TABLE[s] = name;
            BYTES[s] = ascii;
            longest = Math.max(longest, ascii.length);
        }
        LONGEST = longest;
    }

    private JsonNames() {
    }

    /** The shared string for the name in {@code b[off..off+len)}, or null if it is not a listed name. */
    static String lookup(byte[] b, int off, int len) {
        if (len == 0 || len > LONGEST) {
            return null;
        }
        for (int s = hash(b, off, len) & (SLOTS - 1); TABLE[s] != null; s = (s + 1) & (SLOTS - 1)) {
            if (same(BYTES[s], b, off, len)) {
                return TABLE[s];
            }
        }
        return null;
    }

    /** A plain loop: these names are a few bytes long, shorter than a vectorised compare is worth calling for. */
    private static boolean same(byte[] candidate, byte[] b, int off, int len) {
        if (candidate.length != len) {
            return false;
        }
        for (int k = 0; k < len; k++) {
            if (candidate[k] != b[off + k]) {
                return false;
            }
        }
        return true;
    }

    /** Length, first, second and last byte: constant time, and enough to spread the listed names. */
    private static int hash(byte[] b, int off, int len) {
        int h = len * 0x9E37 + b[off] * 0x3B + b[off + (len > 1 ? 1 : 0)] * 7 + b[off + len - 1];
        return h ^ (h >>> 7);
    }
}
