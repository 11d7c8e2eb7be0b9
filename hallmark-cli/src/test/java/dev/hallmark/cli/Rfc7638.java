package dev.hallmark.cli;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An RFC 7638 SHA-256 thumbprint computed independently of hallmark-core, from the JWK's members as printed: the
 * required members in lexicographic order, as compact JSON. Member values here are base64url or names, which need
 * no JSON escaping.
 */
final class Rfc7638 {

    private Rfc7638() {
    }

    static String thumbprint(Map<?, ?> jwk) {
        List<String> required = switch ((String) jwk.get("kty")) {
            case "RSA" -> List.of("e", "kty", "n");
            case "EC" -> List.of("crv", "kty", "x", "y");
            case "OKP" -> List.of("crv", "kty", "x");
            case "oct" -> List.of("k", "kty");
            default -> throw new IllegalArgumentException("kty " + jwk.get("kty"));
        };
        Map<String, String> sorted = new TreeMap<>();
        for (String name : required) {
            sorted.put(name, (String) jwk.get(name));
        }
        StringBuilder json = new StringBuilder("{");
        sorted.forEach((k, v) -> json.append(json.length() > 1 ? "," : "").append('"').append(k).append("\":\"")
                .append(v).append('"'));
        json.append('}');
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.toString().getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
