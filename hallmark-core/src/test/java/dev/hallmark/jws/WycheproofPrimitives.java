package dev.hallmark.jws;

import dev.hallmark.internal.codec.Base64Url;
import dev.hallmark.jwk.Jwk;
import dev.hallmark.vectors.Wycheproof;

import java.math.BigInteger;
import java.security.Key;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Shared plumbing for the Wycheproof primitive-file tests. Their {@code msg} is arbitrary bytes, not a JWS signing
 * input, so these tests call the signature layer under the JWS API directly: {@code alg.scheme()} of a
 * {@link JwsAlgorithm} (package-private, hence this package) with the key from the group's JWK parsed by
 * {@link Jwk#parse}. The JWK's own {@code alg}, where present, plays no part at this layer.
 */
final class WycheproofPrimitives {

    private WycheproofPrimitives() {
    }

    /** Parsed keys per vector group (groups are shared by identity between their cases): parse once, not per case. */
    private static final Map<Wycheproof.Group, Jwk> KEYS = Collections.synchronizedMap(new IdentityHashMap<>());

    /** The group's key, parsed by {@code parser} on first use; a parse failure is thrown to every case of the group. */
    static Jwk key(Wycheproof.Group group, Function<Wycheproof.Group, Jwk> parser) {
        Jwk cached = KEYS.get(group);
        if (cached == null) {
            cached = parser.apply(group);
            KEYS.put(group, cached);
        }
        return cached;
    }

    /** The JOSE algorithm of {@code prefix} ("RS", "PS", "ES", "HS") over the vector's hash, if JOSE has one. */
    static Optional<JwsAlgorithm> algorithm(String prefix, String sha) {
        if (!sha.startsWith("SHA-")) {
            return Optional.empty();
        }
        return JwsAlgorithm.fromName(prefix + sha.substring("SHA-".length()));
    }

    /**
     * The group's public key as a JWK: {@code publicKeyJwk} or {@code keyJwk}. A few ECDSA groups (the special
     * "r = x" keys near the end of each P1363 file) come without a JWK; for those the JWK is built from the hex
     * coordinates {@code wx}, {@code wy} of the group's {@code publicKey}, left-padded to the curve size as
     * RFC 7518 §6.2.1.2 requires, and then parsed by {@link Jwk#parse} like any other.
     */
    static String publicJwkJson(Wycheproof.Group group, String crv, int coordinateBytes) {
        if (group.has("publicKeyJwk")) {
            return Wycheproof.json(group.object("publicKeyJwk"));
        }
        if (group.has("keyJwk")) {
            return Wycheproof.json(group.object("keyJwk"));
        }
        Map<String, Object> pk = group.object("publicKey");
        Map<String, Object> jwk = new LinkedHashMap<>();
        jwk.put("kty", "EC");
        jwk.put("crv", crv);
        jwk.put("x", coordinate((String) pk.get("wx"), coordinateBytes));
        jwk.put("y", coordinate((String) pk.get("wy"), coordinateBytes));
        return Wycheproof.json(jwk);
    }

    private static String coordinate(String hexTwosComplement, int size) {
        BigInteger value = new BigInteger(hexTwosComplement, 16);
        if (value.bitLength() > size * 8) {
            throw new IllegalStateException("coordinate longer than " + size + " octets: " + hexTwosComplement);
        }
        byte[] magnitude = value.toByteArray();
        byte[] fixed = new byte[size];
        int copy = Math.min(magnitude.length, size);
        System.arraycopy(magnitude, magnitude.length - copy, fixed, size - copy, copy);
        return Base64Url.encode(fixed);
    }

    /** The JCA key the verifier would hand to the scheme: the secret for oct keys, else the public key. */
    static Key verificationKey(Jwk key) {
        return SignatureCheck.jcaKey(key);
    }

    static boolean verify(JwsAlgorithm alg, Jwk key, byte[] msg, byte[] sig) {
        return alg.scheme().verify(verificationKey(key), msg, 0, msg.length, sig);
    }
}
