package dev.hallmark.jws;

import dev.hallmark.JoseException;
import dev.hallmark.Limits;
import dev.hallmark.Reason;
import dev.hallmark.internal.codec.Base64Url;
import dev.hallmark.internal.codec.Printable;
import dev.hallmark.internal.json.StrictJson;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the signature entries of the JWS JSON serialization (RFC 7515 §7.2). */
final class JsonParts {

    record Signature(String protectedB64, Map<String, Object> protectedParams, Map<String, Object> unprotectedParams,
                     JwsHeader header, byte[] signature) {
    }

    private JsonParts() {
    }

    /** The flattened object itself, or the entries of the general form's {@code signatures}. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> signatures(Map<String, Object> doc, Limits limits) {
        boolean general = doc.containsKey("signatures");
        boolean flattened = doc.containsKey("signature");
        if (general == flattened) {
            throw new JoseException(Reason.MALFORMED,
                    "JWS JSON must have either \"signatures\" (general) or \"signature\" (flattened) (RFC 7515 §7.2)");
        }
        if (flattened) {
            return List.of(doc);
        }
        if (doc.containsKey("protected") || doc.containsKey("header")) {
            throw new JoseException(Reason.MALFORMED, "general JWS JSON keeps headers inside \"signatures\" (RFC 7515 §7.2.1)");
        }
        if (!(doc.get("signatures") instanceof List<?> list) || list.isEmpty()) {
            throw new JoseException(Reason.MALFORMED, "\"signatures\" must be a non-empty array (RFC 7515 §7.2.1)");
        }
        if (list.size() > limits.maxSignatures()) {
            throw new JoseException(Reason.TOO_LARGE, "JWS has " + list.size() + " signatures, over the limit of "
                    + limits.maxSignatures());
        }
        for (Object o : list) {
            if (!(o instanceof Map)) {
                throw new JoseException(Reason.MALFORMED, "\"signatures\" entries must be objects (RFC 7515 §7.2.1)");
            }
        }
        return (List<Map<String, Object>>) (List<?>) list;
    }

    @SuppressWarnings("unchecked")
    static Signature signature(Map<String, Object> entry, Limits limits) {
        Object prot = entry.get("protected");
        Object unprot = entry.get("header");
        Object sig = entry.get("signature");
        if (!(sig instanceof String sigText)) {
            throw new JoseException(Reason.MALFORMED, "JWS \"signature\" must be a string (RFC 7515 §7.2.1)");
        }
        if (prot == null && unprot == null) {
            throw new JoseException(Reason.MALFORMED, "JWS signature has neither \"protected\" nor \"header\" (RFC 7515 §7.2.1)");
        }
        String protectedB64 = "";
        Map<String, Object> protectedParams = Map.of();
        if (prot != null) {
            if (!(prot instanceof String p) || p.isEmpty()) {
                throw new JoseException(Reason.MALFORMED, "JWS \"protected\" must be a non-empty string (RFC 7515 §7.2.1)");
            }
            protectedB64 = p;
            protectedParams = StrictJson.parseObject(Base64Url.decode(p, "JWS protected header"), limits,
                    "JWS protected header");
        }
        Map<String, Object> unprotectedParams = Map.of();
        if (unprot != null) {
            if (!(unprot instanceof Map<?, ?> m)) {
                throw new JoseException(Reason.MALFORMED, "JWS \"header\" must be an object (RFC 7515 §7.2.1)");
            }
            unprotectedParams = (Map<String, Object>) m;
        }
        for (String name : unprotectedParams.keySet()) {
            if (protectedParams.containsKey(name)) {
                throw new JoseException(Reason.MALFORMED, "header parameter \"" + Printable.of(name)
                        + "\" is both protected and unprotected (RFC 7515 §7.2.1)");
            }
        }
        Map<String, Object> merged = new LinkedHashMap<>(protectedParams);
        merged.putAll(unprotectedParams);
        JwsHeader header = JwsHeader.validated(merged);
        byte[] signature = Base64Url.decode(sigText, "JWS signature");
        return new Signature(protectedB64, protectedParams, unprotectedParams, header, signature);
    }
}
