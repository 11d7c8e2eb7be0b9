package dev.hallmark.jws;

import dev.hallmark.JoseException;
import dev.hallmark.Limits;
import dev.hallmark.Reason;
import dev.hallmark.internal.codec.Base64Url;
import dev.hallmark.internal.json.StrictJson;
import dev.hallmark.jwk.Jwk;
import dev.hallmark.jwk.KeySource;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Verifies JWS objects in the compact or JSON serialization against trusted keys, in the pipeline order of the
 * architecture: size, structure and base64url, header, {@code crit}, algorithm policy, key selection and strength,
 * signature. Immutable and thread-safe: build once, share.
 *
 * <pre>{@code
 * JwsVerifier verifier = JwsVerifier.builder()
 *         .keys(KeySource.of(JwkSet.parse(jwks)))
 *         .algorithms(AlgorithmPolicy.of(JwsAlgorithm.ES256))
 *         .build();
 * VerifiedJws jws = verifier.verify(compact);
 * }</pre>
 *
 * <p>For JWTs use {@code JwtVerifier}, which adds the claims checks.
 */
public final class JwsVerifier {

    private final SignatureCheck check;
    private final Limits limits;
    private final boolean allowUnencodedPayload;
    private final HeaderCache headers = new HeaderCache();

    private JwsVerifier(Builder b) {
        Set<String> critical = new HashSet<>(b.understoodCritical);
        if (b.allowUnencodedPayload) {
            critical.add("b64");
        }
        this.limits = b.limits;
        this.allowUnencodedPayload = b.allowUnencodedPayload;
        this.check = new SignatureCheck(b.keys, b.policy, Set.copyOf(critical), b.limits);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Verifies a compact JWS with its payload inside. */
    public VerifiedJws verify(String compact) {
        return verifyCompact(compact, null);
    }

    /** Verifies a compact JWS with detached content (RFC 7515 Appendix F): its payload segment must be empty. */
    public VerifiedJws verifyDetached(String compact, byte[] detachedPayload) {
        return verifyCompact(compact, Objects.requireNonNull(detachedPayload, "detachedPayload"));
    }

    private VerifiedJws verifyCompact(String token, byte[] detached) {
        Objects.requireNonNull(token, "token");
        // 1. size, 2. three segments (their characters are checked as each segment is decoded or matched)
        CompactParts parts = CompactParts.splitForVerification(token, limits);
        try {
            return verifyParts(parts, detached);
        } catch (JoseException e) {
            // a bad character is reported first, as the checking split would have: whatever step tripped over it
            throw parts.explain(e);
        }
    }

    private VerifiedJws verifyParts(CompactParts parts, byte[] detached) {
        HeaderCache.Entry seen = headers.find(parts.bytes, 0, parts.firstDot);
        byte[] headerJson = seen == null ? Base64Url.decode(parts.bytes, 0, parts.firstDot, "JWS header") : null;
        byte[] signature = Base64Url.decode(parts.bytes, parts.secondDot + 1,
                parts.bytes.length - parts.secondDot - 1, "JWS signature");
        SignatureCheck.Prepared prepared;
        if (seen != null) {
            // these exact bytes passed steps 3 and 4 and named a supported algorithm before
            prepared = seen.prepared();
        } else {
            // 3. header
            Map<String, Object> params = StrictJson.parseObject(headerJson, limits, "JWS header");
            JwsHeader header = JwsHeader.validated(params);
            // 4. crit
            check.checkCritical(params, Map.of());
            if (!header.base64EncodedPayload() && !allowUnencodedPayload) {
                throw new JoseException(Reason.UNSUPPORTED_CRITICAL,
                        "unencoded payloads (RFC 7797) are not accepted here");
            }
            prepared = SignatureCheck.prepare(header);
            headers.put(parts.bytes, 0, parts.firstDot, prepared);
        }
        JwsHeader header = prepared.header();
        boolean b64 = header.base64EncodedPayload();
        int payloadLen = parts.secondDot - parts.firstDot - 1;
        byte[] payload;
        byte[] input;
        int inputLen;
        if (detached != null) {
            if (payloadLen != 0) {
                throw new JoseException(Reason.MALFORMED, "a JWS with detached content has an empty payload segment (RFC 7515 Appendix F)");
            }
            payload = detached;
            if (b64) {
                byte[] encoded = Base64Url.encodeToAscii(detached, 0, detached.length);
                input = concat(parts.bytes, parts.firstDot + 1, encoded);
            } else {
                input = concat(parts.bytes, parts.firstDot + 1, detached);
            }
            inputLen = input.length;
        } else {
            if (b64) {
                payload = Base64Url.decode(parts.bytes, parts.firstDot + 1, payloadLen, "JWS payload");
            } else {
                parts.checkCharacters(); // an unencoded payload is not decoded, so nothing else checks it
                payload = java.util.Arrays.copyOfRange(parts.bytes, parts.firstDot + 1, parts.secondDot);
            }
            input = parts.bytes;
            inputLen = parts.secondDot;
        }
        // 5.-7. policy, key, signature
        Jwk key = check.verify(prepared, input, 0, inputLen, signature);
        return new VerifiedJws(header, payload, publicForm(key), prepared.algorithm());
    }

    /** Verifies a flattened or general JWS JSON serialization (RFC 7515 §7.2); one valid signature suffices. */
    public VerifiedJws verifyJson(String json) {
        return verifyJsonInternal(json, null);
    }

    /** Verifies a JWS JSON serialization without a {@code payload} member against detached content. */
    public VerifiedJws verifyJsonDetached(String json, byte[] detachedPayload) {
        return verifyJsonInternal(json, Objects.requireNonNull(detachedPayload, "detachedPayload"));
    }

    private VerifiedJws verifyJsonInternal(String json, byte[] detached) {
        Objects.requireNonNull(json, "json");
        if (json.length() > limits.maxTokenBytes()) {
            throw new JoseException(Reason.TOO_LARGE, "JWS JSON is " + json.length() + " bytes, over the limit of "
                    + limits.maxTokenBytes());
        }
        Map<String, Object> doc = StrictJson.parseObject(json, limits, "JWS JSON serialization");
        if (doc.containsKey("ciphertext") || doc.containsKey("recipients")) {
            throw new JoseException(Reason.MALFORMED, "this is a JWE, not a JWS");
        }
        List<Map<String, Object>> entries = JsonParts.signatures(doc, limits);
        Object payloadMember = doc.get("payload");
        if (payloadMember != null && !(payloadMember instanceof String)) {
            throw new JoseException(Reason.MALFORMED, "JWS \"payload\" must be a string (RFC 7515 §7.2.1)");
        }
        if (detached != null && doc.containsKey("payload")) {
            throw new JoseException(Reason.MALFORMED, "detached content given but the JWS has a \"payload\"");
        }
        if (detached == null && !doc.containsKey("payload")) {
            throw new JoseException(Reason.MALFORMED, "JWS has no \"payload\"; verify it with its detached content");
        }
        JoseException first = null; // the failure that got furthest, earliest first among equals
        Boolean b64Seen = null;
        for (Map<String, Object> entry : entries) {
            try {
                JsonParts.Signature sig = JsonParts.signature(entry, limits);
                boolean b64 = !Boolean.FALSE.equals(sig.protectedParams().get("b64"));
                if (b64Seen != null && b64Seen != b64) {
                    throw new JoseException(Reason.MALFORMED, "\"b64\" differs between signatures (RFC 7797 §3)");
                }
                b64Seen = b64;
                check.checkCritical(sig.protectedParams(), sig.unprotectedParams());
                if (!b64 && !allowUnencodedPayload) {
                    throw new JoseException(Reason.UNSUPPORTED_CRITICAL, "unencoded payloads (RFC 7797) are not accepted here");
                }
                byte[] payload;
                byte[] payloadInInput;
                if (detached != null) {
                    payload = detached;
                    payloadInInput = b64 ? Base64Url.encodeToAscii(detached, 0, detached.length) : detached;
                } else if (b64) {
                    payload = Base64Url.decode((String) payloadMember, "JWS payload");
                    payloadInInput = ((String) payloadMember).getBytes(StandardCharsets.US_ASCII);
                } else {
                    payload = ((String) payloadMember).getBytes(StandardCharsets.UTF_8);
                    payloadInInput = payload;
                }
                byte[] protectedAscii = sig.protectedB64().getBytes(StandardCharsets.US_ASCII);
                byte[] input = new byte[protectedAscii.length + 1 + payloadInInput.length];
                System.arraycopy(protectedAscii, 0, input, 0, protectedAscii.length);
                input[protectedAscii.length] = '.';
                System.arraycopy(payloadInInput, 0, input, protectedAscii.length + 1, payloadInInput.length);
                SignatureCheck.Prepared prepared = SignatureCheck.prepare(sig.header());
                Jwk key = check.verify(prepared, input, 0, input.length, sig.signature());
                return new VerifiedJws(sig.header(), payload, publicForm(key), prepared.algorithm());
            } catch (JoseException e) {
                if (first == null || progress(e.reason()) > progress(first.reason())) {
                    first = e;
                }
            }
        }
        throw first;
    }

    /**
     * How far through the pipeline a signature got before failing. When every signature fails, the one that got
     * furthest explains best why: a bad signature from a trusted key says more than another entry's unknown kid.
     */
    private static int progress(Reason reason) {
        return switch (reason) {
            case TOO_LARGE, MALFORMED -> 0;
            case UNSUPPORTED_CRITICAL -> 1;
            case ALG_NOT_ALLOWED -> 2;
            case KEY_NOT_FOUND -> 3;
            case WEAK_KEY -> 4;
            default -> 5;
        };
    }

    private static byte[] concat(byte[] prefix, int prefixLen, byte[] rest) {
        byte[] out = new byte[prefixLen + rest.length];
        System.arraycopy(prefix, 0, out, 0, prefixLen);
        System.arraycopy(rest, 0, out, prefixLen, rest.length);
        return out;
    }

    private static Jwk publicForm(Jwk key) {
        return key.isPrivate() && !key.keyType().equals("oct") ? key.toPublicJwk() : key;
    }

    /** Builds a {@link JwsVerifier}; trusted keys are required. */
    public static final class Builder {
        private KeySource keys;
        private AlgorithmPolicy policy;
        private Limits limits = Limits.DEFAULT;
        private final Set<String> understoodCritical = new HashSet<>();
        private boolean allowUnencodedPayload = true;

        private Builder() {
        }

        /** The keys this verifier trusts. */
        public Builder keys(KeySource source) {
            this.keys = Objects.requireNonNull(source, "source");
            return this;
        }

        /** Trusts exactly this key. */
        public Builder key(Jwk key) {
            return keys(KeySource.of(key));
        }

        /** The algorithms accepted; without a policy each key's own {@code alg} or type decides. */
        public Builder algorithms(AlgorithmPolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        public Builder limits(Limits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /**
         * Header parameters the caller processes itself and so may appear in {@code crit}. The caller must check
         * them on the {@link VerifiedJws#header()}.
         */
        public Builder understoodCriticalParameters(String... names) {
            for (String n : names) {
                if (JwsHeader.REGISTERED.contains(n)) {
                    throw new IllegalArgumentException("\"" + n + "\" is registered and may not be critical");
                }
                understoodCritical.add(n);
            }
            return this;
        }

        /** Refuses RFC 7797 unencoded payloads ({@code "b64": false}); they are accepted by default. */
        public Builder rejectUnencodedPayload() {
            this.allowUnencodedPayload = false;
            return this;
        }

        public JwsVerifier build() {
            if (keys == null) {
                throw new IllegalStateException("a JwsVerifier needs trusted keys: call keys(..) or key(..)");
            }
            return new JwsVerifier(this);
        }
    }
}
