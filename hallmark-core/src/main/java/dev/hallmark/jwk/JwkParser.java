package dev.hallmark.jwk;

import dev.hallmark.internal.codec.Printable;
import dev.hallmark.JoseException;
import dev.hallmark.Limits;
import dev.hallmark.Reason;
import dev.hallmark.internal.codec.Base64Url;
import dev.hallmark.internal.crypto.EcCurve;
import dev.hallmark.internal.crypto.OkpCurve;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPrivateKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.XECPrivateKeySpec;
import java.security.spec.XECPublicKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns a parsed JWK JSON object into a validated {@link Jwk}. */
final class JwkParser {

    private JwkParser() {
    }

    static void checkSize(int bytes, Limits limits, String what) {
        if (bytes > limits.maxJwkSetBytes()) {
            throw new JoseException(Reason.TOO_LARGE, what + " is " + bytes + " bytes, over the limit of "
                    + limits.maxJwkSetBytes());
        }
    }

    static Jwk parse(Map<String, Object> json, Limits limits) {
        String kty = requiredString(json, "kty");
        KeyMetadata meta = metadata(json);
        Jwk jwk = switch (kty) {
            case "RSA" -> rsa(json, meta, limits);
            case "EC" -> ec(json, meta);
            case "OKP" -> okp(json, meta);
            case "oct" -> oct(json, meta);
            default -> throw new JoseException(Reason.MALFORMED, "JWK has unsupported \"kty\" \""
                    + Printable.of(kty) + "\" (RFC 7517 §4.1)");
        };
        checkCertificates(jwk);
        return jwk;
    }

    // ---- metadata ----

    private static KeyMetadata metadata(Map<String, Object> json) {
        String kid = optionalString(json, "kid");
        String use = optionalString(json, "use");
        String alg = optionalString(json, "alg");
        Set<String> ops = new LinkedHashSet<>();
        Object rawOps = json.get("key_ops");
        if (rawOps != null) {
            if (!(rawOps instanceof List<?> list)) {
                throw malformed("\"key_ops\" must be an array of strings (RFC 7517 §4.3)");
            }
            for (Object o : list) {
                if (!(o instanceof String s)) {
                    throw malformed("\"key_ops\" must be an array of strings (RFC 7517 §4.3)");
                }
                if (!ops.add(s)) {
                    throw malformed("\"key_ops\" lists \"" + Printable.of(s) + "\" twice (RFC 7517 §4.3)");
                }
            }
        } else if (json.containsKey("key_ops")) {
            throw malformed("\"key_ops\" must be an array of strings (RFC 7517 §4.3)");
        }
        List<X509Certificate> chain = new ArrayList<>();
        Object rawChain = json.get("x5c");
        if (json.containsKey("x5c")) {
            if (!(rawChain instanceof List<?> list) || list.isEmpty()) {
                throw malformed("\"x5c\" must be a non-empty array of base64 certificates (RFC 7517 §4.7)");
            }
            for (Object o : list) {
                if (!(o instanceof String s)) {
                    throw malformed("\"x5c\" must be an array of strings (RFC 7517 §4.7)");
                }
                chain.add(certificate(s));
            }
        }
        String x5t = optionalString(json, "x5t");
        String x5tS256 = optionalString(json, "x5t#S256");
        if (!chain.isEmpty()) {
            checkCertificateThumbprint(chain.get(0), x5t, "SHA-1", "x5t");
            checkCertificateThumbprint(chain.get(0), x5tS256, "SHA-256", "x5t#S256");
        }
        return new KeyMetadata(kid, use, ops, alg, chain, x5t, x5tS256);
    }

    private static X509Certificate certificate(String base64) {
        try {
            byte[] der = Base64.getDecoder().decode(base64);
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            return (X509Certificate) cf.generateCertificate(new ByteArrayInputStream(der));
        } catch (IllegalArgumentException | CertificateException e) {
            throw malformed("\"x5c\" holds something that is not a base64 DER X.509 certificate (RFC 7517 §4.7)");
        }
    }

    private static void checkCertificateThumbprint(X509Certificate leaf, String thumbprint, String hash,
                                                   String member) {
        if (thumbprint == null) {
            return;
        }
        try {
            byte[] digest = MessageDigest.getInstance(hash).digest(leaf.getEncoded());
            if (!Base64Url.encode(digest).equals(thumbprint)) {
                throw malformed("\"" + member + "\" does not match the first \"x5c\" certificate (RFC 7517 §4.8)");
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(hash + " unavailable", e);
        }
    }

    private static void checkCertificates(Jwk jwk) {
        List<X509Certificate> chain = jwk.certificateChain();
        if (!chain.isEmpty() && !(jwk instanceof OctJwk)
                && !chain.get(0).getPublicKey().equals(jwk.publicKey())) {
            throw malformed("the first \"x5c\" certificate holds a different key than the JWK (RFC 7517 §4.7)");
        }
    }

    // ---- RSA ----

    private static RsaJwk rsa(Map<String, Object> json, KeyMetadata meta, Limits limits) {
        BigInteger n = uint(json, "n");
        BigInteger e = uint(json, "e");
        checkRsaPublic(n, e, limits);
        RSAPublicKey pub = (RSAPublicKey) generate("RSA", new RSAPublicKeySpec(n, e));
        RSAPrivateKey priv = null;
        if (json.containsKey("d")) {
            if (json.containsKey("oth")) {
                throw malformed("RSA keys with more than two primes (\"oth\") are not supported (RFC 7518 §6.3.2.7)");
            }
            BigInteger d = uint(json, "d");
            String[] crt = {"p", "q", "dp", "dq", "qi"};
            int present = 0;
            for (String m : crt) {
                if (json.containsKey(m)) {
                    present++;
                }
            }
            if (present == 5) {
                BigInteger p = uint(json, "p");
                BigInteger q = uint(json, "q");
                BigInteger dp = uint(json, "dp");
                BigInteger dq = uint(json, "dq");
                BigInteger qi = uint(json, "qi");
                KeyConsistency.checkRsaCrt(n, e, d, p, q, dp, dq, qi);
                priv = (RSAPrivateKey) generatePrivate("RSA", new RSAPrivateCrtKeySpec(n, e, d, p, q, dp, dq, qi));
            } else if (present == 0) {
                priv = (RSAPrivateKey) generatePrivate("RSA", new RSAPrivateKeySpec(n, d));
                KeyConsistency.checkRsa(pub, priv);
            } else {
                throw malformed("RSA private key has some but not all of p, q, dp, dq, qi (RFC 7518 §6.3.2)");
            }
        }
        return new RsaJwk(meta, pub, priv);
    }

    static void checkRsaPublic(BigInteger n, BigInteger e, Limits limits) {
        int bits = n.bitLength();
        if (bits < limits.minRsaBits()) {
            throw new JoseException(Reason.WEAK_KEY, "RSA modulus of " + bits + " bits is below the minimum of "
                    + limits.minRsaBits() + " (RFC 7518 §3.3)");
        }
        if (bits > limits.maxRsaBits()) {
            throw new JoseException(Reason.WEAK_KEY, "RSA modulus of " + bits + " bits is above the maximum of "
                    + limits.maxRsaBits());
        }
        if (!n.testBit(0)) {
            throw new JoseException(Reason.WEAK_KEY, "RSA modulus is even");
        }
        if (e.compareTo(BigInteger.valueOf(3)) < 0 || !e.testBit(0) || e.compareTo(n) >= 0) {
            throw new JoseException(Reason.WEAK_KEY, "RSA public exponent must be odd, at least 3 and below n");
        }
        if (Roca.isVulnerable(n)) {
            throw new JoseException(Reason.WEAK_KEY,
                    "RSA modulus has the ROCA fingerprint (CVE-2017-15361): its private key can be computed");
        }
    }

    // ---- EC ----

    private static EcJwk ec(Map<String, Object> json, KeyMetadata meta) {
        String crv = requiredString(json, "crv");
        EcCurve curve = EcCurve.byJwkName(crv).orElseThrow(() ->
                malformed("EC key has unsupported \"crv\" \"" + Printable.of(crv) + "\" (RFC 7518 §6.2.1.1)"));
        BigInteger x = new BigInteger(1, fixedOctets(json, "x", curve.size()));
        BigInteger y = new BigInteger(1, fixedOctets(json, "y", curve.size()));
        ECPoint w = new ECPoint(x, y);
        if (!curve.contains(w)) {
            throw malformed("EC public key is not a point on " + curve.jwkName() + " (RFC 8725 §3.4)");
        }
        ECPublicKey pub = (ECPublicKey) generate("EC", new ECPublicKeySpec(w, curve.spec()));
        ECPrivateKey priv = null;
        if (json.containsKey("d")) {
            BigInteger d = new BigInteger(1, fixedOctets(json, "d", curve.size()));
            if (d.signum() == 0 || d.compareTo(curve.order()) >= 0) {
                throw malformed("EC private key is out of range");
            }
            priv = (ECPrivateKey) generatePrivate("EC", new ECPrivateKeySpec(d, curve.spec()));
            KeyConsistency.checkEc(curve, pub, priv);
        }
        return new EcJwk(meta, curve, pub, priv);
    }

    // ---- OKP ----

    private static OkpJwk okp(Map<String, Object> json, KeyMetadata meta) {
        String crv = requiredString(json, "crv");
        OkpCurve curve = OkpCurve.byJwkName(crv).orElseThrow(() ->
                malformed("OKP key has unsupported \"crv\" \"" + Printable.of(crv) + "\" (RFC 8037 §2)"));
        byte[] x = fixedOctets(json, "x", curve.size());
        byte[] d = json.containsKey("d") ? fixedOctets(json, "d", curve.size()) : null;
        return okp(meta, curve, x, d);
    }

    static OkpJwk okp(KeyMetadata meta, OkpCurve curve, byte[] x, byte[] d) {
        PublicKey pub;
        PrivateKey priv = null;
        if (curve.isSignatureCurve()) {
            EdECPoint point = curve.decodeEdwardsPoint(x).orElseThrow(() -> malformed(curve.jwkName()
                    + " public key is not a canonical encoding of a curve point (RFC 8032 §5.1.3)"));
            if (curve.isSmallOrder(x)) {
                throw new JoseException(Reason.WEAK_KEY, curve.jwkName()
                        + " public key is a point of small order: anyone can forge signatures for it");
            }
            pub = generate("EdDSA", new EdECPublicKeySpec(curve.parameterSpec(), point));
            if (d != null) {
                priv = generatePrivate("EdDSA", new EdECPrivateKeySpec(curve.parameterSpec(), d));
            }
        } else {
            pub = generate("XDH", new XECPublicKeySpec(curve.parameterSpec(), curve.decodeU(x)));
            if (d != null) {
                priv = generatePrivate("XDH", new XECPrivateKeySpec(curve.parameterSpec(), d));
            }
        }
        if (d != null) {
            byte[] derived = KeyConsistency.okpPublicFromPrivate(curve, d);
            if (!java.util.Arrays.equals(derived, x)) {
                throw malformed(curve.jwkName() + " private key \"d\" does not belong to public key \"x\"");
            }
        }
        return new OkpJwk(meta, curve, x, d, pub, priv);
    }

    // ---- oct ----

    private static OctJwk oct(Map<String, Object> json, KeyMetadata meta) {
        byte[] k = Base64Url.decode(requiredString(json, "k"), "JWK member \"k\"");
        checkSymmetric(k.length, meta.alg());
        return new OctJwk(meta, k);
    }

    /** RFC 7518 size rules: HMAC keys at least the hash size (§3.2), AES keys exactly their size (§4.4, §5). */
    static void checkSymmetric(int length, String alg) {
        if (length == 0) {
            throw new JoseException(Reason.WEAK_KEY, "symmetric key is empty");
        }
        if (alg == null) {
            return;
        }
        int atLeast = switch (alg) {
            case "HS256" -> 32;
            case "HS384" -> 48;
            case "HS512" -> 64;
            default -> 0;
        };
        if (length < atLeast) {
            throw new JoseException(Reason.WEAK_KEY, alg + " needs a key of at least " + atLeast
                    + " bytes, this one has " + length + " (RFC 7518 §3.2)");
        }
        int exactly = switch (alg) {
            case "A128KW", "A128GCM", "A128GCMKW" -> 16;
            case "A192KW", "A192GCM", "A192GCMKW" -> 24;
            case "A256KW", "A256GCM", "A256GCMKW", "A128CBC-HS256" -> 32;
            case "A192CBC-HS384" -> 48;
            case "A256CBC-HS512" -> 64;
            default -> 0;
        };
        if (exactly != 0 && length != exactly) {
            throw new JoseException(Reason.WEAK_KEY, alg + " needs a key of exactly " + exactly
                    + " bytes, this one has " + length + " (RFC 7518 §4.4, §5)");
        }
    }

    // ---- member helpers ----

    static String requiredString(Map<String, Object> json, String name) {
        Object v = json.get(name);
        if (v == null) {
            throw malformed("JWK is missing the member \"" + name + "\"");
        }
        if (!(v instanceof String s)) {
            throw malformed("JWK member \"" + name + "\" must be a string");
        }
        return s;
    }

    static String optionalString(Map<String, Object> json, String name) {
        if (!json.containsKey(name)) {
            return null;
        }
        if (!(json.get(name) instanceof String s)) {
            throw malformed("JWK member \"" + name + "\" must be a string");
        }
        return s;
    }

    private static BigInteger uint(Map<String, Object> json, String name) {
        byte[] b = Base64Url.decode(requiredString(json, name), "JWK member \"" + name + "\"");
        if (b.length == 0) {
            throw malformed("JWK member \"" + name + "\" is empty");
        }
        return new BigInteger(1, b);
    }

    private static byte[] fixedOctets(Map<String, Object> json, String name, int size) {
        byte[] b = Base64Url.decode(requiredString(json, name), "JWK member \"" + name + "\"");
        if (b.length != size) {
            throw malformed("JWK member \"" + name + "\" must be exactly " + size + " octets, not " + b.length
                    + " (RFC 7518 §6.2.1.2, RFC 8037 §2)");
        }
        return b;
    }

    static PublicKey generate(String algorithm, java.security.spec.KeySpec spec) {
        try {
            return KeyFactory.getInstance(algorithm).generatePublic(spec);
        } catch (GeneralSecurityException e) {
            throw malformed("JWK public key is not valid: " + e.getClass().getSimpleName());
        }
    }

    static PrivateKey generatePrivate(String algorithm, java.security.spec.KeySpec spec) {
        try {
            return KeyFactory.getInstance(algorithm).generatePrivate(spec);
        } catch (GeneralSecurityException e) {
            throw malformed("JWK private key is not valid: " + e.getClass().getSimpleName());
        }
    }

    static JoseException malformed(String message) {
        return new JoseException(Reason.MALFORMED, message);
    }
}
