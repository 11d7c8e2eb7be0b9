package dev.hallmark.jwk;

import dev.hallmark.JoseException;
import dev.hallmark.Limits;
import dev.hallmark.Reason;
import dev.hallmark.internal.codec.Der;
import dev.hallmark.internal.crypto.EcCurve;
import dev.hallmark.internal.crypto.OkpCurve;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PEM to JWK and back. Reads PKCS#8 private keys ({@code PRIVATE KEY}), SPKI public keys ({@code PUBLIC KEY}),
 * X.509 certificates ({@code CERTIFICATE}, the chain becomes {@code x5c}), PKCS#1 RSA keys ({@code RSA PRIVATE KEY},
 * {@code RSA PUBLIC KEY}) and SEC 1 EC keys ({@code EC PRIVATE KEY}); writes SPKI and PKCS#8. Keys are validated
 * as any imported JWK is.
 *
 * <pre>{@code
 * Jwk key = Pem.readJwk(Files.readString(Path.of("key.pem")));
 * String spki = Pem.writePublicKey(key);
 * }</pre>
 */
public final class Pem {

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\s*([A-Za-z0-9+/=\\s]*?)\\s*-----END \\1-----");
    private static final String RSA_OID = "1.2.840.113549.1.1.1";
    private static final String RSA_PSS_OID = "1.2.840.113549.1.1.10";
    private static final String EC_OID = "1.2.840.10045.2.1";

    private Pem() {
    }

    /** True when the text holds at least one PEM block. */
    public static boolean looksLikePem(String text) {
        return text.contains("-----BEGIN ");
    }

    /** The key of the first key block, or of the first certificate (with the whole chain as {@code x5c}). */
    public static Jwk readJwk(String pem) {
        if (pem.length() > Limits.DEFAULT.maxJwkSetBytes()) {
            throw new JoseException(Reason.TOO_LARGE, "PEM text is over " + Limits.DEFAULT.maxJwkSetBytes() + " bytes");
        }
        Matcher m = BLOCK.matcher(pem);
        List<X509Certificate> chain = new ArrayList<>();
        while (m.find()) {
            String type = m.group(1);
            byte[] der;
            try {
                der = Base64.getMimeDecoder().decode(m.group(2));
            } catch (IllegalArgumentException e) {
                throw malformed("PEM block " + type + " is not valid base64");
            }
            try {
                switch (type) {
                    case "PRIVATE KEY":
                        return JcaKeys.fromPrivateKey(pkcs8(der), Limits.DEFAULT);
                    case "PUBLIC KEY":
                        return JcaKeys.fromPublicKey(spki(der), Limits.DEFAULT);
                    case "RSA PRIVATE KEY":
                        return JcaKeys.fromPrivateKey(pkcs8(wrapPkcs1Private(der)), Limits.DEFAULT);
                    case "RSA PUBLIC KEY":
                        return JcaKeys.fromPublicKey(spki(wrapPkcs1Public(der)), Limits.DEFAULT);
                    case "EC PRIVATE KEY":
                        return JcaKeys.fromPrivateKey(pkcs8(wrapSec1(der)), Limits.DEFAULT);
                    case "CERTIFICATE":
                        chain.add(certificate(der));
                        break;
                    case "ENCRYPTED PRIVATE KEY":
                        throw malformed("encrypted PEM private keys are not supported; decrypt with openssl pkcs8 first");
                    default:
                        break;
                }
            } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                // IndexOutOfBounds: DER that parses but lacks an element the structure requires
                throw malformed("PEM block " + type + " is not a supported key: " + e.getMessage());
            }
        }
        if (chain.isEmpty()) {
            throw malformed("no PEM key or certificate block found");
        }
        Jwk key;
        try {
            key = JcaKeys.fromPublicKey(plainRsa(chain.get(0).getPublicKey()), Limits.DEFAULT);
        } catch (IllegalArgumentException e) {
            throw malformed("PEM certificate holds an unsupported key: " + e.getMessage());
        }
        return key.withMetadata(new KeyMetadata(null, null, java.util.Set.of(), null, chain, null, null));
    }

    /** The SPKI {@code PUBLIC KEY} PEM of an asymmetric key. */
    public static String writePublicKey(Jwk key) {
        if (key instanceof OctJwk) {
            throw new IllegalArgumentException("a symmetric key has no PEM form");
        }
        return block("PUBLIC KEY", key.publicKey().getEncoded());
    }

    /** The PKCS#8 {@code PRIVATE KEY} PEM of a private key. Handle the result as a secret. */
    public static String writePrivateKey(Jwk key) {
        PrivateKey priv = key.privateKey().orElseThrow(() ->
                new IllegalArgumentException("this key has no private part"));
        return block("PRIVATE KEY", priv.getEncoded());
    }

    private static String block(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private static PrivateKey pkcs8(byte[] der) {
        List<Der.Element> fields = Der.parse(der).children();
        if (fields.size() < 3) {
            throw new IllegalArgumentException("not a PKCS#8 PrivateKeyInfo");
        }
        String oid = fields.get(1).children().get(0).oid();
        try {
            if (oid.equals(RSA_PSS_OID)) {
                PrivateKey pss = KeyFactory.getInstance("RSASSA-PSS").generatePrivate(new PKCS8EncodedKeySpec(der));
                if (!(pss instanceof RSAPrivateCrtKey k)) {
                    throw new IllegalArgumentException("RSASSA-PSS private key without CRT parameters");
                }
                return KeyFactory.getInstance("RSA").generatePrivate(new RSAPrivateCrtKeySpec(k.getModulus(),
                        k.getPublicExponent(), k.getPrivateExponent(), k.getPrimeP(), k.getPrimeQ(),
                        k.getPrimeExponentP(), k.getPrimeExponentQ(), k.getCrtCoefficient()));
            }
            return KeyFactory.getInstance(keyFactoryFor(oid)).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("key factory refused it (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static PublicKey spki(byte[] der) {
        List<Der.Element> fields = Der.parse(der).children();
        if (fields.size() != 2) {
            throw new IllegalArgumentException("not a SubjectPublicKeyInfo");
        }
        String oid = fields.get(0).children().get(0).oid();
        try {
            if (oid.equals(RSA_PSS_OID)) {
                return plainRsa(KeyFactory.getInstance("RSASSA-PSS").generatePublic(new X509EncodedKeySpec(der)));
            }
            return KeyFactory.getInstance(keyFactoryFor(oid)).generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("key factory refused it (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static String keyFactoryFor(String oid) {
        if (oid.equals(RSA_OID)) {
            return "RSA";
        }
        if (oid.equals(EC_OID)) {
            return "EC";
        }
        OkpCurve okp = OkpCurve.byOid(oid).orElseThrow(() ->
                new IllegalArgumentException("unsupported key algorithm " + oid));
        return okp.jcaName();
    }

    /** RSASSA-PSS-typed keys are turned into plain RSA keys: JOSE binds the padding to {@code alg}, not the key. */
    private static PublicKey plainRsa(PublicKey key) {
        if (key instanceof RSAPublicKey rsa && !"RSA".equals(key.getAlgorithm())) {
            try {
                return KeyFactory.getInstance("RSA").generatePublic(
                        new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
            } catch (GeneralSecurityException e) {
                throw new IllegalArgumentException("RSA key refused", e);
            }
        }
        return key;
    }

    private static X509Certificate certificate(byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an X.509 certificate");
        }
    }

    private static byte[] wrapPkcs1Private(byte[] pkcs1) {
        return Der.sequence(Der.integer(0), Der.sequence(Der.oid(RSA_OID), Der.nullValue()), Der.octetString(pkcs1));
    }

    private static byte[] wrapPkcs1Public(byte[] pkcs1) {
        return Der.sequence(Der.sequence(Der.oid(RSA_OID), Der.nullValue()), Der.bitString(pkcs1));
    }

    /** SEC 1 ECPrivateKey names its curve in the [0] field; PKCS#8 wants it in the algorithm identifier. */
    private static byte[] wrapSec1(byte[] sec1) {
        String curveOid = null;
        for (Der.Element e : Der.parse(sec1).children()) {
            if (e.tag() == 0xa0) {
                curveOid = e.children().get(0).oid();
            }
        }
        if (curveOid == null) {
            throw new IllegalArgumentException("EC PRIVATE KEY without a named curve");
        }
        String oid = curveOid;
        EcCurve.byOid(oid).orElseThrow(() -> new IllegalArgumentException("unsupported curve " + oid));
        return Der.sequence(Der.integer(0), Der.sequence(Der.oid(EC_OID), Der.oid(curveOid)), Der.octetString(sec1));
    }

    private static JoseException malformed(String message) {
        return new JoseException(Reason.MALFORMED, message);
    }
}
