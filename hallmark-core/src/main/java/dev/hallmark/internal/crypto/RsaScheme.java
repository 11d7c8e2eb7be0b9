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

    /** DigestInfo prefix (RFC 8017 §9.2 note 1) of a PKCS#1 v1.5 scheme; null for PSS. */
    private final byte[] digestInfoPrefix;
    private final ThreadLocal<MessageDigest> digests;

    private RsaScheme(String jcaName, java.security.spec.AlgorithmParameterSpec params, String hash,
                      byte[] digestInfoPrefix) {
        super(jcaName, params);
        this.digestInfoPrefix = digestInfoPrefix;
        this.digests = ThreadLocal.withInitial(() -> {
            try {
                return MessageDigest.getInstance(hash == null ? "SHA-256" : hash);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(hash + " unavailable", e);
            }
        });
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

    /**
     * PKCS#1 v1.5 verification done here rather than by the JDK: the JDK also accepts a DigestInfo without its NULL
     * parameters (RFC 8017 §9.2 note 1, Wycheproof "MissingNull"), a second valid signature for the same message.
     * JOSE has no legacy signers to accommodate, so the recovered block must equal, byte for byte, the one
     * RFC 8017 §9.2 produces. The public operation is the same single {@code modPow} the JDK performs, on public data.
     */
    @Override
    public boolean verify(Key key, byte[] data, int off, int len, byte[] signature) {
        if (digestInfoPrefix == null) {
            return super.verify(key, data, off, len, signature);
        }
        RSAPublicKey rsa = (RSAPublicKey) key;
        if (!lengthOk(rsa, signature)) {
            return false;
        }
        BigInteger n = rsa.getModulus();
        BigInteger s = new BigInteger(1, signature);
        if (s.compareTo(n) >= 0) {
            return false; // RFC 8017 §5.2.2 step 1
        }
        int k = signature.length;
        byte[] raw = s.modPow(rsa.getPublicExponent(), n).toByteArray();
        byte[] recovered = new byte[k];
        int copy = Math.min(raw.length, k);
        System.arraycopy(raw, raw.length - copy, recovered, k - copy, copy);
        return ConstantTime.equal(recovered, expectedEncoding(k, data, off, len));
    }

    /** EMSA-PKCS1-v1_5 (RFC 8017 §9.2): 00 01 FF..FF 00 DigestInfo(hash). */
    private byte[] expectedEncoding(int k, byte[] data, int off, int len) {
        MessageDigest md = digests.get();
        md.update(data, off, len);
        byte[] digest = md.digest();
        byte[] expected = new byte[k];
        int t = digestInfoPrefix.length + digest.length;
        expected[1] = 0x01;
        java.util.Arrays.fill(expected, 2, k - t - 1, (byte) 0xff);
        System.arraycopy(digestInfoPrefix, 0, expected, k - t, digestInfoPrefix.length);
        System.arraycopy(digest, 0, expected, k - digest.length, digest.length);
        return expected;
    }
}
