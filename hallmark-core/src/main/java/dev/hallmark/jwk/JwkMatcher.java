package dev.hallmark.jwk;

import java.util.Optional;

/**
 * A filter over keys: every criterion that is set must hold. A key's own {@code alg}, {@code use} and
 * {@code key_ops} restrict it: a key that names another algorithm, another use, or operations without the one
 * asked for does not match.
 *
 * <pre>{@code
 * JwkMatcher m = JwkMatcher.builder().keyId("2026-11").keyType("EC").curve("P-256")
 *         .algorithm("ES256").use("sig").keyOperation("verify").build();
 * List<Jwk> candidates = keySource.select(m);
 * }</pre>
 */
public final class JwkMatcher {

    private final String keyId;
    private final String keyType;
    private final String algorithm;
    private final String use;
    private final String keyOperation;
    private final String curve;
    /** Made by {@link #forVerification}: a fixed key source answers it from a table made once. */
    private final boolean verification;

    private JwkMatcher(Builder b, boolean verification) {
        this.keyId = b.keyId;
        this.keyType = b.keyType;
        this.algorithm = b.algorithm;
        this.use = b.use;
        this.keyOperation = b.keyOperation;
        this.curve = b.curve;
        this.verification = verification;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The keys a JWS verifier considers for a token with this {@code kid} (null: any): signing keys that may verify.
     * The verifier and its verified-token cache both select with it, so they always agree on the candidates.
     */
    public static JwkMatcher forVerification(String keyId) {
        return new JwkMatcher(builder().keyId(keyId).use("sig").keyOperation("verify"), true);
    }

    /** Whether this is a {@link #forVerification} matcher. */
    boolean isForVerification() {
        return verification;
    }

    /** The key id asked for, or null, without an {@code Optional}. */
    String keyIdOrNull() {
        return keyId;
    }

    public Optional<String> keyId() {
        return Optional.ofNullable(keyId);
    }

    public boolean matches(Jwk jwk) {
        if (keyId != null && !jwk.keyId().filter(keyId::equals).isPresent()) {
            return false;
        }
        if (keyType != null && !keyType.equals(jwk.keyType())) {
            return false;
        }
        if (algorithm != null && jwk.algorithm().filter(a -> !a.equals(algorithm)).isPresent()) {
            return false;
        }
        if (use != null && jwk.use().filter(u -> !u.equals(use)).isPresent()) {
            return false;
        }
        if (keyOperation != null && !jwk.keyOperations().isEmpty() && !jwk.keyOperations().contains(keyOperation)) {
            return false;
        }
        if (curve != null) {
            String keyCurve = jwk instanceof EcJwk ec ? ec.curveName()
                    : jwk instanceof OkpJwk okp ? okp.curveName() : null;
            return curve.equals(keyCurve);
        }
        return true;
    }

    @Override
    public String toString() {
        return "JwkMatcher{kid=" + keyId + ", kty=" + keyType + ", alg=" + algorithm + ", use=" + use
                + ", key_ops=" + keyOperation + ", crv=" + curve + "}";
    }

    /** Builds a {@link JwkMatcher}; unset criteria match anything. */
    public static final class Builder {
        private String keyId;
        private String keyType;
        private String algorithm;
        private String use;
        private String keyOperation;
        private String curve;

        private Builder() {
        }

        public Builder keyId(String value) {
            this.keyId = value;
            return this;
        }

        public Builder keyType(String value) {
            this.keyType = value;
            return this;
        }

        public Builder algorithm(String value) {
            this.algorithm = value;
            return this;
        }

        public Builder use(String value) {
            this.use = value;
            return this;
        }

        public Builder keyOperation(String value) {
            this.keyOperation = value;
            return this;
        }

        public Builder curve(String value) {
            this.curve = value;
            return this;
        }

        public JwkMatcher build() {
            return new JwkMatcher(this, false);
        }
    }
}
