package dev.hallmark.jwe;

import dev.hallmark.JoseException;
import dev.hallmark.Limits;
import dev.hallmark.Reason;
import dev.hallmark.internal.codec.Base64Url;
import dev.hallmark.internal.json.StrictJson;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The parts of a JWE in either serialization (RFC 7516 §7), decoded strictly: the shared content parts and one
 * entry per recipient. Reading stops at the first malformed part.
 */
final class JweParts {

    /** One recipient: its unprotected header and encrypted key. */
    record Recipient(Map<String, Object> header, byte[] encryptedKey) {
    }

    final String protectedB64;
    final Map<String, Object> protectedParams;
    final Map<String, Object> sharedUnprotected;
    final List<Recipient> recipients;
    final byte[] iv;
    final byte[] ciphertext;
    final byte[] tag;
    final String aadB64;
    final byte[] aad;

    private JweParts(String protectedB64, Map<String, Object> protectedParams, Map<String, Object> sharedUnprotected,
                     List<Recipient> recipients, byte[] iv, byte[] ciphertext, byte[] tag, String aadB64, byte[] aad) {
        this.protectedB64 = protectedB64;
        this.protectedParams = protectedParams;
        this.sharedUnprotected = sharedUnprotected;
        this.recipients = recipients;
        this.iv = iv;
        this.ciphertext = ciphertext;
        this.tag = tag;
        this.aadB64 = aadB64;
        this.aad = aad;
    }

    /** The Additional Authenticated Data of RFC 7516 §5.1 step 14. */
    byte[] authenticatedData() {
        String a = aadB64 == null ? protectedB64 : protectedB64 + "." + aadB64;
        return a.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Five dot-separated parts of ASCII; three parts is a JWS and is named as such. As in the JWS verifier's split
     * (docs/decisions.md), the dots are found with {@link String#indexOf(int)} and the token converted to bytes in
     * one bulk copy; the characters are checked by the strict base64url decoder every segment goes through (a
     * character Latin-1 cannot hold becomes {@code '?'}, outside its alphabet). Any failure is answered as the
     * checking split answers it, so the decisions and messages are those of {@link #compactChecked}.
     */
    static JweParts compact(String token, Limits limits) {
        checkSize(token, limits);
        int d0 = token.indexOf('.');
        int d1 = d0 < 1 ? -1 : token.indexOf('.', d0 + 1);
        int d2 = d1 < 0 ? -1 : token.indexOf('.', d1 + 1);
        int d3 = d2 < 0 ? -1 : token.indexOf('.', d2 + 1);
        if (d3 < 0 || token.indexOf('.', d3 + 1) >= 0) {
            return compactChecked(token, limits); // throws the precise structural error
        }
        try {
            return decode(token, d0, d1, d2, d3, limits);
        } catch (JoseException e) {
            // the checking split reports a bad character before anything it decodes, and the same failure otherwise
            compactChecked(token, limits);
            throw e;
        }
    }

    /**
     * The five segments at the dots, decoded strictly from one bulk conversion of the token: a character Latin-1
     * cannot hold becomes {@code '?'}, which the decoder refuses like any character outside its alphabet.
     */
    private static JweParts decode(String token, int d0, int d1, int d2, int d3, Limits limits) {
        byte[] bytes = token.getBytes(StandardCharsets.ISO_8859_1);
        Map<String, Object> protectedParams = StrictJson.parseObject(
                Base64Url.decode(bytes, 0, d0, "JWE protected header"), limits, "JWE protected header");
        byte[] ek = Base64Url.decode(bytes, d0 + 1, d1 - d0 - 1, "JWE encrypted key");
        byte[] iv = Base64Url.decode(bytes, d1 + 1, d2 - d1 - 1, "JWE initialization vector");
        byte[] ct = Base64Url.decode(bytes, d2 + 1, d3 - d2 - 1, "JWE ciphertext");
        byte[] tag = Base64Url.decode(bytes, d3 + 1, bytes.length - d3 - 1, "JWE authentication tag");
        return new JweParts(token.substring(0, d0), protectedParams, Map.of(), List.of(new Recipient(Map.of(), ek)),
                iv, ct, tag, null, null);
    }

    private static void checkSize(String token, Limits limits) {
        int len = token.length();
        if (len > limits.maxTokenBytes()) {
            throw new JoseException(Reason.TOO_LARGE, "token is " + len + " bytes, over the limit of "
                    + limits.maxTokenBytes());
        }
    }

    /** {@link #compact} after one pass over every character, checking each before anything is decoded. */
    static JweParts compactChecked(String token, Limits limits) {
        checkSize(token, limits);
        int len = token.length();
        int[] dots = new int[4];
        int count = 0;
        for (int i = 0; i < len; i++) {
            char c = token.charAt(i);
            if (c > 0x7e || c < 0x21) {
                throw new JoseException(Reason.MALFORMED,
                        "token contains whitespace, control or non-ASCII characters (RFC 7516 §7.1)");
            }
            if (c == '.') {
                if (count < 4) {
                    dots[count] = i;
                }
                count++;
            }
        }
        if (count == 2) {
            throw new JoseException(Reason.MALFORMED, "token has three parts: it is a JWS, not a JWE");
        }
        if (count != 4) {
            throw new JoseException(Reason.MALFORMED, "a compact JWE has exactly five parts separated by four dots, "
                    + "this token has " + (count > 1000 ? "more than 1000" : String.valueOf(count))
                    + " dots (RFC 7516 §7.1)");
        }
        if (dots[0] == 0) {
            throw new JoseException(Reason.MALFORMED, "JWE protected header segment is empty (RFC 7516 §7.1)");
        }
        return decode(token, dots[0], dots[1], dots[2], dots[3], limits);
    }

    /** The flattened or general JSON serialization (RFC 7516 §7.2). */
    static JweParts json(String json, Limits limits) {
        if (json.length() > limits.maxTokenBytes()) {
            throw new JoseException(Reason.TOO_LARGE, "JWE JSON is " + json.length() + " bytes, over the limit of "
                    + limits.maxTokenBytes());
        }
        Map<String, Object> doc = StrictJson.parseObject(json, limits, "JWE JSON serialization");
        if (doc.containsKey("payload") || doc.containsKey("signatures") || doc.containsKey("signature")) {
            throw new JoseException(Reason.MALFORMED, "this is a JWS, not a JWE");
        }
        String protectedB64 = "";
        Map<String, Object> protectedParams = Map.of();
        if (doc.containsKey("protected")) {
            if (!(doc.get("protected") instanceof String p) || p.isEmpty()) {
                throw new JoseException(Reason.MALFORMED, "JWE \"protected\" must be a non-empty string (RFC 7516 §7.2.1)");
            }
            protectedB64 = p;
            protectedParams = StrictJson.parseObject(Base64Url.decode(p, "JWE protected header"), limits,
                    "JWE protected header");
        }
        Map<String, Object> shared = object(doc, "unprotected");
        List<Recipient> recipients = new ArrayList<>();
        if (doc.containsKey("recipients")) {
            if (doc.containsKey("header") || doc.containsKey("encrypted_key")) {
                throw new JoseException(Reason.MALFORMED,
                        "general JWE JSON keeps \"header\" and \"encrypted_key\" inside \"recipients\" (RFC 7516 §7.2.1)");
            }
            if (!(doc.get("recipients") instanceof List<?> list) || list.isEmpty()) {
                throw new JoseException(Reason.MALFORMED, "\"recipients\" must be a non-empty array (RFC 7516 §7.2.1)");
            }
            if (list.size() > limits.maxRecipients()) {
                throw new JoseException(Reason.TOO_LARGE, "JWE has " + list.size() + " recipients, over the limit of "
                        + limits.maxRecipients());
            }
            for (Object o : list) {
                if (!(o instanceof Map<?, ?> entry)) {
                    throw new JoseException(Reason.MALFORMED, "\"recipients\" entries must be objects (RFC 7516 §7.2.1)");
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> e = (Map<String, Object>) entry;
                recipients.add(recipient(e));
            }
        } else {
            recipients.add(recipient(doc));
        }
        byte[] iv = required(doc, "iv", "JWE initialization vector");
        byte[] ct = required(doc, "ciphertext", "JWE ciphertext");
        byte[] tag = required(doc, "tag", "JWE authentication tag");
        String aadB64 = null;
        byte[] aad = null;
        if (doc.containsKey("aad")) {
            if (!(doc.get("aad") instanceof String a)) {
                throw new JoseException(Reason.MALFORMED, "JWE \"aad\" must be a string (RFC 7516 §7.2.1)");
            }
            aadB64 = a;
            aad = Base64Url.decode(a, "JWE aad");
        }
        return new JweParts(protectedB64, protectedParams, shared, List.copyOf(recipients), iv, ct, tag, aadB64, aad);
    }

    private static Recipient recipient(Map<String, Object> entry) {
        Map<String, Object> header = object(entry, "header");
        byte[] ek = new byte[0];
        if (entry.containsKey("encrypted_key")) {
            if (!(entry.get("encrypted_key") instanceof String s)) {
                throw new JoseException(Reason.MALFORMED, "JWE \"encrypted_key\" must be a string (RFC 7516 §7.2.1)");
            }
            ek = Base64Url.decode(s, "JWE encrypted key");
        }
        return new Recipient(header, ek);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Map<String, Object> doc, String name) {
        if (!doc.containsKey(name)) {
            return Map.of();
        }
        if (!(doc.get(name) instanceof Map<?, ?> m)) {
            throw new JoseException(Reason.MALFORMED, "JWE \"" + name + "\" must be an object (RFC 7516 §7.2.1)");
        }
        return (Map<String, Object>) m;
    }

    private static byte[] required(Map<String, Object> doc, String name, String what) {
        if (!(doc.get(name) instanceof String s)) {
            throw new JoseException(Reason.MALFORMED, "JWE JSON needs a string \"" + name + "\" (RFC 7516 §7.2.1)");
        }
        return Base64Url.decode(s, what);
    }
}
