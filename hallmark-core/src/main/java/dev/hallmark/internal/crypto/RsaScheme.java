package dev.hallmark.internal.crypto;

import dev.hallmark.internal.codec.ConstantTime;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.HexFormat;

/** RS256/384/512 (RFC 7518 §3.3) and PS256/384/512 (§3.5, salt length equal to the hash length). */
public final class RsaScheme extends JcaSignatureScheme {

    /** Hash and DigestInfo prefix (RFC 8017 §9.2 note 1) of a PKCS#1 v1.5 scheme; null for PSS. */
    private final String hash;
    private final byte[] digestInfoPrefix;

    private RsaScheme(String jcaName, java.security.spec.AlgorithmParameterSpec params, String hash,
                      byte[] digestInfoPrefix) {
        super(jcaName, params);
        this.hash = hash;
        this.digestInfoPrefix = digestInfoPrefix;
    }

    public static RsaScheme pkcs1(String jcaName) {
        String prefix = switch (jcaName) {
            case "SHA256withRSA" -> "3031300d060960864801650304020105000420";
            case "SHA384withRSA" -> "3041300d060960864801650304020205000430";
            case "SHA512withRSA" -> "3051300d060960864801650304020305000440";
            default -> throw new IllegalArgumentException(jcaName);
        };
        String hash = "SHA-" + jcaName.substring(3, 6);
        return new RsaScheme(jcaName, null, hash, HexFormat.of().parseHex(prefix));
    }

    public static RsaScheme pss(String hash, int saltLength) {
        MGF1ParameterSpec mgf = switch (hash) {
            case "SHA-256" -> MGF1ParameterSpec.SHA256;
            case "SHA-384" -> MGF1ParameterSpec.SHA384;
            case "SHA-512" -> MGF1ParameterSpec.SHA512;
            default -> throw new IllegalArgumentException(hash);
        };
        return new RsaScheme("RSASSA-PSS", new PSSParameterSpec(hash, "MGF1", mgf, saltLength, 1), null, null);
    }

    @Override
    protected boolean lengthOk(PublicKey key, byte[] signature) {
        int modulusBytes = (((RSAPublicKey) key).getModulus().bitLength() + 7) / 8;
        return signature.length == modulusBytes;
    }

    @Override
    public boolean verify(Key key, byte[] data, int off, int len, byte[] signature) {
        if (!super.verify(key, data, off, len, signature)) {
            return false;
        }
        return digestInfoPrefix == null || isExactPkcs1Encoding((RSAPublicKey) key, data, off, len, signature);
    }

    /**
     * The JDK also accepts a DigestInfo whose AlgorithmIdentifier lacks the NULL parameters (RFC 8017 §9.2 note 1,
     * Wycheproof "MissingNull"). JOSE has no legacy signers to accommodate, so a signature must recover exactly the
     * block RFC 8017 §9.2 produces; anything else would be a second valid signature for the same message.
     */
    private boolean isExactPkcs1Encoding(RSAPublicKey key, byte[] data, int off, int len, byte[] signature) {
        int k = (key.getModulus().bitLength() + 7) / 8;
        byte[] digest;
        try {
            MessageDigest md = MessageDigest.getInstance(hash);
            md.update(data, off, len);
            digest = md.digest();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(hash + " unavailable", e);
        }
        byte[] expected = new byte[k];
        int t = digestInfoPrefix.length + digest.length;
        expected[1] = 0x01;
        java.util.Arrays.fill(expected, 2, k - t - 1, (byte) 0xff);
        System.arraycopy(digestInfoPrefix, 0, expected, k - t, digestInfoPrefix.length);
        System.arraycopy(digest, 0, expected, k - digest.length, digest.length);

        // The public operation on public data: the signature already verified, so it is below n and k octets.
        BigInteger m = new BigInteger(1, signature).modPow(key.getPublicExponent(), key.getModulus());
        byte[] raw = m.toByteArray();
        byte[] recovered = new byte[k];
        int copy = Math.min(raw.length, k);
        System.arraycopy(raw, raw.length - copy, recovered, k - copy, copy);
        return ConstantTime.equal(recovered, expected);
    }
}
