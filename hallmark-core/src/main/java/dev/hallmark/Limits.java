package dev.hallmark;

/**
 * Size and cost bounds applied to untrusted input before it is parsed, with defaults that are safe for tokens
 * carried in HTTP headers. Immutable; build a variant with {@link #builder()}.
 *
 * <pre>{@code
 * Limits limits = Limits.builder().maxTokenBytes(16 * 1024).build();
 * JwtVerifier verifier = JwtVerifier.builder().limits(limits)...build();
 * }</pre>
 *
 * <table>
 *   <caption>Defaults</caption>
 *   <tr><th>bound</th><th>default</th><th>why</th></tr>
 *   <tr><td>{@link #maxTokenBytes()}</td><td>64 KiB</td><td>8 times the usual 8 KiB HTTP header cap; a
 *       2 MB token is refused before any parsing</td></tr>
 *   <tr><td>{@link #maxJsonDepth()}</td><td>16</td><td>JOSE headers and claims are shallow; deep nesting is an
 *       attack on recursive parsers</td></tr>
 *   <tr><td>{@link #maxJsonValues()}</td><td>10,000</td><td>bounds work and memory per document</td></tr>
 *   <tr><td>{@link #minRsaBits()} / {@link #maxRsaBits()}</td><td>2048 / 16384</td><td>RFC 7518 §3.3 floor;
 *       the ceiling bounds the cost an attacker-supplied key can impose</td></tr>
 *   <tr><td>{@link #maxKeysTriedWithoutKid()}</td><td>3</td><td>a token without {@code kid} may be tried against
 *       a few fitting keys, never a whole large set</td></tr>
 *   <tr><td>{@link #maxJwkSetKeys()}</td><td>100</td><td>a JWK Set is a published list of current keys</td></tr>
 *   <tr><td>{@link #maxJwkSetBytes()}</td><td>512 KiB</td><td>100 large RSA keys with certificates fit</td></tr>
 *   <tr><td>{@link #maxSignatures()}</td><td>8</td><td>signatures in one JWS JSON serialization</td></tr>
 *   <tr><td>{@link #maxRecipients()}</td><td>8</td><td>recipients in one JWE JSON serialization</td></tr>
 *   <tr><td>{@link #maxPbes2Iterations()}</td><td>310,000</td><td>PBES2 {@code p2c}: the sender picks the cost
 *       of the key derivation, so the receiver caps it (OWASP's 2023 figure for PBKDF2-HMAC-SHA256 is 600,000;
 *       310,000 keeps one token below about a tenth of a second of CPU)</td></tr>
 *   <tr><td>{@link #maxInflatedBytes()}</td><td>256 KiB</td><td>JWE {@code zip: DEF} output; a 1 KB token can
 *       otherwise inflate to a megabyte, and nested ones further</td></tr>
 * </table>
 */
public final class Limits {

    /** The defaults described above. */
    public static final Limits DEFAULT = builder().build();

    /** The architectural cap on the RSA modulus; configurable bounds must stay within it. */
    public static final int RSA_BITS_CEILING = 16384;

    private final int maxTokenBytes;
    private final int maxJsonDepth;
    private final int maxJsonValues;
    private final int minRsaBits;
    private final int maxRsaBits;
    private final int maxKeysTriedWithoutKid;
    private final int maxJwkSetKeys;
    private final int maxJwkSetBytes;
    private final int maxSignatures;
    private final int maxRecipients;
    private final int maxPbes2Iterations;
    private final int maxInflatedBytes;

    private Limits(Builder b) {
        this.maxTokenBytes = b.maxTokenBytes;
        this.maxJsonDepth = b.maxJsonDepth;
        this.maxJsonValues = b.maxJsonValues;
        this.minRsaBits = b.minRsaBits;
        this.maxRsaBits = b.maxRsaBits;
        this.maxKeysTriedWithoutKid = b.maxKeysTriedWithoutKid;
        this.maxJwkSetKeys = b.maxJwkSetKeys;
        this.maxJwkSetBytes = b.maxJwkSetBytes;
        this.maxSignatures = b.maxSignatures;
        this.maxRecipients = b.maxRecipients;
        this.maxPbes2Iterations = b.maxPbes2Iterations;
        this.maxInflatedBytes = b.maxInflatedBytes;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these limits. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.maxTokenBytes = maxTokenBytes;
        b.maxJsonDepth = maxJsonDepth;
        b.maxJsonValues = maxJsonValues;
        b.minRsaBits = minRsaBits;
        b.maxRsaBits = maxRsaBits;
        b.maxKeysTriedWithoutKid = maxKeysTriedWithoutKid;
        b.maxJwkSetKeys = maxJwkSetKeys;
        b.maxJwkSetBytes = maxJwkSetBytes;
        b.maxSignatures = maxSignatures;
        b.maxRecipients = maxRecipients;
        b.maxPbes2Iterations = maxPbes2Iterations;
        b.maxInflatedBytes = maxInflatedBytes;
        return b;
    }

    /** Largest token (compact or JSON serialization) accepted, in bytes (characters). */
    public int maxTokenBytes() {
        return maxTokenBytes;
    }

    /** Deepest nesting of JSON objects and arrays accepted in a header, payload or key. */
    public int maxJsonDepth() {
        return maxJsonDepth;
    }

    /** Most JSON values (members and array elements, counted together) in one JSON document. */
    public int maxJsonValues() {
        return maxJsonValues;
    }

    /** Smallest RSA modulus accepted, in bits. */
    public int minRsaBits() {
        return minRsaBits;
    }

    /** Largest RSA modulus accepted, in bits. */
    public int maxRsaBits() {
        return maxRsaBits;
    }

    /** How many fitting keys a token without {@code kid} is tried against. */
    public int maxKeysTriedWithoutKid() {
        return maxKeysTriedWithoutKid;
    }

    /** Most keys read from one JWK Set. */
    public int maxJwkSetKeys() {
        return maxJwkSetKeys;
    }

    /** Largest JWK or JWK Set document accepted, in bytes. */
    public int maxJwkSetBytes() {
        return maxJwkSetBytes;
    }

    /** Most signatures accepted in one general JWS JSON serialization. */
    public int maxSignatures() {
        return maxSignatures;
    }

    /** Most recipients accepted in one general JWE JSON serialization. */
    public int maxRecipients() {
        return maxRecipients;
    }

    /** Highest PBES2 iteration count ({@code p2c}) accepted; checked before any key derivation. */
    public int maxPbes2Iterations() {
        return maxPbes2Iterations;
    }

    /** Largest plaintext a compressed JWE ({@code zip: DEF}) may inflate to, in bytes. */
    public int maxInflatedBytes() {
        return maxInflatedBytes;
    }

    @Override
    public String toString() {
        return "Limits{maxTokenBytes=" + maxTokenBytes + ", maxJsonDepth=" + maxJsonDepth
                + ", maxJsonValues=" + maxJsonValues + ", rsaBits=" + minRsaBits + ".." + maxRsaBits
                + ", maxKeysTriedWithoutKid=" + maxKeysTriedWithoutKid + ", maxJwkSetKeys=" + maxJwkSetKeys
                + ", maxJwkSetBytes=" + maxJwkSetBytes + ", maxSignatures=" + maxSignatures + ", maxRecipients=" + maxRecipients
                + ", maxPbes2Iterations=" + maxPbes2Iterations + ", maxInflatedBytes=" + maxInflatedBytes + "}";
    }

    /** Builds {@link Limits}; every bound must be positive, and the RSA range sane. */
    public static final class Builder {
        private int maxTokenBytes = 64 * 1024;
        private int maxJsonDepth = 16;
        private int maxJsonValues = 10_000;
        private int minRsaBits = 2048;
        private int maxRsaBits = RSA_BITS_CEILING;
        private int maxKeysTriedWithoutKid = 3;
        private int maxJwkSetKeys = 100;
        private int maxJwkSetBytes = 512 * 1024;
        private int maxSignatures = 8;
        private int maxRecipients = 8;
        private int maxPbes2Iterations = 310_000;
        private int maxInflatedBytes = 256 * 1024;

        private Builder() {
        }

        public Builder maxTokenBytes(int value) {
            this.maxTokenBytes = positive("maxTokenBytes", value);
            return this;
        }

        public Builder maxJsonDepth(int value) {
            this.maxJsonDepth = positive("maxJsonDepth", value);
            return this;
        }

        public Builder maxJsonValues(int value) {
            this.maxJsonValues = positive("maxJsonValues", value);
            return this;
        }

        /** Lowest accepted RSA modulus size; below 2048 is refused (RFC 7518 §3.3). */
        public Builder minRsaBits(int value) {
            if (value < 2048) {
                throw new IllegalArgumentException("minRsaBits must be at least 2048 (RFC 7518 §3.3), got " + value);
            }
            this.minRsaBits = value;
            return this;
        }

        public Builder maxRsaBits(int value) {
            if (value > RSA_BITS_CEILING) {
                throw new IllegalArgumentException("maxRsaBits must be at most " + RSA_BITS_CEILING + ", got " + value);
            }
            this.maxRsaBits = positive("maxRsaBits", value);
            return this;
        }

        public Builder maxKeysTriedWithoutKid(int value) {
            this.maxKeysTriedWithoutKid = positive("maxKeysTriedWithoutKid", value);
            return this;
        }

        public Builder maxJwkSetKeys(int value) {
            this.maxJwkSetKeys = positive("maxJwkSetKeys", value);
            return this;
        }

        public Builder maxJwkSetBytes(int value) {
            this.maxJwkSetBytes = positive("maxJwkSetBytes", value);
            return this;
        }

        public Builder maxSignatures(int value) {
            this.maxSignatures = positive("maxSignatures", value);
            return this;
        }

        public Builder maxRecipients(int value) {
            this.maxRecipients = positive("maxRecipients", value);
            return this;
        }

        public Builder maxPbes2Iterations(int value) {
            this.maxPbes2Iterations = positive("maxPbes2Iterations", value);
            return this;
        }

        public Builder maxInflatedBytes(int value) {
            this.maxInflatedBytes = positive("maxInflatedBytes", value);
            return this;
        }

        public Limits build() {
            if (minRsaBits > maxRsaBits) {
                throw new IllegalStateException("minRsaBits " + minRsaBits + " exceeds maxRsaBits " + maxRsaBits);
            }
            return new Limits(this);
        }

        private static int positive(String name, int value) {
            if (value <= 0) {
                throw new IllegalArgumentException(name + " must be positive, got " + value);
            }
            return value;
        }
    }
}
