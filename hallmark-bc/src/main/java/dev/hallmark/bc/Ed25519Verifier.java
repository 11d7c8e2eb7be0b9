package dev.hallmark.bc;

import dev.hallmark.spi.PreparedVerifier;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Ed25519 verification under one key with Bouncy Castle's RFC 8032 code, the key decoded once into its
 * {@link Ed25519.PublicPoint}.
 *
 * <p>Hallmark's rule is the cofactorless equation [S]B = R + [k]A, exactly (the JDK's, and that of ref10, Go and
 * OpenSSL). Bouncy Castle checks a multiple of it (it scales both sides by a short scalar to halve the work), which
 * also holds when the two sides differ by a point of small order. Such a difference needs a small-order component in
 * A or in R; honest keys and signatures have neither. So: a key with such a component (accepted at import, unlike a
 * small-order key) is verified by the JDK engine throughout, and a signature Bouncy Castle accepts is confirmed only
 * once R is known to lie in the prime-order subgroup; otherwise the JDK engine decides it. The C2SP/CCTV vectors pin
 * every case.
 */
final class Ed25519Verifier implements PreparedVerifier {

    private final Ed25519.PublicPoint point;
    private final PreparedVerifier jdk;

    private Ed25519Verifier(Ed25519.PublicPoint point, PreparedVerifier jdk) {
        this.point = point;
        this.jdk = jdk;
    }

    /** The verifier for a key Hallmark has validated (canonical, on the curve, not of small order). */
    static PreparedVerifier of(byte[] encoded, PreparedVerifier jdk) {
        // "full": also in the prime-order subgroup, i.e. free of any small-order component
        Ed25519.PublicPoint point = Ed25519.validatePublicKeyFullExport(encoded, 0);
        return point == null ? jdk : new Ed25519Verifier(point, jdk);
    }

    @Override
    public boolean verify(byte[] data, int off, int len, byte[] signature) {
        if (signature.length != Ed25519.SIGNATURE_SIZE || !Ed25519.verify(signature, 0, point, data, off, len)) {
            return false;
        }
        // R is the first half of the signature; "full" validation of it as a point is the subgroup check
        return Ed25519.validatePublicKeyFull(signature, 0) || jdk.verify(data, off, len, signature);
    }
}
