package dev.hallmark.jws;

import dev.hallmark.JoseException;
import dev.hallmark.internal.codec.Base64Url;
import dev.hallmark.internal.json.JsonWriter;
import dev.hallmark.jwk.Jwk;
import dev.hallmark.jwk.OctJwk;

import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Signs payloads with one private key. The key fixes the algorithm (its {@code alg}, else the default for its type)
 * and the {@code kid}. Immutable and thread-safe.
 *
 * <pre>{@code
 * JwsSigner signer = JwsSigner.builder(privateJwk).header(JwsHeader.builder().type("JOSE").build()).build();
 * String compact = signer.sign("hello".getBytes(UTF_8));
 * }</pre>
 */
public final class JwsSigner {

    private final JwsAlgorithm algorithm;
    private final Key signingKey;
    private final Map<String, Object> protectedParams;
    private final Map<String, Object> unprotectedParams;
    private final byte[] protectedB64;
    private final boolean b64;

    private JwsSigner(Builder b) {
        this.algorithm = b.algorithm;
        this.signingKey = b.key instanceof OctJwk oct ? oct.toSecretKey() : b.key.privateKey().orElseThrow();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("alg", algorithm.name());
        b.key.keyId().ifPresent(kid -> p.put("kid", kid));
        p.putAll(b.header.asMap());
        this.protectedParams = Map.copyOf(p);
        this.unprotectedParams = Map.copyOf(b.unprotected);
        for (String name : unprotectedParams.keySet()) {
            if (protectedParams.containsKey(name)) {
                throw new IllegalArgumentException("\"" + name + "\" is both protected and unprotected");
            }
        }
        byte[] json = JsonWriter.write(p);
        this.protectedB64 = Base64Url.encodeToAscii(json, 0, json.length);
        this.b64 = b.header.base64EncodedPayload();
    }

    /** A builder for a signer with this private key (or symmetric secret). */
    public static Builder builder(Jwk key) {
        return new Builder(key);
    }

    public JwsAlgorithm algorithm() {
        return algorithm;
    }

    /** The compact serialization of {@code payload}. */
    public String sign(byte[] payload) {
        Objects.requireNonNull(payload, "payload");
        return sign(payload, 0, payload.length);
    }

    /** The compact serialization of {@code length} bytes of {@code payload} from {@code offset}. */
    public String sign(byte[] payload, int offset, int length) {
        Objects.requireNonNull(payload, "payload");
        Objects.checkFromIndexSize(offset, length, payload.length);
        if (!unprotectedParams.isEmpty()) {
            throw new IllegalStateException("the compact serialization has no unprotected header; use signFlattenedJson");
        }
        byte[] input = signingInput(payload, offset, length, true);
        return compact(input, input.length, algorithm.scheme().sign(signingKey, input));
    }

    /** The compact serialization with detached content (RFC 7515 Appendix F): an empty payload segment. */
    public String signDetached(byte[] payload) {
        Objects.requireNonNull(payload, "payload");
        byte[] input = signingInput(payload, 0, payload.length, false);
        // the input starts with the header and its '.': that, another '.' and the signature
        return compact(input, protectedB64.length + 1, algorithm.scheme().sign(signingKey, input));
    }

    /** The flattened JSON serialization (RFC 7515 §7.2.2). */
    public String signFlattenedJson(byte[] payload) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("payload", payloadMember(payload));
        doc.putAll(signatureEntry(payload));
        return JsonWriter.writeString(doc);
    }

    /** The general JSON serialization (RFC 7515 §7.2.1) with one signature from each signer. */
    public static String signGeneralJson(byte[] payload, List<JwsSigner> signers) {
        if (signers.isEmpty()) {
            throw new IllegalArgumentException("at least one signer is needed");
        }
        boolean b64 = signers.get(0).b64;
        List<Object> entries = new ArrayList<>();
        for (JwsSigner s : signers) {
            if (s.b64 != b64) {
                throw new IllegalArgumentException("all signers must agree on \"b64\" (RFC 7797 §3)");
            }
            entries.add(s.signatureEntry(payload));
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("payload", signers.get(0).payloadMember(payload));
        doc.put("signatures", entries);
        return JsonWriter.writeString(doc);
    }

    private Map<String, Object> signatureEntry(byte[] payload) {
        Objects.requireNonNull(payload, "payload");
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("protected", new String(protectedB64, StandardCharsets.ISO_8859_1));
        if (!unprotectedParams.isEmpty()) {
            entry.put("header", unprotectedParams);
        }
        byte[] input = signingInput(payload, 0, payload.length, false);
        entry.put("signature", Base64Url.encode(algorithm.scheme().sign(signingKey, input)));
        return entry;
    }

    private String payloadMember(byte[] payload) {
        Objects.requireNonNull(payload, "payload");
        return b64 ? Base64Url.encode(payload) : new String(payload, StandardCharsets.UTF_8);
    }

    /**
     * The JWS signing input (RFC 7515 §5.1 step 8) in one exact-size array: the cached encoded header, '.', and the
     * payload encoded straight into place (or as it is, with {@code "b64": false}).
     */
    private byte[] signingInput(byte[] payload, int off, int len, boolean compact) {
        int h = protectedB64.length;
        byte[] input = new byte[h + 1 + (b64 ? Base64Url.encodedLength(len) : len)];
        System.arraycopy(protectedB64, 0, input, 0, h);
        input[h] = '.';
        if (b64) {
            Base64Url.encodeInto(payload, off, len, input, h + 1);
            return input;
        }
        if (compact) {
            for (int i = off; i < off + len; i++) {
                byte c = payload[i];
                if (c == '.' || c < 0x21 || c > 0x7e) {
                    throw new IllegalArgumentException("an unencoded compact payload must be printable ASCII without '.' (RFC 7797 §5.2)");
                }
            }
        }
        System.arraycopy(payload, off, input, h + 1, len);
        return input;
    }

    /**
     * {@code headLength} bytes of {@code head}, '.', and the encoded signature, made into a String once: every byte
     * is ASCII (base64url, or an unencoded payload already checked to be printable ASCII).
     */
    private static String compact(byte[] head, int headLength, byte[] signature) {
        byte[] out = new byte[headLength + 1 + Base64Url.encodedLength(signature.length)];
        System.arraycopy(head, 0, out, 0, headLength);
        out[headLength] = '.';
        Base64Url.encodeInto(signature, 0, signature.length, out, headLength + 1);
        return new String(out, StandardCharsets.ISO_8859_1);
    }

    @Override
    public String toString() {
        return "JwsSigner{alg=" + algorithm + ", kid=" + protectedParams.getOrDefault("kid", "-") + "}";
    }

    /** Builds a {@link JwsSigner}; refuses public keys, keys whose type or {@code alg} do not fit, and weak keys. */
    public static final class Builder {
        private final Jwk key;
        private JwsAlgorithm algorithm;
        private JwsHeader header = JwsHeader.builder().build();
        private final Map<String, Object> unprotected = new LinkedHashMap<>();

        private Builder(Jwk key) {
            this.key = Objects.requireNonNull(key, "key");
        }

        /** The algorithm, for a key that does not name one itself; must equal the key's {@code alg} if it does. */
        public Builder algorithm(JwsAlgorithm value) {
            this.algorithm = Objects.requireNonNull(value, "algorithm");
            return this;
        }

        /** Extra protected header parameters ({@code typ}, {@code cty}, critical ones, {@code b64}). */
        public Builder header(JwsHeader value) {
            this.header = Objects.requireNonNull(value, "header");
            return this;
        }

        /** An unprotected header parameter, for the JSON serializations only. */
        public Builder unprotectedParameter(String name, Object value) {
            if (name.equals("crit") || name.equals("b64")) {
                throw new IllegalArgumentException("\"" + name + "\" must be integrity protected");
            }
            unprotected.put(name, value);
            return this;
        }

        public JwsSigner build() {
            if (!key.isPrivate()) {
                throw new IllegalArgumentException("signing needs a private key; this " + key.keyType() + " key is public");
            }
            if (algorithm == null) {
                algorithm = JwsAlgorithm.defaultFor(key);
            }
            if (!algorithm.fits(key)) {
                throw new IllegalArgumentException(algorithm + " does not fit " + key);
            }
            if (key.use().filter(u -> !u.equals("sig")).isPresent()) {
                throw new IllegalArgumentException("the key's \"use\" is " + key.use().get() + ", not sig");
            }
            if (!key.keyOperations().isEmpty() && !key.keyOperations().contains("sign")) {
                throw new IllegalArgumentException("the key's \"key_ops\" do not include sign");
            }
            if (key instanceof OctJwk oct && oct.length() < algorithm.minSecretBytes()) {
                throw new JoseException(dev.hallmark.Reason.WEAK_KEY, algorithm + " needs a key of at least "
                        + algorithm.minSecretBytes() + " bytes (RFC 7518 §3.2)");
            }
            return new JwsSigner(this);
        }
    }
}
