package dev.hallmark.bench;

import dev.hallmark.JoseException;
import dev.hallmark.jwe.ContentEncryption;
import dev.hallmark.jwe.JweAlgorithm;
import dev.hallmark.jwe.JweDecrypter;
import dev.hallmark.jwe.JweEncrypter;
import dev.hallmark.jwk.Jwk;
import dev.hallmark.jwk.OctJwk;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The JWE decryption failure paths side by side, to show they cost the same (issue 6: "no timing difference you
 * can measure"): a valid token, a bad tag, a bad key unwrap, and bad CBC padding under a correct tag (reachable only
 * by the key holder, since the tag is checked first); for RSA1_5, a ciphertext that is not PKCS#1 v1.5 (masked by a
 * random key, RFC 3218) against a bad tag. Each failure returns the reason, so the work is not optimised away.
 */
@State(Scope.Benchmark)
public class JweFailureBench extends BenchDefaults {

    @Param({"valid", "badTag", "badUnwrap", "badPadding"})
    public String kwCase;

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder D64 = Base64.getUrlDecoder();

    JweDecrypter kwDecrypter;
    String kwToken;
    JweDecrypter rsaDecrypter;
    String rsaBadTag;
    String rsaBadPkcs1;

    @Setup
    public void setup() throws Exception {
        SecureRandom random = new SecureRandom();
        byte[] kek = new byte[32];
        random.nextBytes(kek);
        OctJwk key = OctJwk.of(kek);
        byte[] plaintext = "{\"sub\":\"alice\",\"scope\":\"orders:read\"}".getBytes(StandardCharsets.UTF_8);
        String valid = JweEncrypter.builder().recipient(key, JweAlgorithm.A256KW)
                .encryption(ContentEncryption.A128CBC_HS256).build().encrypt(plaintext);
        kwDecrypter = JweDecrypter.builder().key(key).build();
        String[] p = valid.split("\\.", -1);
        kwToken = switch (kwCase) {
            case "valid" -> valid;
            case "badTag" -> join(p[0], p[1], p[2], p[3], flip(p[4]));
            case "badUnwrap" -> join(p[0], flip(p[1]), p[2], p[3], p[4]);
            case "badPadding" -> badPadding(p, kek);
            default -> throw new IllegalArgumentException(kwCase);
        };

        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        Jwk rsa = Jwk.fromKeyPair(g.generateKeyPair());
        rsaDecrypter = JweDecrypter.builder().key(rsa).allowRsa1_5().build();
        // an RSA-OAEP-256 token relabelled RSA1_5: its encrypted key is not PKCS#1 v1.5, so the random CEK is used
        String oaep = JweEncrypter.builder().recipient(rsa.toPublicJwk(), JweAlgorithm.RSA_OAEP_256).build()
                .encrypt(plaintext);
        String[] q = oaep.split("\\.", -1);
        String header = B64.encodeToString("{\"alg\":\"RSA1_5\",\"enc\":\"A256GCM\"}".getBytes(StandardCharsets.UTF_8));
        rsaBadPkcs1 = join(header, q[1], q[2], q[3], q[4]);
        Cipher pkcs1 = Cipher.getInstance("RSA/ECB/PKCS1Padding");
        pkcs1.init(Cipher.ENCRYPT_MODE, rsa.publicKey());
        byte[] cek = new byte[32];
        random.nextBytes(cek);
        rsaBadTag = join(header, B64.encodeToString(pkcs1.doFinal(cek)), q[2], q[3], q[4]); // right key size, wrong CEK
    }

    @Benchmark
    public Object decryptA256KwCbc() {
        try {
            return kwDecrypter.decrypt(kwToken);
        } catch (JoseException e) {
            return e.reason();
        }
    }

    @Benchmark
    public Object rsa1_5NotPkcs1() {
        try {
            return rsaDecrypter.decrypt(rsaBadPkcs1);
        } catch (JoseException e) {
            return e.reason();
        }
    }

    @Benchmark
    public Object rsa1_5BadTag() {
        try {
            return rsaDecrypter.decrypt(rsaBadTag);
        } catch (JoseException e) {
            return e.reason();
        }
    }

    /** The same token with its last ciphertext block replaced so that padding fails, and a recomputed valid tag. */
    private static String badPadding(String[] p, byte[] kek) throws Exception {
        Cipher unwrap = Cipher.getInstance("AESWrap");
        unwrap.init(Cipher.UNWRAP_MODE, new SecretKeySpec(kek, "AES"));
        byte[] cek = unwrap.unwrap(D64.decode(p[1]), "AES", Cipher.SECRET_KEY).getEncoded();
        byte[] macKey = Arrays.copyOf(cek, 16);
        byte[] encKey = Arrays.copyOfRange(cek, 16, 32);
        byte[] iv = D64.decode(p[2]);
        byte[] ct = D64.decode(p[3]);
        Cipher cbc = Cipher.getInstance("AES/CBC/NoPadding");
        cbc.init(Cipher.DECRYPT_MODE, new SecretKeySpec(encKey, "AES"), new IvParameterSpec(iv));
        byte[] padded = cbc.doFinal(ct);
        padded[padded.length - 1] = 0x7f; // not a PKCS#7 padding byte for a 16-byte block
        cbc.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(encKey, "AES"), new IvParameterSpec(iv));
        byte[] forged = cbc.doFinal(padded);
        byte[] aad = p[0].getBytes(StandardCharsets.US_ASCII);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(macKey, "HmacSHA256"));
        mac.update(aad);
        mac.update(iv);
        mac.update(forged);
        long al = (long) aad.length * 8;
        for (int i = 7; i >= 0; i--) {
            mac.update((byte) (al >>> (8 * i)));
        }
        byte[] tag = Arrays.copyOf(mac.doFinal(), 16);
        return join(p[0], p[1], p[2], B64.encodeToString(forged), B64.encodeToString(tag));
    }

    private static String flip(String b64) {
        byte[] b = D64.decode(b64);
        b[0] ^= 1;
        return B64.encodeToString(b);
    }

    private static String join(String... parts) {
        return String.join(".", parts);
    }
}
