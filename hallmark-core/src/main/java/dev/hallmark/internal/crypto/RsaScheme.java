package dev.hallmark.internal.crypto;

import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;

/** RS256/384/512 (RFC 7518 §3.3) and PS256/384/512 (§3.5, salt length equal to the hash length). */
public final class RsaScheme extends JcaSignatureScheme {

    private RsaScheme(String jcaName, java.security.spec.AlgorithmParameterSpec params) {
        super(jcaName, params);
    }

    public static RsaScheme pkcs1(String jcaName) {
        return new RsaScheme(jcaName, null);
    }

    public static RsaScheme pss(String hash, int saltLength) {
        MGF1ParameterSpec mgf = switch (hash) {
            case "SHA-256" -> MGF1ParameterSpec.SHA256;
            case "SHA-384" -> MGF1ParameterSpec.SHA384;
            case "SHA-512" -> MGF1ParameterSpec.SHA512;
            default -> throw new IllegalArgumentException(hash);
        };
        return new RsaScheme("RSASSA-PSS", new PSSParameterSpec(hash, "MGF1", mgf, saltLength, 1));
    }

    @Override
    protected boolean lengthOk(PublicKey key, byte[] signature) {
        int modulusBytes = (((RSAPublicKey) key).getModulus().bitLength() + 7) / 8;
        return signature.length == modulusBytes;
    }
}
