package dev.hallmark.jwt;

import dev.hallmark.jwk.Jwk;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

/**
 * A minimal self-signed X.509 v3 certificate for a P-256 key, written with a few lines of DER: what an attacker
 * puts in an {@code x5c} header. The JDK parses the result, so it is a real certificate.
 */
final class SelfSignedCertificate {

    private static final byte[] ECDSA_WITH_SHA256 = seq(oid(new byte[] {0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x04, 0x03, 0x02}));

    private SelfSignedCertificate() {
    }

    static X509Certificate of(Jwk p256PrivateKey, String commonName) {
        byte[] name = seq(tlv(0x31, seq(oid(new byte[] {0x55, 0x04, 0x03}),
                tlv(0x0c, commonName.getBytes(StandardCharsets.UTF_8)))));
        byte[] validity = seq(tlv(0x17, ascii("260101000000Z")), tlv(0x17, ascii("360101000000Z")));
        byte[] tbs = seq(tlv(0xa0, tlv(0x02, new byte[] {2})), tlv(0x02, BigInteger.valueOf(4242).toByteArray()),
                ECDSA_WITH_SHA256, name, validity, name, p256PrivateKey.publicKey().getEncoded());
        try {
            Signature s = Signature.getInstance("SHA256withECDSA");
            s.initSign(p256PrivateKey.privateKey().orElseThrow());
            s.update(tbs);
            byte[] sig = s.sign();
            byte[] bits = new byte[sig.length + 1];
            System.arraycopy(sig, 0, bits, 1, sig.length);
            byte[] der = seq(tbs, ECDSA_WITH_SHA256, tlv(0x03, bits));
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] oid(byte[] encoded) {
        return tlv(0x06, encoded);
    }

    private static byte[] seq(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return tlv(0x30, out.toByteArray());
    }

    private static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int len = content.length;
        if (len < 0x80) {
            out.write(len);
        } else if (len < 0x100) {
            out.write(0x81);
            out.write(len);
        } else {
            out.write(0x82);
            out.write(len >>> 8);
            out.write(len);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }
}
