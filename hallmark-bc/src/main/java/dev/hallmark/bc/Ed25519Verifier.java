package dev.hallmark.bc;

import dev.hallmark.spi.PreparedVerifier;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * Ed25519 verification under one key by Hallmark's exact rule, the cofactorless equation [S]B = R + [k]A (the JDK's,
 * and that of ref10, Go and OpenSSL): it computes [S]B - [k]A and accepts exactly when its canonical encoding is the
 * 32 octets of R. A non-canonical R or one off the curve can then never match, and a point of small order in R is
 * never multiplied away, so no subgroup check of R is needed. Bouncy Castle's own verify checks a multiple of the
 * equation instead, which needed a second full multiplication per token to be made exact; here the field
 * arithmetic alone is Bouncy Castle's, and the per-key tables make one interleaved multiplication cost 32 doublings.
 *
 * <p>A key with a small-order component (accepted at import, unlike a small-order key; no honest key has one) is
 * left to the JDK engine throughout, so the reduction of k mod L, which changes [k]A only for such keys, never
 * decides anything here.
 */
final class Ed25519Verifier implements PreparedVerifier {

    private static final ThreadLocal<MessageDigest> SHA512 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-512 unavailable", e);
        }
    });

    private final byte[] encodedKey;
    private final Ed25519Tables keyTables;

    private Ed25519Verifier(byte[] encodedKey, Ed25519Tables keyTables) {
        this.encodedKey = encodedKey;
        this.keyTables = keyTables;
    }

    /** The verifier for a key Hallmark has validated (canonical, on the curve, not of small order). */
    static PreparedVerifier of(byte[] encoded, PreparedVerifier jdk) {
        // "full": also in the prime-order subgroup, i.e. free of any small-order component
        if (Ed25519.validatePublicKeyFullExport(encoded, 0) == null) {
            return jdk;
        }
        PreparedVerifier exact = exact(encoded);
        return exact == null ? jdk : exact; // null is not reached for a validated key
    }

    /** The exact verifier for any key that decodes, small-order component or not; null when it does not decode. */
    static PreparedVerifier exact(byte[] encoded) {
        Ed25519Point a = Ed25519Point.decode(encoded, 0);
        return a == null ? null : new Ed25519Verifier(encoded.clone(), Ed25519Tables.of(a, Ed25519Tables.KEY_WIDTH));
    }

    @Override
    public boolean verify(byte[] data, int off, int len, byte[] signature) {
        // Hallmark checked both already (engine contract); kept so that this class alone never accepts S >= L
        if (signature.length != 64 || !Ed25519Scalar.belowOrder(signature, 32)) {
            return false;
        }
        MessageDigest sha = SHA512.get();
        sha.update(signature, 0, 32);
        sha.update(encodedKey);
        sha.update(data, off, len);
        byte[] k = Ed25519Scalar.reduce(sha.digest());
        Ed25519Tables base = Ed25519Tables.base();
        Ed25519Point p = new Ed25519Point();
        Ed25519Tables.subtractMultiples(p, base, Ed25519Scalar.nonAdjacentForm(signature, 32, base.width()),
                keyTables, Ed25519Scalar.nonAdjacentForm(k, 0, keyTables.width()));
        byte[] computed = new byte[32];
        p.encode(computed, 0);
        return Arrays.equals(computed, 0, 32, signature, 0, 32);
    }
}
