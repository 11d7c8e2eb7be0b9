package dev.hallmark.jwt;

import dev.hallmark.Reason;
import dev.hallmark.jwk.EcJwk;
import dev.hallmark.jwk.Jwk;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;
import java.util.List;

import static dev.hallmark.Rejection.assertRejected;
import static dev.hallmark.jwt.TestKeys.validClaims;
import static dev.hallmark.jwt.TokenForge.b64;
import static dev.hallmark.jwt.TokenForge.segment;
import static dev.hallmark.jwt.TokenForge.withSegment;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * ECDSA signature inputs are validated before any curve arithmetic (RFC 8725 §3.4, RFC 7518 §3.4): R and S in
 * [1, n-1] (CVE-2022-21449 "psychic signatures": r = s = 0 verified anything on some JDKs), exactly twice the curve
 * size, and in the R || S (IEEE P1363) form, never ASN.1 DER.
 */
class EcdsaSignatureAttacksTest {

    static List<Jwk> keys() {
        return List.of(TestKeys.ES256, TestKeys.ES384, TestKeys.ES512);
    }

    private static int size(Jwk key) {
        return switch (((EcJwk) key).curveName()) {
            case "P-256" -> 32;
            case "P-384" -> 48;
            default -> 66;
        };
    }

    private static BigInteger order(Jwk key) {
        return ((ECPublicKey) key.publicKey()).getParams().getOrder();
    }

    private static byte[] fixed(BigInteger v, int size) {
        byte[] b = v.toByteArray();
        byte[] out = new byte[size];
        int copy = Math.min(b.length, size);
        System.arraycopy(b, b.length - copy, out, size - copy, copy);
        return out;
    }

    private static byte[] concat(byte[] r, byte[] s) {
        byte[] out = Arrays.copyOf(r, r.length + s.length);
        System.arraycopy(s, 0, out, r.length, s.length);
        return out;
    }

    private static void assertBadSignature(Jwk key, byte[] signature) {
        String token = TestKeys.signer(key).sign(validClaims().subject("admin").build());
        String forged = withSegment(token, 2, b64(signature));
        assertRejected(() -> TestKeys.verifier(key).build().verify(forged), Reason.BAD_SIGNATURE);
        // also when the verifier has to find the key without a kid
        String noKid = JwtSigner.builder(key.withKeyId(null)).clock(TestKeys.CLOCK).build().sign(validClaims().build());
        assertRejected(() -> TestKeys.verifier(key.withKeyId(null)).build().verify(withSegment(noKid, 2, b64(signature))),
                Reason.BAD_SIGNATURE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keys")
    void allZeroSignature(Jwk key) {
        assertBadSignature(key, new byte[2 * size(key)]);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keys")
    void rAndSEqualToTheGroupOrder(Jwk key) {
        byte[] n = fixed(order(key), size(key));
        assertBadSignature(key, concat(n, n));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keys")
    void rOrSOutOfRange(Jwk key) {
        int size = size(key);
        BigInteger n = order(key);
        byte[] one = fixed(BigInteger.ONE, size);
        byte[] zero = new byte[size];
        byte[] nValue = fixed(n, size);
        byte[] nPlusOne = fixed(n.add(BigInteger.ONE), size);
        byte[] allOnes = new byte[size];
        Arrays.fill(allOnes, (byte) 0xff);
        for (byte[][] rs : new byte[][][] {
            {zero, one}, {one, zero}, {nValue, one}, {one, nValue}, {nPlusOne, one}, {one, nPlusOne}, {allOnes, allOnes},
        }) {
            assertBadSignature(key, concat(rs[0], rs[1]));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keys")
    void validSignatureShiftedByTheGroupOrder(Jwk key) {
        // r + n and s + n are the same residues; only a range check tells them apart (they fit for P-256 only
        // when the sum stays below 2^256, so check that the forged value has the right length first)
        String token = TestKeys.signer(key).sign(validClaims().build());
        byte[] sig = TokenForge.unb64(segment(token, 2));
        int size = size(key);
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(sig, 0, size));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(sig, size, 2 * size));
        BigInteger rPlusN = r.add(order(key));
        if ((rPlusN.bitLength() + 7) / 8 <= size) {
            assertBadSignature(key, concat(fixed(rPlusN, size), fixed(s, size)));
        }
        BigInteger sPlusN = s.add(order(key));
        if ((sPlusN.bitLength() + 7) / 8 <= size) {
            assertBadSignature(key, concat(fixed(r, size), fixed(sPlusN, size)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keys")
    void derEncodedSignatureOfAValidOne(Jwk key) {
        String token = TestKeys.signer(key).sign(validClaims().build());
        byte[] p1363 = TokenForge.unb64(segment(token, 2));
        assertThat(TestKeys.verifier(key).build().verify(token)).isNotNull();
        byte[] der = toDer(p1363);
        assertThat(der.length).isNotEqualTo(p1363.length);
        // the DER form is itself a valid signature (the JDK's DER verifier accepts it): only the format is wrong
        assertThat(verifiesAsDer(key, segment(token, 0) + "." + segment(token, 1), der)).isTrue();
        JwtVerifier verifier = TestKeys.verifier(key).build();
        assertRejected(() -> verifier.verify(withSegment(token, 2, b64(der))), Reason.BAD_SIGNATURE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keys")
    void zeroPaddedRAndS(Jwk key) {
        // the same R and S, each one byte longer: a lenient length check would accept this second encoding
        String token = TestKeys.signer(key).sign(validClaims().build());
        byte[] sig = TokenForge.unb64(segment(token, 2));
        int size = size(key);
        byte[] padded = concat(concat(new byte[1], Arrays.copyOfRange(sig, 0, size)),
                concat(new byte[1], Arrays.copyOfRange(sig, size, 2 * size)));
        JwtVerifier verifier = TestKeys.verifier(key).build();
        assertRejected(() -> verifier.verify(withSegment(token, 2, b64(padded))), Reason.BAD_SIGNATURE);
    }

    private static boolean verifiesAsDer(Jwk key, String signingInput, byte[] der) {
        try {
            java.security.Signature v = java.security.Signature.getInstance("SHA" + key.algorithm().orElseThrow()
                    .substring(2) + "withECDSA");
            v.initVerify(key.publicKey());
            v.update(signingInput.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return v.verify(der);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** ASN.1 DER {@code SEQUENCE { INTEGER r, INTEGER s }}, as the JDK's plain SHAxxxwithECDSA produces. */
    static byte[] toDer(byte[] p1363) {
        int size = p1363.length / 2;
        byte[] r = new BigInteger(1, Arrays.copyOfRange(p1363, 0, size)).toByteArray();
        byte[] s = new BigInteger(1, Arrays.copyOfRange(p1363, size, 2 * size)).toByteArray();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(tlv(0x02, r));
        body.writeBytes(tlv(0x02, s));
        return tlv(0x30, body.toByteArray());
    }

    private static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        if (content.length >= 0x80) {
            out.write(0x81);
        }
        out.write(content.length);
        out.writeBytes(content);
        return out.toByteArray();
    }
}
