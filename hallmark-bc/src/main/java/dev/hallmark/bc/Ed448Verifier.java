package dev.hallmark.bc;

import dev.hallmark.spi.PreparedVerifier;
import org.bouncycastle.math.ec.rfc8032.Ed448;

/**
 * Ed448 verification (RFC 8032 §5.2, empty context as RFC 8037 uses it) under one key with Bouncy Castle's code, the
 * key decoded once into its {@link Ed448.PublicPoint}. The cofactorless equation is enforced exactly as for Ed25519
 * (see {@link Ed25519Verifier}): keys or R values with a small-order component are left to the JDK engine.
 */
final class Ed448Verifier implements PreparedVerifier {

    private static final byte[] NO_CONTEXT = new byte[0];

    private final Ed448.PublicPoint point;
    private final PreparedVerifier jdk;

    private Ed448Verifier(Ed448.PublicPoint point, PreparedVerifier jdk) {
        this.point = point;
        this.jdk = jdk;
    }

    static PreparedVerifier of(byte[] encoded, PreparedVerifier jdk) {
        Ed448.PublicPoint point = Ed448.validatePublicKeyFullExport(encoded, 0);
        return point == null ? jdk : new Ed448Verifier(point, jdk);
    }

    @Override
    public boolean verify(byte[] data, int off, int len, byte[] signature) {
        if (signature.length != Ed448.SIGNATURE_SIZE
                || !Ed448.verify(signature, 0, point, NO_CONTEXT, data, off, len)) {
            return false;
        }
        return Ed448.validatePublicKeyFull(signature, 0) || jdk.verify(data, off, len, signature);
    }
}
