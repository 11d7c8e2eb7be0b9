package dev.hallmark.jwe;

import dev.hallmark.internal.codec.Base64Url;
import dev.hallmark.internal.crypto.Deflate;
import dev.hallmark.internal.json.JsonWriter;
import dev.hallmark.jwk.EcJwk;
import dev.hallmark.jwk.Jwk;
import dev.hallmark.jwk.OctJwk;
import dev.hallmark.jwk.OkpJwk;
import dev.hallmark.jwk.RsaJwk;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Encrypts content to one or more recipients (RFC 7516). Each recipient's key fixes its algorithm: its own
 * {@code alg}, else RSA-OAEP-256 for RSA, ECDH-ES+A256KW for EC and X25519/X448, AxxxKW for a 16/24/32-byte
 * secret. The key's {@code kid} is put in the header. Immutable and thread-safe: build once, share.
 *
 * <pre>{@code
 * JweEncrypter encrypter = JweEncrypter.builder(recipientPublicJwk)
 *         .encryption(ContentEncryption.A256GCM)
 *         .build();
 * String compact = encrypter.encrypt("secret".getBytes(StandardCharsets.UTF_8));
 * }</pre>
 *
 * <p>The compact serialization carries every header parameter in the protected header. The JSON serializations
 * put {@code enc}, {@code zip}, {@code typ}, {@code cty} and the caller's protected parameters in the shared
 * protected header, and each recipient's {@code alg}, {@code kid} and key-management parameters in its own
 * unprotected header.
 */
public final class JweEncrypter {

    /** PBKDF2 iterations when the caller does not choose; below the decrypting side's default cap. */
    public static final int DEFAULT_PBES2_ITERATIONS = 100_000;

    private record Recipient(Jwk key, JweAlgorithm alg, Map<String, Object> header) {
    }

    private final List<Recipient> recipients;
    private final ContentEncryption enc;
    private final boolean compress;
    private final Map<String, Object> protectedParams;
    private final Map<String, Object> unprotectedParams;
    private final int pbes2Iterations;
    private final SecureRandom random;

    private JweEncrypter(Builder b) {
        this.recipients = List.copyOf(b.recipients);
        this.enc = b.enc;
        this.compress = b.compress;
        this.protectedParams = Map.copyOf(b.protectedParams);
        this.unprotectedParams = Map.copyOf(b.unprotectedParams);
        this.pbes2Iterations = b.pbes2Iterations;
        this.random = b.random;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder with one recipient, whose algorithm follows from its key. */
    public static Builder builder(Jwk recipient) {
        return new Builder().recipient(recipient);
    }

    /** The compact serialization; needs exactly one recipient and no unprotected header parameters. */
    public String encrypt(byte[] plaintext) {
        Objects.requireNonNull(plaintext, "plaintext");
        if (recipients.size() != 1 || !unprotectedParams.isEmpty() || !recipients.get(0).header().isEmpty()) {
            throw new IllegalStateException("the compact serialization has one recipient and no unprotected "
                    + "header; use encryptJson(..)");
        }
        Recipient r = recipients.get(0);
        byte[] cek = r.alg().wrapsKey() ? randomBytes(enc.cekBytes()) : null;
        KeyManagement.Delivered d = KeyManagement.deliver(r.alg(), r.key(), enc, cek, random, pbes2Iterations);
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", r.alg().headerName());
        header.put("enc", enc.headerName());
        putShared(header);
        r.key().keyId().ifPresent(kid -> header.put("kid", kid));
        header.putAll(d.headerParameters());
        String protectedB64 = Base64Url.encode(JsonWriter.write(header));
        byte[] iv = randomBytes(enc.ivBytes());
        ContentCipher.Sealed sealed = ContentCipher.encrypt(enc, d.cek(), iv, content(plaintext),
                protectedB64.getBytes(StandardCharsets.US_ASCII));
        return protectedB64 + '.' + Base64Url.encode(d.encryptedKey()) + '.' + Base64Url.encode(iv) + '.'
                + Base64Url.encode(sealed.ciphertext()) + '.' + Base64Url.encode(sealed.tag());
    }

    public String encrypt(String plaintext) {
        return encrypt(plaintext.getBytes(StandardCharsets.UTF_8));
    }

    /** The flattened JSON serialization for one recipient, the general one for several. */
    public String encryptJson(byte[] plaintext) {
        return json(plaintext, null, recipients.size() > 1);
    }

    /** As {@link #encryptJson(byte[])}, with JWE AAD authenticated alongside the content. */
    public String encryptJson(byte[] plaintext, byte[] aad) {
        return json(plaintext, Objects.requireNonNull(aad, "aad"), recipients.size() > 1);
    }

    /** The general JSON serialization (a {@code recipients} array), even for one recipient; {@code aad} may be null. */
    public String encryptGeneralJson(byte[] plaintext, byte[] aad) {
        return json(plaintext, aad, true);
    }

    private String json(byte[] plaintext, byte[] aad, boolean general) {
        Objects.requireNonNull(plaintext, "plaintext");
        byte[] cek = recipients.get(0).alg().wrapsKey() ? randomBytes(enc.cekBytes()) : null;
        List<Map<String, Object>> entries = new ArrayList<>();
        for (Recipient r : recipients) {
            KeyManagement.Delivered d = KeyManagement.deliver(r.alg(), r.key(), enc, cek, random, pbes2Iterations);
            cek = d.cek();
            Map<String, Object> header = new LinkedHashMap<>();
            header.put("alg", r.alg().headerName());
            r.key().keyId().ifPresent(kid -> header.put("kid", kid));
            header.putAll(d.headerParameters());
            header.putAll(r.header());
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("header", header);
            if (d.encryptedKey().length > 0) {
                entry.put("encrypted_key", Base64Url.encode(d.encryptedKey()));
            }
            entries.add(entry);
        }
        Map<String, Object> prot = new LinkedHashMap<>();
        prot.put("enc", enc.headerName());
        putShared(prot);
        String protectedB64 = Base64Url.encode(JsonWriter.write(prot));
        String aadB64 = aad == null ? null : Base64Url.encode(aad);
        String authenticated = aadB64 == null ? protectedB64 : protectedB64 + "." + aadB64;
        byte[] iv = randomBytes(enc.ivBytes());
        ContentCipher.Sealed sealed = ContentCipher.encrypt(enc, cek, iv, content(plaintext),
                authenticated.getBytes(StandardCharsets.US_ASCII));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("protected", protectedB64);
        if (!unprotectedParams.isEmpty()) {
            out.put("unprotected", unprotectedParams);
        }
        if (general) {
            out.put("recipients", entries);
        } else {
            out.putAll(entries.get(0));
        }
        if (aadB64 != null) {
            out.put("aad", aadB64);
        }
        out.put("iv", Base64Url.encode(iv));
        out.put("ciphertext", Base64Url.encode(sealed.ciphertext()));
        out.put("tag", Base64Url.encode(sealed.tag()));
        return JsonWriter.writeString(out);
    }

    private void putShared(Map<String, Object> header) {
        if (compress) {
            header.put("zip", "DEF");
        }
        header.putAll(protectedParams);
    }

    private byte[] content(byte[] plaintext) {
        return compress ? Deflate.compress(plaintext) : plaintext;
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("JweEncrypter{enc=").append(enc).append(", recipients=[");
        for (int i = 0; i < recipients.size(); i++) {
            Recipient r = recipients.get(i);
            b.append(i == 0 ? "" : ", ").append(r.alg()).append(r.key().keyId().map(k -> " kid=" + k).orElse(""));
        }
        return b.append("]}").toString();
    }

    /** The algorithm a key without {@code alg} is used with. */
    static JweAlgorithm defaultFor(Jwk key) {
        if (key.algorithm().isPresent()) {
            String name = key.algorithm().get();
            if (ContentEncryption.fromName(name).isPresent()) {
                return JweAlgorithm.DIR;
            }
            return JweAlgorithm.fromName(name).orElseThrow(() -> new IllegalArgumentException(
                    "key alg \"" + name + "\" is not a JWE key-management algorithm"));
        }
        if (key instanceof RsaJwk) {
            return JweAlgorithm.RSA_OAEP_256;
        }
        if (key instanceof EcJwk || key instanceof OkpJwk) {
            return JweAlgorithm.ECDH_ES_A256KW;
        }
        OctJwk oct = (OctJwk) key;
        return switch (oct.length()) {
            case 16 -> JweAlgorithm.A128KW;
            case 24 -> JweAlgorithm.A192KW;
            case 32 -> JweAlgorithm.A256KW;
            default -> throw new IllegalArgumentException("a " + oct.length() + "-byte secret fits no AES key wrap; "
                    + "name the algorithm (dir, PBES2-...) with recipient(key, alg)");
        };
    }

    /** Builds a {@link JweEncrypter}: at least one recipient. */
    public static final class Builder {
        private final List<Recipient> recipients = new ArrayList<>();
        private ContentEncryption enc = ContentEncryption.A256GCM;
        private boolean compress;
        private final Map<String, Object> protectedParams = new LinkedHashMap<>();
        private final Map<String, Object> unprotectedParams = new LinkedHashMap<>();
        private int pbes2Iterations = DEFAULT_PBES2_ITERATIONS;
        private SecureRandom random = new SecureRandom();

        private Builder() {
        }

        /** A recipient whose algorithm follows from its key. */
        public Builder recipient(Jwk key) {
            return recipient(key, defaultFor(key), Map.of());
        }

        public Builder recipient(Jwk key, JweAlgorithm alg) {
            return recipient(key, alg, Map.of());
        }

        /** A recipient with its own unprotected header parameters (JSON serializations only). */
        public Builder recipient(Jwk key, JweAlgorithm alg, Map<String, Object> header) {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(alg, "alg");
            if (alg == JweAlgorithm.RSA1_5) {
                throw new IllegalArgumentException("RSA1_5 is accepted for decryption only; use RSA-OAEP-256");
            }
            if (!alg.fits(key)) {
                throw new IllegalArgumentException(alg + " does not fit " + key);
            }
            if (key.use().filter(u -> !u.equals("enc")).isPresent()) {
                throw new IllegalArgumentException(key + " is for use \"" + key.use().get() + "\", not encryption");
            }
            if (!key.keyOperations().isEmpty() && java.util.Collections.disjoint(key.keyOperations(),
                    List.of("encrypt", "wrapKey", "deriveKey", "deriveBits"))) {
                throw new IllegalArgumentException(key + " has key_ops " + key.keyOperations()
                        + ", none of which encrypts");
            }
            for (String name : header.keySet()) {
                checkFree(name);
            }
            recipients.add(new Recipient(key, alg, Map.copyOf(header)));
            return this;
        }

        /** The content encryption; A256GCM by default. */
        public Builder encryption(ContentEncryption value) {
            this.enc = Objects.requireNonNull(value, "value");
            return this;
        }

        /** Compresses the plaintext (DEFLATE, {@code "zip": "DEF"}); the recipient must allow it. */
        public Builder compress() {
            this.compress = true;
            return this;
        }

        /** {@code typ}, e.g. {@code JWT}. */
        public Builder type(String value) {
            return protectedParameter("typ", value);
        }

        /** {@code cty}; {@code JWT} for a nested JWT (RFC 7519 §5.2). */
        public Builder contentType(String value) {
            return protectedParameter("cty", value);
        }

        /** Another integrity-protected header parameter. */
        public Builder protectedParameter(String name, Object value) {
            checkFree(name);
            protectedParams.put(name, Objects.requireNonNull(value, "value"));
            return this;
        }

        /** A shared unprotected header parameter (JSON serializations only). */
        public Builder unprotectedParameter(String name, Object value) {
            checkFree(name);
            unprotectedParams.put(name, Objects.requireNonNull(value, "value"));
            return this;
        }

        /** PBKDF2 iterations for PBES2 recipients; 100,000 by default, at least 1,000 (RFC 7518 §4.8.1.2). */
        public Builder pbes2Iterations(int value) {
            if (value < 1000) {
                throw new IllegalArgumentException("PBES2 needs at least 1000 iterations (RFC 7518 §4.8.1.2)");
            }
            this.pbes2Iterations = value;
            return this;
        }

        public Builder random(SecureRandom value) {
            this.random = Objects.requireNonNull(value, "value");
            return this;
        }

        public JweEncrypter build() {
            if (recipients.isEmpty()) {
                throw new IllegalStateException("a JweEncrypter needs at least one recipient");
            }
            if (recipients.size() > 1) {
                for (Recipient r : recipients) {
                    if (!r.alg().wrapsKey()) {
                        throw new IllegalStateException(r.alg() + " derives the content key itself and cannot share "
                                + "it with other recipients; use a key-wrapping algorithm such as ECDH-ES+A256KW");
                    }
                }
            }
            for (Recipient r : recipients) {
                if (r.alg() == JweAlgorithm.DIR && ((OctJwk) r.key()).length() != enc.cekBytes()) {
                    throw new IllegalStateException("dir with " + enc + " needs a " + enc.cekBytes() + "-byte key");
                }
                boolean boundToOtherEnc = r.key().algorithm()
                        .filter(a -> ContentEncryption.fromName(a).isPresent() && !a.equals(enc.headerName()))
                        .isPresent();
                if (r.alg() == JweAlgorithm.DIR && boundToOtherEnc) {
                    throw new IllegalStateException("the key is bound to " + r.key().algorithm().get() + ", not " + enc);
                }
            }
            return new JweEncrypter(this);
        }

        private static void checkFree(String name) {
            if (List.of("alg", "enc", "zip", "epk", "apu", "apv", "iv", "tag", "p2s", "p2c", "kid").contains(name)) {
                throw new IllegalArgumentException("\"" + name + "\" is set by the encrypter from its key and "
                        + "algorithm");
            }
        }
    }
}
