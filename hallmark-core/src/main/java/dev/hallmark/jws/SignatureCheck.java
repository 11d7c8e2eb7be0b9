package dev.hallmark.jws;

import dev.hallmark.internal.codec.Printable;
import dev.hallmark.JoseException;
import dev.hallmark.Limits;
import dev.hallmark.Reason;
import dev.hallmark.jwk.Jwk;
import dev.hallmark.jwk.JwkMatcher;
import dev.hallmark.jwk.KeySource;
import dev.hallmark.jwk.OctJwk;
import dev.hallmark.jwk.RsaJwk;

import java.security.Key;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pipeline steps 4 to 7 for one signature, shared by the compact and JSON serializations: {@code crit}, algorithm
 * policy, key selection and strength, then the signature itself.
 */
final class SignatureCheck {

    private final KeySource keys;
    private final AlgorithmPolicy policy;
    private final Set<String> understoodCritical;
    private final Limits limits;

    SignatureCheck(KeySource keys, AlgorithmPolicy policy, Set<String> understoodCritical, Limits limits) {
        this.keys = keys;
        this.policy = policy;
        this.understoodCritical = understoodCritical;
        this.limits = limits;
    }

    /** Step 4: every {@code crit} entry is understood, present and not a registered name (RFC 7515 §4.1.11). */
    void checkCritical(Map<String, Object> protectedParams, Map<String, Object> unprotectedParams) {
        if (unprotectedParams.containsKey("crit")) {
            throw new JoseException(Reason.UNSUPPORTED_CRITICAL, "\"crit\" must be integrity protected (RFC 7515 §4.1.11)");
        }
        if (unprotectedParams.containsKey("b64")) {
            throw new JoseException(Reason.MALFORMED, "\"b64\" must be integrity protected (RFC 7797 §3)");
        }
        Object crit = protectedParams.get("crit");
        if (crit != null || protectedParams.containsKey("crit")) {
            if (!(crit instanceof List<?> list) || list.isEmpty()) {
                throw new JoseException(Reason.UNSUPPORTED_CRITICAL,
                        "\"crit\" must be a non-empty array of names (RFC 7515 §4.1.11)");
            }
            List<String> seen = new ArrayList<>();
            for (Object o : list) {
                if (!(o instanceof String name)) {
                    throw new JoseException(Reason.UNSUPPORTED_CRITICAL, "\"crit\" entries must be strings (RFC 7515 §4.1.11)");
                }
                if (seen.contains(name)) {
                    throw new JoseException(Reason.UNSUPPORTED_CRITICAL, "\"crit\" lists \"" + name + "\" twice (RFC 7515 §4.1.11)");
                }
                seen.add(name);
                if (JwsHeader.REGISTERED.contains(name)) {
                    throw new JoseException(Reason.UNSUPPORTED_CRITICAL,
                            "\"crit\" must not list the registered parameter \"" + name + "\" (RFC 7515 §4.1.11)");
                }
                if (!understoodCritical.contains(name)) {
                    throw new JoseException(Reason.UNSUPPORTED_CRITICAL,
                            "critical header parameter \"" + Printable.of(name) + "\" is not understood (RFC 7515 §4.1.11)");
                }
                if (!protectedParams.containsKey(name)) {
                    throw new JoseException(Reason.UNSUPPORTED_CRITICAL,
                            "\"crit\" lists \"" + name + "\" but the header lacks it (RFC 7515 §4.1.11)");
                }
            }
        }
        if (protectedParams.containsKey("b64")) {
            if (!(protectedParams.get("b64") instanceof Boolean)) {
                throw new JoseException(Reason.MALFORMED, "\"b64\" must be a boolean (RFC 7797 §3)");
            }
            if (!(crit instanceof List<?> list) || !list.contains("b64")) {
                throw new JoseException(Reason.UNSUPPORTED_CRITICAL,
                        "\"b64\" is only honoured when listed in \"crit\" (RFC 7797 §6)");
            }
        }
    }

    /**
     * What a header decides for steps 5 and 6, worked out once per distinct header (the {@link HeaderCache} keeps
     * it): its algorithm, which must be a supported one, and the matcher that selects keys for its {@code kid}.
     */
    record Prepared(JwsHeader header, JwsAlgorithm algorithm, String keyId, JwkMatcher matcher) {
    }

    /** Throws {@code ALG_NOT_ALLOWED} for {@code none} and unknown algorithms. */
    static Prepared prepare(JwsHeader header) {
        JwsAlgorithm alg = algorithm(header.algorithm());
        String kid = header.keyId().orElse(null);
        return new Prepared(header, alg, kid, JwkMatcher.forVerification(kid));
    }

    /** Steps 5 to 7. Returns the key that verified. */
    Jwk verify(Prepared prepared, byte[] input, int off, int len, byte[] signature) {
        JwsAlgorithm alg = prepared.algorithm();
        if (policy != null && !policy.allows(alg)) {
            throw new JoseException(Reason.ALG_NOT_ALLOWED, "\"alg\" " + alg + " is not allowed by " + policy);
        }
        String kid = prepared.keyId();
        List<Jwk> candidates = keys.select(prepared.matcher());
        if (kid != null) {
            if (candidates.isEmpty()) {
                throw new JoseException(Reason.KEY_NOT_FOUND, "no trusted key has kid \"" + Printable.of(kid) + "\"");
            }
            if (candidates.size() > 1) {
                throw new JoseException(Reason.KEY_NOT_FOUND, "more than one trusted key has kid \""
                        + Printable.of(kid) + "\"; refusing to guess");
            }
            Jwk key = candidates.get(0);
            if (!alg.fits(key)) {
                throw new JoseException(Reason.ALG_NOT_ALLOWED, "\"alg\" " + alg + " does not fit the key with kid \""
                        + Printable.of(kid) + "\" (" + key.keyType() + key.algorithm().map(a -> ", alg " + a).orElse("") + ")");
            }
            checkStrength(alg, key);
            if (!alg.scheme().verify(jcaKey(key), input, off, len, signature)) {
                throw new JoseException(Reason.BAD_SIGNATURE, "signature does not verify with the key with kid \""
                        + Printable.of(kid) + "\"");
            }
            return key;
        }
        List<Jwk> fitting = new ArrayList<>(candidates.size());
        for (Jwk k : candidates) {
            if (alg.fits(k)) {
                fitting.add(k);
            }
        }
        if (fitting.isEmpty()) {
            if (!candidates.isEmpty()) {
                throw new JoseException(Reason.ALG_NOT_ALLOWED, "\"alg\" " + alg + " fits none of the trusted keys");
            }
            throw new JoseException(Reason.KEY_NOT_FOUND, "no trusted key is available");
        }
        int tries = Math.min(fitting.size(), limits.maxKeysTriedWithoutKid());
        for (int i = 0; i < tries; i++) {
            Jwk key = fitting.get(i);
            checkStrength(alg, key);
            if (alg.scheme().verify(jcaKey(key), input, off, len, signature)) {
                return key;
            }
        }
        throw new JoseException(Reason.BAD_SIGNATURE, "signature does not verify with "
                + (tries == 1 ? "the trusted key" : "any of the " + tries + " trusted keys tried (the token has no kid)"));
    }

    static JwsAlgorithm algorithm(String name) {
        return JwsAlgorithm.fromName(name).orElseThrow(() -> new JoseException(Reason.ALG_NOT_ALLOWED,
                "none".equalsIgnoreCase(name.trim())
                        ? "\"alg\" \"" + Printable.of(name) + "\": unsecured JWS is never accepted (RFC 8725 §3.2)"
                        : "\"alg\" \"" + Printable.of(name) + "\" is not a supported JWS algorithm"));
    }

    private void checkStrength(JwsAlgorithm alg, Jwk key) {
        if (key instanceof OctJwk oct && oct.length() < alg.minSecretBytes()) {
            throw new JoseException(Reason.WEAK_KEY, alg + " needs a key of at least " + alg.minSecretBytes()
                    + " bytes, the trusted key has " + oct.length() + " (RFC 7518 §3.2)");
        }
        if (key instanceof RsaJwk rsa && (rsa.modulusBits() < limits.minRsaBits() || rsa.modulusBits() > limits.maxRsaBits())) {
            throw new JoseException(Reason.WEAK_KEY, "RSA key of " + rsa.modulusBits() + " bits is outside "
                    + limits.minRsaBits() + ".." + limits.maxRsaBits());
        }
    }

    static Key jcaKey(Jwk key) {
        return key instanceof OctJwk oct ? oct.toSecretKey() : key.publicKey();
    }
}
