package dev.hallmark.spi;

import java.util.Optional;

/**
 * The curves whose signatures a {@link SignatureVerificationEngine} may verify, with the formats Hallmark hands it:
 * ECDSA on the NIST curves (RFC 7518 §3.4, ES256/384/512) and EdDSA (RFC 8037 §3.1).
 */
public enum SignatureCurve {
    /** ES256: SHA-256, 64-octet R || S signatures. */
    P_256("P-256", "SHA-256", 32),
    /** ES384: SHA-384, 96-octet R || S signatures. */
    P_384("P-384", "SHA-384", 48),
    /** ES512: SHA-512, 132-octet R || S signatures. */
    P_521("P-521", "SHA-512", 66),
    /** Ed25519 (RFC 8032 §5.1): 32-octet public keys, 64-octet signatures. */
    ED25519("Ed25519", null, 32),
    /** Ed448 (RFC 8032 §5.2) with an empty context: 57-octet public keys, 114-octet signatures. */
    ED448("Ed448", null, 57);

    private final String jwkName;
    private final String hash;
    private final int size;

    SignatureCurve(String jwkName, String hash, int size) {
        this.jwkName = jwkName;
        this.hash = hash;
        this.size = size;
    }

    /** The JWK {@code crv} name, e.g. {@code P-256} or {@code Ed25519}. */
    public String jwkName() {
        return jwkName;
    }

    /** True for Ed25519 and Ed448, false for the ECDSA curves. */
    public boolean isEdwards() {
        return hash == null;
    }

    /**
     * The JCA name of the hash ECDSA applies to the signing input ({@code SHA-256}, {@code SHA-384},
     * {@code SHA-512}); empty for EdDSA, which hashes internally.
     */
    public Optional<String> hashAlgorithm() {
        return Optional.ofNullable(hash);
    }

    /** Octets of a field element: of each coordinate for ECDSA, of the encoded point for EdDSA. */
    public int fieldSize() {
        return size;
    }

    /** Exact length of a signature: R || S, each half {@link #fieldSize()} octets. */
    public int signatureLength() {
        return 2 * size;
    }

    /**
     * Exact length of the encoded public key given to {@link SignatureVerificationEngine#prepare}: the uncompressed
     * SEC 1 point {@code 04 || X || Y} for ECDSA, the RFC 8032 encoding for EdDSA.
     */
    public int encodedPublicKeyLength() {
        return isEdwards() ? size : 1 + 2 * size;
    }
}
