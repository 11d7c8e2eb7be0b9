package dev.hallmark.jwk;

import dev.hallmark.Limits;
import dev.hallmark.internal.codec.ConstantTime;
import dev.hallmark.internal.json.JsonWriter;
import dev.hallmark.internal.json.StrictJson;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A JSON Web Key (RFC 7517): one of {@link RsaJwk}, {@link EcJwk}, {@link OkpJwk} or {@link OctJwk}. Immutable and
 * validated on creation.
 *
 * <pre>{@code
 * Jwk key = Jwk.parse(Files.readString(Path.of("key.json")));
 * String publishable = key.toPublicJwk().toPublicJson();
 * }</pre>
 *
 * <p>Private and secret material never appears in {@link #toString()} or {@link #toPublicJson()}; it leaves only
 * through {@link #toPrivateJson()}, {@link OctJwk#secretBytes()} and the {@code privateKey()} accessors.
 */
public abstract sealed class Jwk permits RsaJwk, EcJwk, OkpJwk, OctJwk {

    final KeyMetadata meta;

    Jwk(KeyMetadata meta) {
        this.meta = meta;
    }

    /** Parses one JWK under the default {@link Limits}; rejects unknown {@code kty} with {@code MALFORMED}. */
    public static Jwk parse(String json) {
        return parse(json, Limits.DEFAULT);
    }

    /** Parses one JWK, validating it under {@code limits}. */
    public static Jwk parse(String json, Limits limits) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        JwkParser.checkSize(bytes.length, limits, "JWK");
        return JwkParser.parse(StrictJson.parseObject(bytes, limits, "JWK"), limits);
    }

    /** The JWK for a JCA public key (RSA, EC on P-256/384/521, EdDSA or XDH). */
    public static Jwk fromPublicKey(PublicKey key) {
        return JcaKeys.fromPublicKey(key, Limits.DEFAULT);
    }

    /** The private JWK for a JCA key pair. */
    public static Jwk fromKeyPair(KeyPair pair) {
        return JcaKeys.fromKeyPair(pair, Limits.DEFAULT);
    }

    /** The private JWK of a JCA private key, deriving its public half (RSA keys need their CRT parameters). */
    public static Jwk fromPrivateKey(PrivateKey key) {
        return JcaKeys.fromPrivateKey(key, Limits.DEFAULT);
    }

    /** The {@code kty} member: {@code RSA}, {@code EC}, {@code OKP} or {@code oct}. */
    public abstract String keyType();

    /** True when this JWK holds private or secret material. Symmetric keys are always private. */
    public abstract boolean isPrivate();

    /** This key without its private members. Refused for symmetric keys, which have no public part. */
    public abstract Jwk toPublicJwk();

    /** The members RFC 7638 §3.2 hashes for the thumbprint, in lexicographic order. */
    abstract Map<String, Object> thumbprintMembers();

    /** Key material members: public only, or with the private ones. */
    abstract void writeKeyMembers(Map<String, Object> json, boolean includePrivate);

    /** A copy of this key with its metadata replaced. */
    abstract Jwk withMetadata(KeyMetadata metadata);

    public Optional<String> keyId() {
        return Optional.ofNullable(meta.kid());
    }

    /** The {@code use} member: {@code sig}, {@code enc} or another registered value. */
    public Optional<String> use() {
        return Optional.ofNullable(meta.use());
    }

    /** The {@code key_ops} member; empty when absent. */
    public Set<String> keyOperations() {
        return meta.keyOps();
    }

    /** The {@code alg} member: the one algorithm this key may be used with. */
    public Optional<String> algorithm() {
        return Optional.ofNullable(meta.alg());
    }

    /**
     * The parsed {@code x5c} chain, leaf first; its leaf's public key was checked to match this key. The chain is
     * not validated against any trust anchor: that is the caller's decision.
     */
    public List<X509Certificate> certificateChain() {
        return meta.x5c();
    }

    /** The {@code x5t#S256} member, if present (checked against {@code x5c} when both are present). */
    public Optional<String> certificateSha256Thumbprint() {
        return Optional.ofNullable(meta.x5tS256());
    }

    /** The JCA public key of this JWK; refused for symmetric keys. */
    public abstract PublicKey publicKey();

    /** The JCA private key, when this JWK holds one. */
    public abstract Optional<PrivateKey> privateKey();

    public Jwk withKeyId(String kid) {
        return withMetadata(meta.withKid(kid));
    }

    /** This key bound to one algorithm ({@code alg}); for symmetric keys the size rules of that algorithm apply. */
    public Jwk withAlgorithm(String alg) {
        return withMetadata(meta.withAlg(alg));
    }

    /** This key with a {@code use}; one that contradicts its {@code key_ops} is refused (RFC 7517 §4.3). */
    public Jwk withUse(String use) {
        return withChecked(() -> meta.withUse(use));
    }

    /** This key with {@code key_ops}; ones that contradict its {@code use} are refused (RFC 7517 §4.3). */
    public Jwk withKeyOperations(Set<String> keyOps) {
        return withChecked(() -> meta.withKeyOps(keyOps));
    }

    /** Metadata the caller sets that contradicts itself is the caller's mistake, not a malformed key. */
    private Jwk withChecked(java.util.function.Supplier<KeyMetadata> change) {
        try {
            return withMetadata(change.get());
        } catch (dev.hallmark.JoseException e) {
            throw new IllegalArgumentException(e.getMessage().substring(e.reason().name().length() + 2), e);
        }
    }

    /** The JSON of this key's public members; refused for symmetric keys. */
    public String toPublicJson() {
        if (this instanceof OctJwk) {
            throw new IllegalStateException("a symmetric key has no public form; use toPrivateJson() deliberately");
        }
        return JsonWriter.writeString(toMap(false));
    }

    /** The JSON of this key including private or secret members. Handle the result as a secret. */
    public String toPrivateJson() {
        return JsonWriter.writeString(toMap(true));
    }

    Map<String, Object> toMap(boolean includePrivate) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kty", keyType());
        writeKeyMembers(json, includePrivate);
        meta.writeTo(json);
        return json;
    }

    /** Equal when both keys have the same members, private ones included; compared in constant time. */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Jwk other)) {
            return false;
        }
        return ConstantTime.equal(JsonWriter.write(toMap(true)), JsonWriter.write(other.toMap(true)));
    }

    @Override
    public int hashCode() {
        return Thumbprint.of(this).hashCode();
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(getClass().getSimpleName()).append('{').append(describe());
        if (meta.kid() != null) {
            b.append(", kid=").append(meta.kid());
        }
        if (meta.alg() != null) {
            b.append(", alg=").append(meta.alg());
        }
        if (meta.use() != null) {
            b.append(", use=").append(meta.use());
        }
        return b.append(", private=").append(isPrivate()).append('}').toString();
    }

    /** A short description of the key material that reveals nothing secret, e.g. {@code RSA 2048}. */
    abstract String describe();
}
