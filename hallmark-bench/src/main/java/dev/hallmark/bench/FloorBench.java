package dev.hallmark.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The physical limit on this JVM: the JCA operation over the signing input plus base64url of the signature, with
 * engines prepared once. Verification here checks nothing else; everything a library adds is overhead above it.
 * JWE decryption: {@link JweFloor}. Key selection from a JWK Set has no floor of its own: its tables compare with
 * {@code verifyES256}'s.
 */
@State(Scope.Thread)
public class FloorBench extends BenchDefaults {

    Fixtures f;
    Mac mac;
    byte[] hsInput;
    String hsSignature;
    Signature rsVerify;
    Signature esVerify;
    Signature edVerify;
    Signature rsSign;
    Signature esSign;
    Signature edSign;
    PublicKey rsPub;
    PublicKey esPub;
    PublicKey edPub;
    PrivateKey rsPriv;
    PrivateKey esPriv;
    PrivateKey edPriv;
    byte[] rsInput;
    byte[] esInput;
    byte[] edInput;
    String rsSig;
    String esSig;
    String edSig;
    byte[] hsLargeInput;
    String hsLargeSignature;
    JweFixtures jwe;
    JweFloor jweFloor;

    @Setup
    public void setup() throws GeneralSecurityException {
        f = Fixtures.shared();
        mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(f.secret(), "HmacSHA256"));
        String[] hs = Fixtures.split(f.tokenHS256);
        hsInput = hs[0].getBytes(StandardCharsets.US_ASCII);
        hsSignature = hs[1];
        rsVerify = Signature.getInstance("SHA256withRSA");
        esVerify = Signature.getInstance("SHA256withECDSAinP1363Format");
        edVerify = Signature.getInstance("Ed25519");
        rsSign = Signature.getInstance("SHA256withRSA");
        esSign = Signature.getInstance("SHA256withECDSAinP1363Format");
        edSign = Signature.getInstance("Ed25519");
        rsPub = Fixtures.publicKey(f.rs256);
        esPub = Fixtures.publicKey(f.es256);
        edPub = Fixtures.publicKey(f.eddsa);
        rsPriv = Fixtures.privateKey(f.rs256);
        esPriv = Fixtures.privateKey(f.es256);
        edPriv = Fixtures.privateKey(f.eddsa);
        String[] rs = Fixtures.split(f.tokenRS256);
        String[] es = Fixtures.split(f.tokenES256);
        String[] ed = Fixtures.split(f.tokenEdDSA);
        rsInput = rs[0].getBytes(StandardCharsets.US_ASCII);
        esInput = es[0].getBytes(StandardCharsets.US_ASCII);
        edInput = ed[0].getBytes(StandardCharsets.US_ASCII);
        rsSig = rs[1];
        esSig = es[1];
        edSig = ed[1];
        String[] large = Fixtures.split(LargeClaimsFixtures.shared().token);
        hsLargeInput = large[0].getBytes(StandardCharsets.US_ASCII);
        hsLargeSignature = large[1];
        jwe = JweFixtures.shared();
        jweFloor = new JweFloor(jwe);
    }

    @Benchmark
    public boolean verifyHS256() {
        byte[] expected = Base64.getUrlDecoder().decode(hsSignature);
        return MessageDigest.isEqual(mac.doFinal(hsInput), expected);
    }

    /** The HMAC over the signing input of the 4 KB claims token; parsing the claims is library work. */
    @Benchmark
    public boolean verifyHS256Claims4k() {
        byte[] expected = Base64.getUrlDecoder().decode(hsLargeSignature);
        return MessageDigest.isEqual(mac.doFinal(hsLargeInput), expected);
    }

    @Benchmark
    public byte[] decryptDirA256GCM() throws GeneralSecurityException {
        return jweFloor.decryptDir(jwe.dirA256GCM);
    }

    @Benchmark
    public byte[] decryptEcdhEsA256KW() throws GeneralSecurityException {
        return jweFloor.decryptEcdhEs(jwe.ecdhEsA256KW);
    }

    @Benchmark
    public byte[] signHS256() {
        return mac.doFinal(hsInput);
    }

    @Benchmark
    public boolean verifyRS256() throws GeneralSecurityException {
        return verify(rsVerify, rsPub, rsInput, rsSig);
    }

    @Benchmark
    public boolean verifyES256() throws GeneralSecurityException {
        return verify(esVerify, esPub, esInput, esSig);
    }

    @Benchmark
    public boolean verifyEdDSA() throws GeneralSecurityException {
        return verify(edVerify, edPub, edInput, edSig);
    }

    @Benchmark
    public byte[] signRS256() throws GeneralSecurityException {
        return sign(rsSign, rsPriv, rsInput);
    }

    @Benchmark
    public byte[] signES256() throws GeneralSecurityException {
        return sign(esSign, esPriv, esInput);
    }

    @Benchmark
    public byte[] signEdDSA() throws GeneralSecurityException {
        return sign(edSign, edPriv, edInput);
    }

    private static boolean verify(Signature s, PublicKey key, byte[] input, String sig) throws GeneralSecurityException {
        s.initVerify(key);
        s.update(input);
        return s.verify(Base64.getUrlDecoder().decode(sig));
    }

    private static byte[] sign(Signature s, PrivateKey key, byte[] input) throws GeneralSecurityException {
        s.initSign(key);
        s.update(input);
        return s.sign();
    }
}
