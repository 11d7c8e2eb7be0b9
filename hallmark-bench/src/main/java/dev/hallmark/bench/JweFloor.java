package dev.hallmark.bench;

import dev.hallmark.jwe.JweDecrypter;
import dev.hallmark.jwk.Jwk;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The raw JCA work of decrypting a compact JWE, with engines prepared once: splitting and base64url-decoding the
 * parts, then AES-GCM with the protected header as AAD ({@code dir}); for {@code ECDH-ES+A256KW} first the
 * ephemeral public key from its coordinates, ECDH, the Concat KDF (one SHA-256 block, RFC 7518 §4.6.2) and AES key
 * unwrap. Header JSON parsing and every check are library work, so the ephemeral key's coordinates are read once,
 * outside the measurement. Not thread-safe: one per JMH thread state.
 */
final class JweFloor {

    private static final Base64.Decoder B64 = Base64.getUrlDecoder();

    private final Cipher gcm;
    private final Cipher unwrap;
    private final KeyAgreement ecdh;
    private final MessageDigest sha256;
    private final KeyFactory ecKeys;
    private final SecretKey dirKey;
    private final PrivateKey ecdhKey;
    private final ECParameterSpec curve;
    private final BigInteger epkX;
    private final BigInteger epkY;
    private final byte[] kdfOtherInfo;

    JweFloor(JweFixtures jwe) throws GeneralSecurityException {
        gcm = Cipher.getInstance("AES/GCM/NoPadding");
        unwrap = Cipher.getInstance("AESWrap");
        ecdh = KeyAgreement.getInstance("ECDH");
        sha256 = MessageDigest.getInstance("SHA-256");
        ecKeys = KeyFactory.getInstance("EC");
        dirKey = jwe.dirSecret();
        ecdhKey = jwe.ecdhKey.privateKey().orElseThrow();
        curve = ((ECPrivateKey) ecdhKey).getParams();
        Map<?, ?> epk = (Map<?, ?>) decrypter(jwe.ecdhKey).decrypt(jwe.ecdhEsA256KW).header().get("epk").orElseThrow();
        epkX = new BigInteger(1, B64.decode((String) epk.get("x")));
        epkY = new BigInteger(1, B64.decode((String) epk.get("y")));
        // AlgorithmID, empty PartyUInfo and PartyVInfo (Hallmark sends no apu/apv), keydatalen 256 bits.
        byte[] alg = "ECDH-ES+A256KW".getBytes(StandardCharsets.US_ASCII);
        kdfOtherInfo = ByteBuffer.allocate(4 + alg.length + 4 + 4 + 4).putInt(alg.length).put(alg).putInt(0).putInt(0)
                .putInt(256).array();
    }

    private static JweDecrypter decrypter(Jwk key) {
        return JweDecrypter.builder().key(key).build();
    }

    byte[] decryptDir(String compact) throws GeneralSecurityException {
        String[] p = split(compact);
        return contentDecrypt(dirKey, p);
    }

    byte[] decryptEcdhEs(String compact) throws GeneralSecurityException {
        String[] p = split(compact);
        PublicKey epk = ecKeys.generatePublic(new ECPublicKeySpec(new ECPoint(epkX, epkY), curve));
        ecdh.init(ecdhKey);
        ecdh.doPhase(epk, true);
        byte[] z = ecdh.generateSecret();
        sha256.update(new byte[] {0, 0, 0, 1});
        sha256.update(z);
        sha256.update(kdfOtherInfo);
        byte[] kek = sha256.digest();
        unwrap.init(Cipher.UNWRAP_MODE, new SecretKeySpec(kek, "AES"));
        SecretKey cek = (SecretKey) unwrap.unwrap(B64.decode(p[1]), "AES", Cipher.SECRET_KEY);
        return contentDecrypt(cek, p);
    }

    private byte[] contentDecrypt(SecretKey cek, String[] p) throws GeneralSecurityException {
        byte[] ciphertext = B64.decode(p[3]);
        byte[] tag = B64.decode(p[4]);
        byte[] sealed = new byte[ciphertext.length + tag.length];
        System.arraycopy(ciphertext, 0, sealed, 0, ciphertext.length);
        System.arraycopy(tag, 0, sealed, ciphertext.length, tag.length);
        gcm.init(Cipher.DECRYPT_MODE, cek, new GCMParameterSpec(128, B64.decode(p[2])));
        gcm.updateAAD(p[0].getBytes(StandardCharsets.US_ASCII));
        return gcm.doFinal(sealed);
    }

    private static String[] split(String compact) {
        String[] p = new String[5];
        int from = 0;
        for (int i = 0; i < 4; i++) {
            int dot = compact.indexOf('.', from);
            p[i] = compact.substring(from, dot);
            from = dot + 1;
        }
        p[4] = compact.substring(from);
        return p;
    }
}
