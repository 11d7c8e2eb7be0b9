package dev.hallmark.jwk;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The openssl-made PEM files under {@code src/test/resources/pem/} (see the README there), and an RFC 7638
 * thumbprint computed from an SPKI file by the JDK alone, so the expectations do not come from {@link Pem} itself.
 */
final class PemFixtures {

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\s*([A-Za-z0-9+/=\\s]*?)\\s*-----END \\1-----");

    private PemFixtures() {
    }

    static String text(String name) {
        try (InputStream in = PemFixtures.class.getResourceAsStream("/pem/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The label and DER bytes of each block of a fixture, in order. */
    static List<Block> blocks(String name) {
        Matcher m = BLOCK.matcher(text(name));
        List<Block> out = new ArrayList<>();
        while (m.find()) {
            out.add(new Block(m.group(1), Base64.getMimeDecoder().decode(m.group(2))));
        }
        return out;
    }

    static Block block(String name) {
        return blocks(name).get(0);
    }

    static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    record Block(String label, byte[] der) {
    }

    /**
     * The SHA-256 thumbprint of the key in an SPKI fixture, computed with the JDK's key factories and the member
     * order of RFC 7638 §3.2 spelled out by hand.
     */
    static String referenceThumbprint(String spkiName) throws Exception {
        byte[] der = block(spkiName).der();
        String json;
        if (spkiName.startsWith("rsa")) {
            String alg = spkiName.startsWith("rsa-pss") ? "RSASSA-PSS" : "RSA";
            RSAPublicKey k = (RSAPublicKey) KeyFactory.getInstance(alg).generatePublic(new X509EncodedKeySpec(der));
            json = "{\"e\":\"" + b64(unsigned(k.getPublicExponent())) + "\",\"kty\":\"RSA\",\"n\":\""
                    + b64(unsigned(k.getModulus())) + "\"}";
        } else if (spkiName.startsWith("ec") || spkiName.startsWith("chain")) {
            PublicKey pub = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der));
            ECPublicKey k = (ECPublicKey) pub;
            int size = (k.getParams().getCurve().getField().getFieldSize() + 7) / 8;
            String crv = switch (size) {
                case 32 -> "P-256";
                case 48 -> "P-384";
                case 66 -> "P-521";
                default -> throw new IllegalArgumentException("curve of " + size + " octets");
            };
            json = "{\"crv\":\"" + crv + "\",\"kty\":\"EC\",\"x\":\"" + b64(fixed(k.getW().getAffineX(), size))
                    + "\",\"y\":\"" + b64(fixed(k.getW().getAffineY(), size)) + "\"}";
        } else {
            // OKP: the SPKI ends with the raw public key of RFC 8410 §4
            String crv = switch (spkiName.substring(0, spkiName.indexOf('.'))) {
                case "ed25519" -> "Ed25519";
                case "ed448" -> "Ed448";
                case "x25519" -> "X25519";
                case "x448" -> "X448";
                default -> throw new IllegalArgumentException(spkiName);
            };
            int size = switch (crv) {
                case "Ed448" -> 57;
                case "X448" -> 56;
                default -> 32;
            };
            json = "{\"crv\":\"" + crv + "\",\"kty\":\"OKP\",\"x\":\""
                    + b64(Arrays.copyOfRange(der, der.length - size, der.length)) + "\"}";
        }
        return b64(MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static String b64(byte[] b) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static byte[] unsigned(BigInteger v) {
        byte[] b = v.toByteArray();
        return b[0] == 0 && b.length > 1 ? Arrays.copyOfRange(b, 1, b.length) : b;
    }

    private static byte[] fixed(BigInteger v, int size) {
        byte[] b = unsigned(v);
        byte[] out = new byte[size];
        System.arraycopy(b, 0, out, size - b.length, b.length);
        return out;
    }
}
