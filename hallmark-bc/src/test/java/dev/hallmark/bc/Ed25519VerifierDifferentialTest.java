package dev.hallmark.bc;

import dev.hallmark.spi.PreparedVerifier;
import dev.hallmark.spi.SignatureCurve;
import dev.hallmark.spi.VerificationEngines;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;

import static dev.hallmark.bc.Ed25519Reference.L;
import static dev.hallmark.bc.Ed25519Reference.SMALL_ORDER;
import static dev.hallmark.bc.Ed25519Reference.fromLittleEndian;
import static dev.hallmark.bc.Ed25519Reference.multiply;
import static dev.hallmark.bc.Ed25519Reference.point;
import static dev.hallmark.bc.Ed25519Reference.sum;
import static dev.hallmark.bc.Ed25519Reference.toLittleEndian;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exact Ed25519 verifier against the JDK engine, case by case: valid signatures, every single-bit flip of R and
 * of S, bit flips of the message, S + L, and R plus each point of small order (which a cofactored check would
 * accept). The engine contract lets Hallmark refuse many of these before any engine (non-canonical R, S >= L); here
 * they reach both verifiers directly, which must still agree. Seeded: a failure names a reproducible case.
 */
class Ed25519VerifierDifferentialTest {

    private static final int KEYS = 4;
    private static final int SIGNATURES_PER_KEY = 2;
    private static final int MESSAGE_FLIPS = 32;

    @Test
    void decidesAsTheJdkOnHonestKeys() throws GeneralSecurityException {
        Random random = new Random(0xed25519L);
        int cases = 0;
        int accepted = 0;
        for (int key = 0; key < KEYS; key++) {
            byte[] seed = new byte[32];
            random.nextBytes(seed);
            byte[] encoded = Ed25519Reference.bouncyCastlePublicKey(seed);
            PublicKey pub = publicKey(encoded);
            PreparedVerifier jdk = VerificationEngines.jdk().prepare(SignatureCurve.ED25519, pub, encoded);
            PreparedVerifier exact = Ed25519Verifier.of(encoded, jdk);
            assertThat(exact).as("an honest key is verified by the exact path").isInstanceOf(Ed25519Verifier.class);
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(privateKey(seed));
            for (int i = 0; i < SIGNATURES_PER_KEY; i++) {
                byte[] message = new byte[1 + random.nextInt(100)];
                random.nextBytes(message);
                signer.update(message);
                byte[] sig = signer.sign();
                String label = "key " + key + " signature " + i;
                assertThat(check(jdk, exact, message, sig, label + " as signed")).isTrue();
                accepted++;
                cases++;
                for (int bit = 0; bit < 512; bit++) { // every bit of R, then of S
                    byte[] s = sig.clone();
                    s[bit >>> 3] ^= (byte) (1 << (bit & 7));
                    check(jdk, exact, message, s, label + " signature bit " + bit);
                    cases++;
                }
                for (int f = 0; f < MESSAGE_FLIPS; f++) {
                    byte[] m = message.clone();
                    int bit = random.nextInt(8 * m.length);
                    m[bit >>> 3] ^= (byte) (1 << (bit & 7));
                    assertThat(check(jdk, exact, m, sig, label + " message bit " + bit)).isFalse();
                    cases++;
                }
                BigInteger sValue = fromLittleEndian(sig, 32, 32);
                byte[] plusL = sig.clone();
                System.arraycopy(toLittleEndian(sValue.add(L)), 0, plusL, 32, 32);
                assertThat(check(jdk, exact, message, plusL, label + " S + L")).isFalse();
                cases++;
                Ed25519Point r = Ed25519Point.decode(sig, 0);
                for (String t : SMALL_ORDER) {
                    byte[] s = sig.clone();
                    sum(r, point(t)).encode(s, 0);
                    boolean decision = check(jdk, exact, message, s, label + " R + " + t);
                    // k changes with R, so only R + identity (R itself) verifies
                    assertThat(decision).as(label + " R + " + t).isEqualTo(t.equals(Ed25519Reference.IDENTITY));
                    cases++;
                }
            }
        }
        assertThat(cases).isGreaterThan(4000);
        assertThat(accepted).isEqualTo(KEYS * SIGNATURES_PER_KEY);
    }

    /**
     * Keys A + T, T of small order, with signatures made from A's secret scalar: the cofactorless equation holds
     * exactly when [k]T is the identity. Such keys stay with the JDK engine; the exact path, asked directly, must
     * decide them identically too (the JDK reduces k mod L as it does).
     */
    @Test
    void keysWithASmallOrderComponentStayWithTheJdkAndTheExactPathAgrees() throws GeneralSecurityException {
        Random random = new Random(8);
        Ed25519Point base = Ed25519Point.base();
        int accepted = 0;
        int rejected = 0;
        for (int ti = 1; ti < SMALL_ORDER.length; ti++) {
            BigInteger a = new BigInteger(252, random).mod(L);
            byte[] encoded = new byte[32];
            sum(multiply(base, a), point(SMALL_ORDER[ti])).encode(encoded, 0);
            PublicKey pub = publicKey(encoded);
            PreparedVerifier jdk = VerificationEngines.jdk().prepare(SignatureCurve.ED25519, pub, encoded);
            assertThat(Ed25519Verifier.of(encoded, jdk)).as("falls back to the JDK engine").isSameAs(jdk);
            PreparedVerifier exact = Ed25519Verifier.exact(encoded);
            assertThat(exact).isNotNull();
            for (int i = 0; i < 24; i++) {
                byte[] message = new byte[random.nextInt(40)];
                random.nextBytes(message);
                BigInteger r = new BigInteger(252, random).mod(L);
                byte[] sig = new byte[64];
                multiply(base, r).encode(sig, 0);
                byte[] hash = Ed25519Reference.sha512(Arrays.copyOf(sig, 32), encoded, message);
                BigInteger k = fromLittleEndian(hash, 0, 64).mod(L);
                System.arraycopy(toLittleEndian(r.add(k.multiply(a)).mod(L)), 0, sig, 32, 32);
                String label = "key A + " + SMALL_ORDER[ti] + " signature " + i;
                if (check(jdk, exact, message, sig, label)) {
                    accepted++;
                } else {
                    rejected++;
                }
                for (String t : SMALL_ORDER) {
                    byte[] s = sig.clone();
                    sum(point(HexFormat.of().formatHex(sig, 0, 32)), point(t)).encode(s, 0);
                    check(jdk, exact, message, s, label + " R + " + t);
                }
            }
        }
        // [k]T vanishes for some k and not for others: both outcomes occur
        assertThat(accepted).isPositive();
        assertThat(rejected).isPositive();
    }

    private static boolean check(PreparedVerifier jdk, PreparedVerifier exact, byte[] message, byte[] sig,
                                 String label) {
        boolean expected = jdk.verify(message, 0, message.length, sig);
        assertThat(exact.verify(message, 0, message.length, sig)).as(label).isEqualTo(expected);
        return expected;
    }

    private static PublicKey publicKey(byte[] encoded) throws GeneralSecurityException {
        boolean xOdd = (encoded[31] & 0x80) != 0;
        byte[] y = encoded.clone();
        y[31] &= 0x7f;
        EdECPoint point = new EdECPoint(xOdd, fromLittleEndian(y, 0, 32));
        return KeyFactory.getInstance("Ed25519").generatePublic(new EdECPublicKeySpec(NamedParameterSpec.ED25519, point));
    }

    private static PrivateKey privateKey(byte[] seed) throws GeneralSecurityException {
        return KeyFactory.getInstance("Ed25519").generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed));
    }
}
