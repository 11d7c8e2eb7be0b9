package dev.hallmark.jwt;

import dev.hallmark.jwk.Jwk;
import dev.hallmark.jwk.OctJwk;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Builds compact JWS tokens byte by byte with the JDK alone, so tests can make what the library's signers refuse to
 * make: duplicate members, invalid UTF-8, {@code alg: none}, weak keys, odd headers. Encoding uses
 * {@link java.util.Base64}, not the library's codec, so the tests do not depend on the code they test.
 */
public final class TokenForge {

    private TokenForge() {
    }

    public static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String b64(String utf8) {
        return b64(utf8.getBytes(StandardCharsets.UTF_8));
    }

    public static byte[] unb64(String text) {
        return Base64.getUrlDecoder().decode(text);
    }

    public static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A compact JWS over exactly these header and payload bytes, signed with {@code key} under {@code alg}. */
    public static String sign(Jwk key, String alg, byte[] header, byte[] payload) {
        String input = b64(header) + "." + b64(payload);
        return input + "." + b64(signature(key, alg, input));
    }

    public static String sign(Jwk key, String alg, String headerJson, String payloadJson) {
        return sign(key, alg, utf8(headerJson), utf8(payloadJson));
    }

    /** The signature of an ASCII signing input, computed with the JDK for a JWS {@code alg}. */
    public static byte[] signature(Jwk key, String alg, String signingInput) {
        byte[] input = signingInput.getBytes(StandardCharsets.US_ASCII);
        if (alg.startsWith("HS")) {
            return hmac(alg, ((OctJwk) key).secretBytes(), input);
        }
        return sign(key.privateKey().orElseThrow(), alg, input);
    }

    /** An HMAC tag for {@code HS256/384/512} with any secret, however short or odd. */
    public static byte[] hmac(String alg, byte[] secret, byte[] input) {
        try {
            String jca = "HmacSHA" + alg.substring(2);
            Mac mac = Mac.getInstance(jca);
            mac.init(new SecretKeySpec(secret, jca));
            return mac.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A compact HS* token whose MAC key is exactly {@code secret}. */
    public static String signHmac(String alg, byte[] secret, String headerJson, String payloadJson) {
        String input = b64(headerJson) + "." + b64(payloadJson);
        return input + "." + b64(hmac(alg, secret, input.getBytes(StandardCharsets.US_ASCII)));
    }

    private static byte[] sign(PrivateKey key, String alg, byte[] input) {
        try {
            String bits = alg.substring(2);
            Signature s;
            if (alg.startsWith("RS")) {
                s = Signature.getInstance("SHA" + bits + "withRSA");
            } else if (alg.startsWith("PS")) {
                s = Signature.getInstance("RSASSA-PSS");
                int hashLen = Integer.parseInt(bits) / 8;
                s.setParameter(new PSSParameterSpec("SHA-" + bits, "MGF1", new MGF1ParameterSpec("SHA-" + bits),
                        hashLen, 1));
            } else if (alg.startsWith("ES")) {
                s = Signature.getInstance("SHA" + bits + "withECDSAinP1363Format");
            } else if (alg.equals("EdDSA")) {
                s = Signature.getInstance("EdDSA");
            } else {
                throw new IllegalArgumentException("no JDK signature for " + alg);
            }
            s.initSign(key);
            s.update(input);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Segment {@code index} (0 header, 1 payload, 2 signature) of a compact token. */
    public static String segment(String token, int index) {
        return token.split("\\.", -1)[index];
    }

    /** The token with segment {@code index} replaced by {@code text}. */
    public static String withSegment(String token, int index, String text) {
        String[] parts = token.split("\\.", -1);
        parts[index] = text;
        return String.join(".", parts);
    }
}
