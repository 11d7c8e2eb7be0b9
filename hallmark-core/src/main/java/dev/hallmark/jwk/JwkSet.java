package dev.hallmark.jwk;

import dev.hallmark.JoseException;
import dev.hallmark.Limits;
import dev.hallmark.Reason;
import dev.hallmark.internal.json.JsonWriter;
import dev.hallmark.internal.json.StrictJson;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A JWK Set (RFC 7517 §5). Parsing skips members it cannot use (unknown {@code kty} or {@code crv}, invalid or weak
 * keys) as §5 asks, and remembers why in {@link #skipped()}.
 *
 * <pre>{@code
 * JwkSet set = JwkSet.parse(jwksJson);
 * KeySource keys = KeySource.of(set);
 * String published = set.toPublicJson();   // never contains private or symmetric keys
 * }</pre>
 */
public final class JwkSet {

    private final List<Jwk> keys;
    private final List<String> skipped;

    private JwkSet(List<Jwk> keys, List<String> skipped) {
        this.keys = List.copyOf(keys);
        this.skipped = List.copyOf(skipped);
    }

    public static JwkSet of(List<? extends Jwk> keys) {
        return new JwkSet(new ArrayList<>(keys), List.of());
    }

    public static JwkSet of(Jwk... keys) {
        return of(List.of(keys));
    }

    public static JwkSet parse(String json) {
        return parse(json, Limits.DEFAULT);
    }

    /** Parses a JWK Set; {@code TOO_LARGE} over {@link Limits#maxJwkSetBytes()} or {@link Limits#maxJwkSetKeys()}. */
    public static JwkSet parse(String json, Limits limits) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        JwkParser.checkSize(bytes.length, limits, "JWK Set");
        Map<String, Object> doc = StrictJson.parseObject(bytes, limits, "JWK Set");
        Object members = doc.get("keys");
        if (!(members instanceof List<?> list)) {
            throw new JoseException(Reason.MALFORMED, "JWK Set must have a \"keys\" array (RFC 7517 §5.1)");
        }
        if (list.size() > limits.maxJwkSetKeys()) {
            throw new JoseException(Reason.TOO_LARGE, "JWK Set has " + list.size() + " keys, over the limit of "
                    + limits.maxJwkSetKeys());
        }
        List<Jwk> keys = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Object member = list.get(i);
            if (!(member instanceof Map<?, ?> m)) {
                skipped.add("keys[" + i + "]: not a JSON object");
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> object = (Map<String, Object>) m;
            try {
                keys.add(JwkParser.parse(object, limits));
            } catch (JoseException e) {
                skipped.add("keys[" + i + "]: " + e.getMessage());
            }
        }
        return new JwkSet(keys, skipped);
    }

    public List<Jwk> keys() {
        return keys;
    }

    /** Why members of the parsed document were left out, one line each; empty when none were. */
    public List<String> skipped() {
        return skipped;
    }

    /** The keys with this {@code kid}. */
    public List<Jwk> findByKeyId(String kid) {
        return keys.stream().filter(k -> k.keyId().filter(kid::equals).isPresent()).toList();
    }

    public Optional<Jwk> first() {
        return keys.isEmpty() ? Optional.empty() : Optional.of(keys.get(0));
    }

    /** The set as publishable JSON: private members stripped, symmetric keys left out (RFC 7517 §5). */
    public String toPublicJson() {
        List<Object> out = new ArrayList<>();
        for (Jwk k : keys) {
            if (!(k instanceof OctJwk)) {
                out.add(k.toPublicJwk().toMap(false));
            }
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("keys", out);
        return JsonWriter.writeString(doc);
    }

    /** The set with every private and secret member. Handle the result as a secret. */
    public String toPrivateJson() {
        List<Object> out = new ArrayList<>();
        for (Jwk k : keys) {
            out.add(k.toMap(true));
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("keys", out);
        return JsonWriter.writeString(doc);
    }

    @Override
    public String toString() {
        return "JwkSet" + keys;
    }
}
