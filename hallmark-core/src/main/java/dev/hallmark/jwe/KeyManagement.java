package dev.hallmark.jwe;

import dev.hallmark.JoseException;
import dev.hallmark.Limits;
import dev.hallmark.Reason;
import dev.hallmark.internal.codec.Base64Url;
import dev.hallmark.internal.crypto.AesGcm;
import dev.hallmark.internal.crypto.AesKeyWrap;
import dev.hallmark.internal.crypto.ConcatKdf;
import dev.hallmark.internal.crypto.CryptoFailure;
import dev.hallmark.internal.crypto.EcCurve;
import dev.hallmark.internal.crypto.EcdhEs;
import dev.hallmark.internal.crypto.OkpCurve;
import dev.hallmark.internal.crypto.Pbkdf2;
import dev.hallmark.internal.crypto.RsaOaep;
import dev.hallmark.internal.crypto.RsaPkcs1Decryption;
import dev.hallmark.jwk.EcJwk;
import dev.hallmark.jwk.Jwk;
import dev.hallmark.jwk.OctJwk;
import dev.hallmark.jwk.OkpJwk;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.XECPublicKey;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the content-encryption key reaches a recipient, for each {@link JweAlgorithm.Family} (RFC 7518 §4): the
 * sending side (key in, encrypted key and header parameters out) and the receiving side (the reverse). On the
 * receiving side every failure after the header checks is the one {@link CryptoFailure}.
 */
final class KeyManagement {

    /** PBES2 salt input length the encrypter draws; RFC 7518 §4.8.1.1 asks for at least 8 bytes. */
    static final int P2S_BYTES = 16;
    static final int MIN_P2S_BYTES = 8;

    private static final RsaOaep OAEP_1 = RsaOaep.withHash("SHA-1");
    private static final RsaOaep OAEP_256 = RsaOaep.withHash("SHA-256");
    private static final RsaOaep OAEP_384 = RsaOaep.withHash("SHA-384");
    private static final RsaOaep OAEP_512 = RsaOaep.withHash("SHA-512");
    private static final Pbkdf2 PBKDF2_256 = Pbkdf2.with("HmacSHA256");
    private static final Pbkdf2 PBKDF2_384 = Pbkdf2.with("HmacSHA384");
    private static final Pbkdf2 PBKDF2_512 = Pbkdf2.with("HmacSHA512");

    /** What the sender puts in a recipient's entry. */
    record Delivered(byte[] cek, byte[] encryptedKey, Map<String, Object> headerParameters) {
    }

    private KeyManagement() {
    }

    /**
     * Delivers {@code cek} to {@code key}; for {@code dir} and {@code ECDH-ES} the algorithm determines the CEK
     * itself and {@code cek} is ignored.
     */
    static Delivered deliver(JweAlgorithm alg, Jwk key, ContentEncryption enc, byte[] cek, SecureRandom random,
                             int pbes2Iterations) {
        Map<String, Object> params = new LinkedHashMap<>();
        byte[] ek;
        switch (alg.family()) {
            case RSA1_5 -> throw new IllegalArgumentException("RSA1_5 is accepted for decryption only; use RSA-OAEP-256");
            case RSA_OAEP -> ek = oaep(alg).encrypt(key.publicKey(), cek, random);
            case AES_KW -> ek = AesKeyWrap.wrap(secret(key), cek);
            case DIRECT -> {
                cek = secret(key);
                if (cek.length != enc.cekBytes()) {
                    throw new IllegalArgumentException("dir with " + enc + " needs a " + enc.cekBytes()
                            + "-byte key, this one has " + cek.length);
                }
                ek = new byte[0];
            }
            case ECDH_ES, ECDH_ES_KW -> {
                byte[] z = ephemeralAgreement(key, random, params);
                if (alg.family() == JweAlgorithm.Family.ECDH_ES) {
                    cek = ConcatKdf.derive(z, enc.cekBytes(), enc.headerName(), new byte[0], new byte[0]);
                    ek = new byte[0];
                } else {
                    byte[] kek = ConcatKdf.derive(z, alg.kekBytes(), alg.headerName(), new byte[0], new byte[0]);
                    ek = AesKeyWrap.wrap(kek, cek);
                }
            }
            case AES_GCM_KW -> {
                byte[] iv = new byte[AesGcm.IV_BYTES];
                random.nextBytes(iv);
                AesGcm.Sealed sealed = AesGcm.encrypt(secret(key), iv, cek, new byte[0]);
                ek = sealed.ciphertext();
                params.put("iv", Base64Url.encode(iv));
                params.put("tag", Base64Url.encode(sealed.tag()));
            }
            case PBES2 -> {
                byte[] p2s = new byte[P2S_BYTES];
                random.nextBytes(p2s);
                byte[] kek = pbkdf2(alg).derive(secret(key), pbes2Salt(alg, p2s), pbes2Iterations, alg.kekBytes());
                ek = AesKeyWrap.wrap(kek, cek);
                params.put("p2s", Base64Url.encode(p2s));
                params.put("p2c", (long) pbes2Iterations);
            }
            default -> throw new IllegalStateException(alg.toString());
        }
        return new Delivered(cek, ek, params);
    }

    /**
     * Checks the algorithm's own header parameters before any key is touched: PBES2 {@code p2c} within the limit
     * and {@code p2s} long enough, ECDH-ES {@code epk} present, base64url members well formed.
     */
    static void checkHeader(JweAlgorithm alg, Map<String, Object> header, Limits limits) {
        switch (alg.family()) {
            case PBES2 -> {
                Object p2c = header.get("p2c");
                if (!(p2c instanceof Long || p2c instanceof BigInteger)) {
                    throw new JoseException(Reason.MALFORMED, alg + " needs an integer \"p2c\" (RFC 7518 §4.8.1.2)");
                }
                BigInteger count = p2c instanceof Long l ? BigInteger.valueOf(l) : (BigInteger) p2c;
                if (count.signum() <= 0) {
                    throw new JoseException(Reason.MALFORMED, "\"p2c\" must be positive (RFC 7518 §4.8.1.2)");
                }
                if (count.compareTo(BigInteger.valueOf(limits.maxPbes2Iterations())) > 0) {
                    throw new JoseException(Reason.TOO_LARGE, "\"p2c\" is over the limit of "
                            + limits.maxPbes2Iterations() + " PBES2 iterations");
                }
                byte[] p2s = base64Member(header, "p2s", true);
                if (p2s.length < MIN_P2S_BYTES) {
                    throw new JoseException(Reason.MALFORMED, "\"p2s\" must be at least " + MIN_P2S_BYTES
                            + " bytes (RFC 7518 §4.8.1.1)");
                }
            }
            case ECDH_ES, ECDH_ES_KW -> {
                if (!(header.get("epk") instanceof Map)) {
                    throw new JoseException(Reason.MALFORMED, alg + " needs an \"epk\" object (RFC 7518 §4.6.1.1)");
                }
                base64Member(header, "apu", false);
                base64Member(header, "apv", false);
            }
            case AES_GCM_KW -> {
                base64Member(header, "iv", true);
                base64Member(header, "tag", true);
            }
            default -> {
            }
        }
    }

    /** The content-encryption key for this recipient, or {@link CryptoFailure}. Header already checked. */
    static byte[] receive(JweAlgorithm alg, Jwk key, ContentEncryption enc, Map<String, Object> header,
                          byte[] encryptedKey, SecureRandom random) {
        byte[] cek = switch (alg.family()) {
            case RSA1_5 -> RsaPkcs1Decryption.decryptOrRandom(privateKey(key), encryptedKey, enc.cekBytes(), random);
            case RSA_OAEP -> oaep(alg).decrypt(privateKey(key), encryptedKey);
            case AES_KW -> AesKeyWrap.unwrap(secret(key), encryptedKey);
            case DIRECT -> {
                if (encryptedKey.length != 0) {
                    throw CryptoFailure.get();
                }
                yield secret(key);
            }
            case ECDH_ES, ECDH_ES_KW -> {
                byte[] z = EcdhEs.sharedSecret(privateKey(key), curveName(key), header.get("epk"));
                byte[] apu = base64Member(header, "apu", false);
                byte[] apv = base64Member(header, "apv", false);
                if (alg.family() == JweAlgorithm.Family.ECDH_ES) {
                    if (encryptedKey.length != 0) {
                        throw CryptoFailure.get();
                    }
                    yield ConcatKdf.derive(z, enc.cekBytes(), enc.headerName(), apu, apv);
                }
                yield AesKeyWrap.unwrap(ConcatKdf.derive(z, alg.kekBytes(), alg.headerName(), apu, apv), encryptedKey);
            }
            case AES_GCM_KW -> AesGcm.decrypt(secret(key), base64Member(header, "iv", true), encryptedKey,
                    base64Member(header, "tag", true), new byte[0]);
            case PBES2 -> {
                int p2c = ((Number) header.get("p2c")).intValue();
                byte[] salt = pbes2Salt(alg, base64Member(header, "p2s", true));
                yield AesKeyWrap.unwrap(pbkdf2(alg).derive(secret(key), salt, p2c, alg.kekBytes()), encryptedKey);
            }
        };
        if (cek.length != enc.cekBytes()) {
            throw CryptoFailure.get();
        }
        return cek;
    }

    private static byte[] ephemeralAgreement(Jwk key, SecureRandom random, Map<String, Object> params) {
        Map<String, Object> epk = new LinkedHashMap<>();
        if (key instanceof EcJwk ec) {
            EcCurve curve = EcCurve.byJwkName(ec.curveName()).orElseThrow();
            KeyPair pair = EcdhEs.ephemeral(curve, random);
            ECPublicKey pub = (ECPublicKey) pair.getPublic();
            epk.put("kty", "EC");
            epk.put("crv", curve.jwkName());
            epk.put("x", Base64Url.encode(fixed(pub.getW().getAffineX(), curve.size())));
            epk.put("y", Base64Url.encode(fixed(pub.getW().getAffineY(), curve.size())));
            params.put("epk", epk);
            ECPublicKey recipient = ec.publicKey();
            return EcdhEs.sharedSecret(curve, pair.getPrivate(), recipient.getW().getAffineX(),
                    recipient.getW().getAffineY());
        }
        OkpJwk okp = (OkpJwk) key;
        OkpCurve curve = OkpCurve.byJwkName(okp.curveName()).orElseThrow();
        KeyPair pair = EcdhEs.ephemeral(curve, random);
        epk.put("kty", "OKP");
        epk.put("crv", curve.jwkName());
        epk.put("x", Base64Url.encode(curve.encodeU(((XECPublicKey) pair.getPublic()).getU())));
        params.put("epk", epk);
        return EcdhEs.sharedSecret(curve, pair.getPrivate(), okp.publicBytes());
    }

    private static byte[] fixed(BigInteger v, int size) {
        byte[] raw = v.toByteArray();
        byte[] out = new byte[size];
        int copy = Math.min(raw.length, size);
        System.arraycopy(raw, raw.length - copy, out, size - copy, copy);
        return out;
    }

    private static String curveName(Jwk key) {
        return key instanceof EcJwk ec ? ec.curveName() : ((OkpJwk) key).curveName();
    }

    private static PrivateKey privateKey(Jwk key) {
        return key.privateKey().orElseThrow(CryptoFailure::get);
    }

    private static byte[] secret(Jwk key) {
        return ((OctJwk) key).secretBytes();
    }

    private static RsaOaep oaep(JweAlgorithm alg) {
        return switch (alg) {
            case RSA_OAEP -> OAEP_1;
            case RSA_OAEP_256 -> OAEP_256;
            case RSA_OAEP_384 -> OAEP_384;
            default -> OAEP_512;
        };
    }

    private static Pbkdf2 pbkdf2(JweAlgorithm alg) {
        return switch (alg) {
            case PBES2_HS256_A128KW -> PBKDF2_256;
            case PBES2_HS384_A192KW -> PBKDF2_384;
            default -> PBKDF2_512;
        };
    }

    /** RFC 7518 §4.8.1.1: the UTF-8 {@code alg}, a zero byte, then {@code p2s}. */
    static byte[] pbes2Salt(JweAlgorithm alg, byte[] p2s) {
        byte[] name = alg.headerName().getBytes(StandardCharsets.UTF_8);
        byte[] salt = new byte[name.length + 1 + p2s.length];
        System.arraycopy(name, 0, salt, 0, name.length);
        System.arraycopy(p2s, 0, salt, name.length + 1, p2s.length);
        return salt;
    }

    private static byte[] base64Member(Map<String, Object> header, String name, boolean required) {
        Object v = header.get(name);
        if (v == null) {
            if (required || header.containsKey(name)) {
                throw new JoseException(Reason.MALFORMED, "header \"" + name + "\" is required here and must be a "
                        + "base64url string (RFC 7518 §4)");
            }
            return new byte[0];
        }
        if (!(v instanceof String s)) {
            throw new JoseException(Reason.MALFORMED, "header \"" + name + "\" must be a base64url string");
        }
        return Base64Url.decode(s, "header \"" + name + "\"");
    }
}
