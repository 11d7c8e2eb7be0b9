package dev.hallmark.jwk;

import dev.hallmark.JoseException;
import dev.hallmark.Reason;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The members every JWK may carry besides its key material (RFC 7517 §4). */
record KeyMetadata(String kid, String use, Set<String> keyOps, String alg, List<X509Certificate> x5c,
                   String x5t, String x5tS256) {

    static final KeyMetadata EMPTY = new KeyMetadata(null, null, Set.of(), null, List.of(), null, null);

    KeyMetadata {
        keyOps = Set.copyOf(keyOps);
        x5c = List.copyOf(x5c);
        if (use != null && !keyOps.isEmpty()) {
            boolean sig = keyOps.contains("sign") || keyOps.contains("verify");
            boolean enc = keyOps.stream().anyMatch(o -> !o.equals("sign") && !o.equals("verify"));
            if (("sig".equals(use) && enc) || ("enc".equals(use) && sig)) {
                throw new JoseException(Reason.MALFORMED,
                        "JWK \"use\" and \"key_ops\" contradict each other (RFC 7517 §4.3)");
            }
        }
    }

    KeyMetadata withKid(String value) {
        return new KeyMetadata(value, use, keyOps, alg, x5c, x5t, x5tS256);
    }

    KeyMetadata withAlg(String value) {
        return new KeyMetadata(kid, use, keyOps, value, x5c, x5t, x5tS256);
    }

    KeyMetadata withUse(String value) {
        return new KeyMetadata(kid, value, keyOps, alg, x5c, x5t, x5tS256);
    }

    KeyMetadata withKeyOps(Set<String> value) {
        return new KeyMetadata(kid, use, value, alg, x5c, x5t, x5tS256);
    }

    /** Adds these members to a JWK JSON map, in RFC 7517 order after the key material. */
    void writeTo(Map<String, Object> json) {
        if (kid != null) {
            json.put("kid", kid);
        }
        if (use != null) {
            json.put("use", use);
        }
        if (!keyOps.isEmpty()) {
            json.put("key_ops", keyOps.stream().sorted().toList());
        }
        if (alg != null) {
            json.put("alg", alg);
        }
        if (!x5c.isEmpty()) {
            json.put("x5c", x5c.stream().map(KeyMetadata::encodeCertificate).toList());
        }
        if (x5t != null) {
            json.put("x5t", x5t);
        }
        if (x5tS256 != null) {
            json.put("x5t#S256", x5tS256);
        }
    }

    private static String encodeCertificate(X509Certificate c) {
        try {
            return java.util.Base64.getEncoder().encodeToString(c.getEncoded());
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException("certificate cannot be encoded", e);
        }
    }
}
