package dev.hallmark.jwe;

import dev.hallmark.JoseException;
import dev.hallmark.Limits;
import dev.hallmark.Reason;
import dev.hallmark.internal.codec.Printable;
import dev.hallmark.internal.crypto.CryptoFailure;
import dev.hallmark.internal.crypto.Deflate;
import dev.hallmark.jwk.Jwk;
import dev.hallmark.jwk.JwkMatcher;
import dev.hallmark.jwk.KeySource;
import dev.hallmark.jwk.OctJwk;
import dev.hallmark.jwk.RsaJwk;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Decrypts JWEs in the compact or JSON serialization with trusted keys, in this order: size, structure and
 * base64url ({@code TOO_LARGE}, {@code MALFORMED}), header ({@code MALFORMED}), {@code crit}
 * ({@code UNSUPPORTED_CRITICAL}), algorithm, encryption and compression policy ({@code ALG_NOT_ALLOWED}), the
 * algorithm's own header parameters ({@code p2c} over the limit is {@code TOO_LARGE}, before any derivation), key
 * selection and strength ({@code KEY_NOT_FOUND}, {@code WEAK_KEY}), then key unwrapping and content decryption.
 * Every failure of those last two steps, whatever its cause (bad padding, bad tag, bad unwrap, invalid
 * {@code epk}, wrong key), is the one {@code DECRYPTION_FAILED} with the same message. Immutable and thread-safe.
 *
 * <pre>{@code
 * JweDecrypter decrypter = JweDecrypter.builder()
 *         .keys(KeySource.of(privateJwk))
 *         .algorithms(JweAlgorithm.ECDH_ES_A256KW)
 *         .encryptions(ContentEncryption.A256GCM)
 *         .build();
 * DecryptedJwe jwe = decrypter.decrypt(compact);
 * }</pre>
 *
 * <p>The key fixes the algorithm as for JWS: without {@link Builder#algorithms}, each key's own {@code alg} decides,
 * else every algorithm its type fits except PBES2 (a password key must say {@code alg}) and RSA1_5 (which also
 * needs {@link Builder#allowRsa1_5()}).
 */
public final class JweDecrypter {

    private static final String FAILED = "the JWE could not be decrypted";

    private final KeySource keys;
    private final Set<JweAlgorithm> algorithms;
    private final Set<ContentEncryption> encryptions;
    private final boolean allowCompression;
    private final boolean allowRsa1_5;
    private final Set<String> understoodCritical;
    private final Limits limits;
    private final SecureRandom random;
    /** Never leaves this object and never decrypts anything: see the unwrap failure path. */
    private final byte[] substituteKey;

    private JweDecrypter(Builder b) {
        this.keys = b.keys;
        this.algorithms = b.algorithms == null ? null : Set.copyOf(b.algorithms);
        this.encryptions = Set.copyOf(b.encryptions);
        this.allowCompression = b.allowCompression;
        this.allowRsa1_5 = b.allowRsa1_5;
        this.understoodCritical = Set.copyOf(b.understoodCritical);
        this.limits = b.limits;
        this.random = b.random;
        this.substituteKey = new byte[64];
        this.random.nextBytes(substituteKey);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Decrypts a compact JWE (five parts); a JWS (three parts) is {@code MALFORMED}. */
    public DecryptedJwe decrypt(String compact) {
        Objects.requireNonNull(compact, "compact");
        JweParts parts = JweParts.compact(compact, limits);
        JweParts.Recipient r = parts.recipients.get(0);
        return decryptFor(parts, r, new long[] {limits.maxPbes2Iterations()});
    }

    /**
     * Decrypts a flattened or general JWE JSON serialization. With several recipients, the first whose header
     * fits a trusted key and decrypts wins; when none does, the failure that got furthest is reported.
     */
    public DecryptedJwe decryptJson(String json) {
        Objects.requireNonNull(json, "json");
        JweParts parts = JweParts.json(json, limits);
        JoseException furthest = null;
        long[] pbes2Budget = {limits.maxPbes2Iterations()};
        for (JweParts.Recipient r : parts.recipients) {
            try {
                return decryptFor(parts, r, pbes2Budget);
            } catch (JoseException e) {
                if (pbes2Budget[0] < 0) {
                    throw e; // the whole JWE is over its work limit: no further recipient is tried
                }
                if (furthest == null || progress(e.reason()) > progress(furthest.reason())) {
                    furthest = e;
                }
            }
        }
        throw furthest;
    }

    /**
     * One recipient's entry. {@code pbes2Budget} is the PBKDF2 work left for this call: the {@code p2c} cap bounds
     * one derivation, and without a shared budget several PBES2 recipients times several keys would multiply it.
     */
    private DecryptedJwe decryptFor(JweParts parts, JweParts.Recipient recipient, long[] pbes2Budget) {
        Map<String, Object> merged = merge(parts.protectedParams, parts.sharedUnprotected, recipient.header());
        JweHeader header = new JweHeader(merged, parts.protectedParams.keySet());
        checkCritical(parts.protectedParams, merged);
        JweAlgorithm alg = algorithm(merged);
        ContentEncryption enc = encryption(merged);
        boolean compressed = checkCompression(parts.protectedParams, merged);
        if (algorithms != null && !algorithms.contains(alg)) {
            throw new JoseException(Reason.ALG_NOT_ALLOWED, "\"alg\" " + alg + " is not allowed by this decrypter");
        }
        if (alg == JweAlgorithm.RSA1_5 && !allowRsa1_5) {
            throw new JoseException(Reason.ALG_NOT_ALLOWED, "\"alg\" RSA1_5 is refused unless explicitly enabled "
                    + "(RFC 8725 §3.2)");
        }
        if (!encryptions.contains(enc)) {
            throw new JoseException(Reason.ALG_NOT_ALLOWED, "\"enc\" " + enc + " is not allowed by this decrypter");
        }
        KeyManagement.checkHeader(alg, merged, limits);
        List<Jwk> candidates = select(alg, enc, merged);
        byte[] aad = parts.authenticatedData();
        for (Jwk key : candidates) {
            if (alg.family() == JweAlgorithm.Family.PBES2) {
                pbes2Budget[0] -= ((Number) merged.get("p2c")).longValue();
                if (pbes2Budget[0] < 0) {
                    throw new JoseException(Reason.TOO_LARGE, "the PBES2 work for this JWE is over the limit of "
                            + limits.maxPbes2Iterations() + " iterations");
                }
            }
            byte[] plaintext;
            byte[] cek;
            boolean substituted = false;
            try {
                cek = KeyManagement.receive(alg, key, enc, merged, recipient.encryptedKey(), random);
            } catch (CryptoFailure e) {
                // A key that does not unwrap goes on to the content check with a secret random key of the right
                // length, as RFC 7516 §11.5 asks for RSA1_5, so a bad unwrap and a bad tag take the same path and
                // time. Drawn once per decrypter: fresh randomness per token cost more than the check itself.
                cek = java.util.Arrays.copyOf(substituteKey, enc.cekBytes());
                substituted = true;
            }
            try {
                plaintext = ContentCipher.decrypt(enc, cek, parts.iv, parts.ciphertext, parts.tag, aad);
            } catch (CryptoFailure e) {
                continue; // the next fitting key, if any; the outcome for the caller is the same either way
            }
            if (substituted) {
                continue; // a random key matched the tag: probability 2^-128, and never a success
            }
            if (compressed) {
                plaintext = inflate(plaintext);
            }
            Jwk publicForm = key instanceof OctJwk ? key : key.toPublicJwk();
            return new DecryptedJwe(header, plaintext, alg, enc, parts.aad, publicForm);
        }
        throw new JoseException(Reason.DECRYPTION_FAILED, FAILED);
    }

    private byte[] inflate(byte[] deflated) {
        try {
            return Deflate.inflate(deflated, limits.maxInflatedBytes());
        } catch (Deflate.TooLarge e) {
            throw new JoseException(Reason.TOO_LARGE, "the compressed plaintext inflates past the limit of "
                    + limits.maxInflatedBytes() + " bytes");
        } catch (Deflate.Corrupt e) {
            // authentic (the tag verified), so no oracle: the sender compressed badly
            throw new JoseException(Reason.MALFORMED, "the plaintext is not valid DEFLATE data (RFC 7516 §4.1.3)");
        }
    }

    private static Map<String, Object> merge(Map<String, Object> prot, Map<String, Object> shared,
                                             Map<String, Object> perRecipient) {
        Map<String, Object> merged = new LinkedHashMap<>(prot);
        for (Map<String, Object> part : List.of(shared, perRecipient)) {
            for (Map.Entry<String, Object> e : part.entrySet()) {
                if (merged.containsKey(e.getKey())) {
                    throw new JoseException(Reason.MALFORMED, "header parameter \"" + Printable.of(e.getKey())
                            + "\" appears in more than one JWE header (RFC 7516 §7.2.1)");
                }
                merged.put(e.getKey(), e.getValue());
            }
        }
        for (String name : List.of("alg", "enc", "zip", "kid", "typ", "cty")) {
            if (merged.containsKey(name) && !(merged.get(name) instanceof String)) {
                throw new JoseException(Reason.MALFORMED, "header \"" + name + "\" must be a string (RFC 7516 §4.1)");
            }
        }
        return merged;
    }

    private void checkCritical(Map<String, Object> prot, Map<String, Object> merged) {
        if (merged.containsKey("crit") && !prot.containsKey("crit")) {
            throw new JoseException(Reason.UNSUPPORTED_CRITICAL, "\"crit\" must be integrity protected (RFC 7516 §4.1.13)");
        }
        if (!prot.containsKey("crit")) {
            return;
        }
        if (!(prot.get("crit") instanceof List<?> list) || list.isEmpty()) {
            throw new JoseException(Reason.UNSUPPORTED_CRITICAL, "\"crit\" must be a non-empty array of names (RFC 7515 §4.1.11)");
        }
        Set<Object> seen = new HashSet<>();
        for (Object o : list) {
            if (!(o instanceof String name) || !seen.add(name)) {
                throw new JoseException(Reason.UNSUPPORTED_CRITICAL, "\"crit\" entries must be distinct strings (RFC 7515 §4.1.11)");
            }
            if (JweHeader.REGISTERED.contains(name)) {
                throw new JoseException(Reason.UNSUPPORTED_CRITICAL,
                        "\"crit\" must not list the registered parameter \"" + name + "\" (RFC 7516 §4.1.13)");
            }
            if (!understoodCritical.contains(name)) {
                throw new JoseException(Reason.UNSUPPORTED_CRITICAL,
                        "critical header parameter \"" + Printable.of(name) + "\" is not understood (RFC 7516 §4.1.13)");
            }
            if (!merged.containsKey(name)) {
                throw new JoseException(Reason.UNSUPPORTED_CRITICAL,
                        "\"crit\" lists \"" + Printable.of(name) + "\" but the header lacks it (RFC 7515 §4.1.11)");
            }
        }
    }

    private static JweAlgorithm algorithm(Map<String, Object> merged) {
        if (!(merged.get("alg") instanceof String name)) {
            throw new JoseException(Reason.MALFORMED, "JWE header has no \"alg\" (RFC 7516 §4.1.1)");
        }
        return JweAlgorithm.fromName(name).orElseThrow(() -> new JoseException(Reason.ALG_NOT_ALLOWED,
                "\"alg\" \"" + Printable.of(name) + "\" is not a supported JWE algorithm"));
    }

    private static ContentEncryption encryption(Map<String, Object> merged) {
        if (!(merged.get("enc") instanceof String name)) {
            throw new JoseException(Reason.MALFORMED, "JWE header has no \"enc\" (RFC 7516 §4.1.2)");
        }
        return ContentEncryption.fromName(name).orElseThrow(() -> new JoseException(Reason.ALG_NOT_ALLOWED,
                "\"enc\" \"" + Printable.of(name) + "\" is not a supported content encryption"));
    }

    private boolean checkCompression(Map<String, Object> prot, Map<String, Object> merged) {
        if (!merged.containsKey("zip")) {
            return false;
        }
        if (!prot.containsKey("zip")) {
            throw new JoseException(Reason.MALFORMED, "\"zip\" must be integrity protected (RFC 7516 §4.1.3)");
        }
        if (!"DEF".equals(prot.get("zip"))) {
            throw new JoseException(Reason.MALFORMED, "\"zip\" \"" + Printable.of(String.valueOf(prot.get("zip")))
                    + "\" is not a supported compression (RFC 7516 §4.1.3)");
        }
        if (!allowCompression) {
            throw new JoseException(Reason.ALG_NOT_ALLOWED, "compressed JWEs (\"zip\": \"DEF\") are not accepted "
                    + "by this decrypter");
        }
        return true;
    }

    /** Steps 5 and 6: the keys to try, by {@code kid} (exactly one) or by fit (a bounded few). */
    private List<Jwk> select(JweAlgorithm alg, ContentEncryption enc, Map<String, Object> merged) {
        String kid = (String) merged.get("kid");
        List<Jwk> candidates = new ArrayList<>();
        for (Jwk k : keys.select(JwkMatcher.builder().keyId(kid).use("enc").build())) {
            if (decrypts(k)) {
                candidates.add(k);
            }
        }
        if (kid != null) {
            if (candidates.isEmpty()) {
                throw new JoseException(Reason.KEY_NOT_FOUND, "no trusted decryption key has kid \"" + Printable.of(kid) + "\"");
            }
            if (candidates.size() > 1) {
                throw new JoseException(Reason.KEY_NOT_FOUND, "more than one trusted key has kid \""
                        + Printable.of(kid) + "\"; refusing to guess");
            }
            Jwk key = candidates.get(0);
            if (!fits(alg, enc, key)) {
                throw new JoseException(Reason.ALG_NOT_ALLOWED, "\"alg\" " + alg + " with \"enc\" " + enc
                        + " does not fit the key with kid \"" + Printable.of(kid) + "\"");
            }
            checkStrength(key);
            return List.of(key);
        }
        List<Jwk> fitting = new ArrayList<>();
        for (Jwk k : candidates) {
            if (fits(alg, enc, k)) {
                fitting.add(k);
            }
        }
        if (fitting.isEmpty()) {
            if (!candidates.isEmpty()) {
                throw new JoseException(Reason.ALG_NOT_ALLOWED, "\"alg\" " + alg + " with \"enc\" " + enc
                        + " fits none of the trusted keys");
            }
            throw new JoseException(Reason.KEY_NOT_FOUND, "no trusted decryption key is available");
        }
        List<Jwk> tried = fitting.subList(0, Math.min(fitting.size(), limits.maxKeysTriedWithoutKid()));
        tried.forEach(this::checkStrength);
        return tried;
    }

    /** A key that can decrypt: secret, or holding its private half, and not restricted to other operations. */
    private static boolean decrypts(Jwk key) {
        if (!key.isPrivate()) {
            return false;
        }
        Set<String> ops = key.keyOperations();
        return ops.isEmpty() || ops.contains("decrypt") || ops.contains("unwrapKey") || ops.contains("deriveKey")
                || ops.contains("deriveBits");
    }

    private boolean fits(JweAlgorithm alg, ContentEncryption enc, Jwk key) {
        if (!alg.fits(key)) {
            return false;
        }
        if (algorithms == null && key.algorithm().isEmpty()
                && alg.family() == JweAlgorithm.Family.PBES2) {
            return false; // a password must be marked as one, or the caller must allow PBES2 by name
        }
        if (alg.family() == JweAlgorithm.Family.DIRECT) {
            if (((OctJwk) key).length() != enc.cekBytes()) {
                return false;
            }
            if (key.algorithm().isPresent() && !key.algorithm().get().equals("dir")
                    && !key.algorithm().get().equals(enc.headerName())) {
                return false;
            }
        }
        return true;
    }

    private void checkStrength(Jwk key) {
        if (key instanceof RsaJwk rsa && (rsa.modulusBits() < limits.minRsaBits() || rsa.modulusBits() > limits.maxRsaBits())) {
            throw new JoseException(Reason.WEAK_KEY, "RSA key of " + rsa.modulusBits() + " bits is outside "
                    + limits.minRsaBits() + ".." + limits.maxRsaBits());
        }
    }

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

    /** Builds a {@link JweDecrypter}; trusted keys are required. */
    public static final class Builder {
        private KeySource keys;
        private Set<JweAlgorithm> algorithms;
        private Set<ContentEncryption> encryptions = EnumSet.allOf(ContentEncryption.class);
        private boolean allowCompression;
        private boolean allowRsa1_5;
        private final Set<String> understoodCritical = new HashSet<>();
        private Limits limits = Limits.DEFAULT;
        private SecureRandom random = new SecureRandom();

        private Builder() {
        }

        /** The private and secret keys this decrypter may use. */
        public Builder keys(KeySource source) {
            this.keys = Objects.requireNonNull(source, "source");
            return this;
        }

        /** Decrypts with exactly this key. */
        public Builder key(Jwk key) {
            return keys(KeySource.of(key));
        }

        /** The key-management algorithms accepted; without this, each key's {@code alg} or type decides. */
        public Builder algorithms(JweAlgorithm first, JweAlgorithm... more) {
            this.algorithms = EnumSet.of(first, more);
            return this;
        }

        /** The content encryptions accepted; all six by default. */
        public Builder encryptions(ContentEncryption first, ContentEncryption... more) {
            this.encryptions = EnumSet.of(first, more);
            return this;
        }

        /**
         * Accepts {@code "zip": "DEF"}; the inflated plaintext is capped by {@link Limits#maxInflatedBytes()}.
         * Off by default: compression before encryption can leak plaintext through lengths (RFC 8725 §3.6).
         */
        public Builder allowCompression() {
            this.allowCompression = true;
            return this;
        }

        /**
         * Accepts RSA1_5 for old senders. Failures are masked with a random key (RFC 7516 §11.5, RFC 3218), so a
         * padding error and a tag error look the same; still, prefer RSA-OAEP-256.
         */
        public Builder allowRsa1_5() {
            this.allowRsa1_5 = true;
            return this;
        }

        /** Header parameters the caller processes itself and so may appear in {@code crit}. */
        public Builder understoodCriticalParameters(String... names) {
            for (String n : names) {
                if (JweHeader.REGISTERED.contains(n)) {
                    throw new IllegalArgumentException("\"" + n + "\" is registered and may not be critical");
                }
                understoodCritical.add(n);
            }
            return this;
        }

        public Builder limits(Limits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /** The randomness for RSA1_5's substitute keys; a fresh {@link SecureRandom} by default. */
        public Builder random(SecureRandom random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        public JweDecrypter build() {
            if (keys == null) {
                throw new IllegalStateException("a JweDecrypter needs trusted keys: call keys(..) or key(..)");
            }
            if (algorithms != null && algorithms.contains(JweAlgorithm.RSA1_5) && !allowRsa1_5) {
                throw new IllegalStateException("RSA1_5 is listed but not enabled: call allowRsa1_5() as well");
            }
            return new JweDecrypter(this);
        }
    }
}
