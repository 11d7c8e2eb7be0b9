package dev.hallmark.bc;

import dev.hallmark.spi.PreparedVerifier;
import org.bouncycastle.math.ec.rfc8032.Ed448;

/**
 * Ed448 verification (RFC 8032 §5.2, empty context as RFC 8037 uses it) under one key with Bouncy Castle's code, the
 * key decoded once into its {@link Ed448.PublicPoint}. Bouncy Castle checks a multiple of the cofactorless equation,
 * which also holds when the two sides differ by a point of small order; such a difference needs a small-order
 * component in A or in R. So a key with one is left to the JDK engine throughout, and a signature Bouncy Castle
 * accepts is confirmed only once R is known to lie in the prime-order subgroup, else the JDK engine decides it.
 * (Ed25519 checks the exact equation itself instead: {@link Ed25519Verifier}; Ed448 tokens are rare enough that
 * the second multiplication here is not worth new arithmetic.)
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
