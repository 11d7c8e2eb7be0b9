package dev.hallmark.spi;

/**
 * Verification under one public key, with whatever per-key state the engine needs (a decoded point, a
 * precomputed table) built once by {@link SignatureVerificationEngine#prepare}. Must be thread-safe: Hallmark shares
 * one instance per key between all threads.
 */
@FunctionalInterface
public interface PreparedVerifier {

    /**
     * True when {@code signature} is valid for {@code len} octets of {@code data} from {@code off}, the JWS signing
     * input. For ECDSA, the signature is R || S of exactly {@link SignatureCurve#signatureLength()} octets with R and
     * S already checked to lie in [1, n-1]; the engine hashes the input with {@link SignatureCurve#hashAlgorithm()}.
     * For EdDSA, it is an RFC 8032 signature of the exact length whose R is a canonical encoding and whose S is below
     * the group order. Returns false (never throws) for a signature that does not verify. Must not modify or keep
     * either array.
     */
    boolean verify(byte[] data, int off, int len, byte[] signature);
}
