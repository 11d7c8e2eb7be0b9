package dev.hallmark.bc;

import dev.hallmark.spi.PreparedVerifier;
import dev.hallmark.spi.SignatureCurve;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumMap;
import java.util.Map;

/**
 * ECDSA verification under one key with {@link ECDSASigner} over Bouncy Castle's custom curve arithmetic
 * ({@code SecP256R1Curve} and friends). The decoded public point is kept for the key's life: Bouncy Castle stores
 * the point's precomputed multiples on the point object itself at the first verification, so every later one reuses
 * them, as it does those of the generator.
 *
 * <p>{@link ECDSASigner} takes the message hash, not the message: it is computed here with the JDK's
 * {@link MessageDigest}, one per thread and hash. For P-521 with SHA-512 the 512-bit hash is shorter than the
 * 521-bit order, so Bouncy Castle uses it whole as the integer e, as FIPS 186-5 §6.4.2 requires (it truncates only
 * hashes longer than the order).
 */
final class EcdsaVerifier implements PreparedVerifier {

    private static final Map<SignatureCurve, ECDomainParameters> DOMAINS = new EnumMap<>(SignatureCurve.class);
    private static final Map<SignatureCurve, ThreadLocal<MessageDigest>> DIGESTS = new EnumMap<>(SignatureCurve.class);

    static {
        for (SignatureCurve curve : new SignatureCurve[] {SignatureCurve.P_256, SignatureCurve.P_384, SignatureCurve.P_521}) {
            String name = switch (curve) {
                case P_256 -> "secp256r1";
                case P_384 -> "secp384r1";
                default -> "secp521r1";
            };
            X9ECParameters x9 = CustomNamedCurves.getByName(name);
            DOMAINS.put(curve, new ECDomainParameters(x9));
            String hash = curve.hashAlgorithm().orElseThrow();
            DIGESTS.put(curve, ThreadLocal.withInitial(() -> {
                try {
                    return MessageDigest.getInstance(hash);
                } catch (NoSuchAlgorithmException e) {
                    throw new IllegalStateException(hash + " unavailable", e);
                }
            }));
        }
    }

    private final int size;
    private final ECPublicKeyParameters key;
    private final ThreadLocal<MessageDigest> digests;

    EcdsaVerifier(SignatureCurve curve, byte[] uncompressedPoint) {
        ECDomainParameters domain = domain(curve);
        this.size = curve.fieldSize();
        // decodePoint and ECPublicKeyParameters both check the point lies on the curve and is not the identity
        this.key = new ECPublicKeyParameters(domain.getCurve().decodePoint(uncompressedPoint), domain);
        this.digests = DIGESTS.get(curve);
    }

    static ECDomainParameters domain(SignatureCurve curve) {
        ECDomainParameters domain = DOMAINS.get(curve);
        if (domain == null) {
            throw new IllegalArgumentException(curve + " is not an ECDSA curve");
        }
        return domain;
    }

    @Override
    public boolean verify(byte[] data, int off, int len, byte[] signature) {
        if (signature.length != 2 * size) {
            return false;
        }
        MessageDigest md = digests.get();
        md.update(data, off, len);
        byte[] hash = md.digest();
        ECDSASigner signer = new ECDSASigner();
        signer.init(false, key);
        return signer.verifySignature(hash, new BigInteger(1, signature, 0, size),
                new BigInteger(1, signature, size, size));
    }
}
