package dev.hallmark.bc;

import dev.hallmark.JoseException;
import dev.hallmark.Reason;
import dev.hallmark.jwk.Jwk;
import dev.hallmark.jwk.KeyGenerator;
import dev.hallmark.jws.JwsSigner;
import dev.hallmark.jws.JwsVerifier;
import dev.hallmark.spi.PreparedVerifier;
import dev.hallmark.spi.SignatureCurve;
import dev.hallmark.spi.VerificationEngines;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random valid and corrupted signatures: the Bouncy Castle and JDK engines reach the same decision on each, and the
 * full verification path (Hallmark's checks, then the selected Bouncy Castle engine) accepts exactly when Hallmark's
 * checks pass and the JDK engine says valid. Seeded, so a failure names a reproducible case.
 */
class EngineDifferentialTest {

    private static final int KEYS = 3;
    private static final int SIGNATURES_PER_KEY = 12;
    private static final BigInteger L25519 = BigInteger.TWO.pow(252)
            .add(new BigInteger("27742317777372353535851937790883648493"));
    private static final BigInteger L448 = BigInteger.TWO.pow(446)
            .subtract(new BigInteger("13818066809895115352007386748515426880336692474882178609894547503885"));
    private static final BigInteger P25519 = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));
    private static final BigInteger P448 = BigInteger.TWO.pow(448).subtract(BigInteger.TWO.pow(224))
            .subtract(BigInteger.ONE);

    @ParameterizedTest
    @EnumSource(SignatureCurve.class)
    void bothEnginesDecideAlike(SignatureCurve curve) {
        Random random = new Random(curve.ordinal() * 7919L + 17);
        int accepted = 0;
        int rejected = 0;
        int refusedInFront = 0;
        for (int k = 0; k < KEYS; k++) {
            Jwk key = generate(curve);
            Jwk other = generate(curve);
            PublicKey pub = key.publicKey();
            byte[] encoded = encode(curve, pub);
            PreparedVerifier bc = new BcVerificationEngine().prepare(curve, pub, encoded);
            PreparedVerifier jca = VerificationEngines.jdk().prepare(curve, pub, encoded);
            PreparedVerifier bcOther = new BcVerificationEngine().prepare(curve, other.publicKey(),
                    encode(curve, other.publicKey()));
            // an honest key is verified by Bouncy Castle itself, not handed back to the JDK engine
            assertThat(bc.getClass().getPackageName()).isEqualTo("dev.hallmark.bc");
            JwsSigner signer = JwsSigner.builder(key).build();
            JwsVerifier verifier = JwsVerifier.builder().key(key.toPublicJwk()).build();
            for (int i = 0; i < SIGNATURES_PER_KEY; i++) {
                byte[] payload = new byte[random.nextInt(200)];
                random.nextBytes(payload);
                String token = signer.sign(payload);
                int dot = token.lastIndexOf('.');
                byte[] input = token.substring(0, dot).getBytes(StandardCharsets.US_ASCII);
                byte[] sig = Base64.getUrlDecoder().decode(token.substring(dot + 1));

                for (int variant = 0; variant < 8; variant++) {
                    byte[] in = input.clone();
                    byte[] s = sig.clone();
                    switch (variant) {
                        case 0 -> { } // as signed
                        case 1 -> flip(s, random); // one bit of the signature
                        case 2 -> { flip(s, random); flip(s, random); flip(s, random); }
                        case 3 -> in[random.nextInt(in.length)] ^= (byte) (1 << random.nextInt(8)); // the input
                        case 4 -> s = swapHalves(s); // r and s (or R and S) exchanged
                        case 5 -> random.nextBytes(s); // noise of the right length
                        case 6 -> s = curve.isEdwards() ? s : negateS(curve, pub, s); // (r, n - s): also valid ECDSA
                        default -> s[s.length / 2 + random.nextInt(s.length / 2)] ^= (byte) 0x01; // low bit in S
                    }
                    String label = curve + " key " + k + " signature " + i + " variant " + variant;
                    boolean front = passesHallmarksChecks(curve, pub, s);
                    boolean jdkSays = front && jca.verify(in, 0, in.length, s);
                    if (front) {
                        assertThat(bc.verify(in, 0, in.length, s)).as(label).isEqualTo(jdkSays);
                        assertThat(bcOther.verify(in, 0, in.length, s)).as(label + " under another key").isFalse();
                    } else {
                        refusedInFront++;
                    }
                    String compact = new String(in, StandardCharsets.US_ASCII) + "."
                            + Base64.getUrlEncoder().withoutPadding().encodeToString(s);
                    assertThat(pathAccepts(verifier, compact)).as(label + " through JwsVerifier").isEqualTo(jdkSays);
                    if (jdkSays) {
                        accepted++;
                    } else {
                        rejected++;
                    }
                    if (variant == 0) {
                        assertThat(jdkSays).as(label + " is valid").isTrue();
                    }
                }
            }
        }
        assertThat(VerificationEngines.selected(curve).name()).isEqualTo("bc");
        assertThat(accepted).isGreaterThanOrEqualTo(KEYS * SIGNATURES_PER_KEY);
        assertThat(rejected).isGreaterThan(KEYS * SIGNATURES_PER_KEY * 4);
        assertThat(refusedInFront).isLessThan(KEYS * SIGNATURES_PER_KEY * 8);
    }

    private static boolean pathAccepts(JwsVerifier verifier, String compact) {
        try {
            verifier.verify(compact);
            return true;
        } catch (JoseException e) {
            // a corrupted header segment may fail earlier than the signature, never with a surprising reason
            assertThat(e.reason()).isIn(Reason.BAD_SIGNATURE, Reason.MALFORMED, Reason.ALG_NOT_ALLOWED,
                    Reason.KEY_NOT_FOUND, Reason.UNSUPPORTED_CRITICAL);
            return false;
        }
    }

    private static Jwk generate(SignatureCurve curve) {
        return switch (curve) {
            case P_256 -> KeyGenerator.forAlgorithm("ES256").generate();
            case P_384 -> KeyGenerator.forAlgorithm("ES384").generate();
            case P_521 -> KeyGenerator.forAlgorithm("ES512").generate();
            case ED25519 -> KeyGenerator.forAlgorithm("EdDSA").curve("Ed25519").generate();
            case ED448 -> KeyGenerator.forAlgorithm("EdDSA").curve("Ed448").generate();
        };
    }

    private static void flip(byte[] s, Random random) {
        s[random.nextInt(s.length)] ^= (byte) (1 << random.nextInt(8));
    }

    private static byte[] swapHalves(byte[] s) {
        int half = s.length / 2;
        byte[] out = new byte[s.length];
        System.arraycopy(s, half, out, 0, half);
        System.arraycopy(s, 0, out, half, half);
        return out;
    }

    private static byte[] negateS(SignatureCurve curve, PublicKey key, byte[] sig) {
        int size = curve.fieldSize();
        BigInteger n = ((ECPublicKey) key).getParams().getOrder();
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(sig, size, 2 * size));
        byte[] out = sig.clone();
        System.arraycopy(fixed(n.subtract(s).mod(n), size), 0, out, size, size);
        return out;
    }

    /** What Hallmark checks before any engine: the engine contract's preconditions, computed independently. */
    private static boolean passesHallmarksChecks(SignatureCurve curve, PublicKey key, byte[] sig) {
        int size = curve.fieldSize();
        if (sig.length != 2 * size) {
            return false;
        }
        if (!curve.isEdwards()) {
            BigInteger n = ((ECPublicKey) key).getParams().getOrder();
            BigInteger r = new BigInteger(1, Arrays.copyOfRange(sig, 0, size));
            BigInteger s = new BigInteger(1, Arrays.copyOfRange(sig, size, 2 * size));
            return r.signum() > 0 && s.signum() > 0 && r.compareTo(n) < 0 && s.compareTo(n) < 0;
        }
        boolean ed448 = curve == SignatureCurve.ED448;
        BigInteger s = littleEndian(Arrays.copyOfRange(sig, size, 2 * size));
        if (s.compareTo(ed448 ? L448 : L25519) >= 0) {
            return false;
        }
        byte[] r = Arrays.copyOfRange(sig, 0, size);
        boolean xOdd = (r[size - 1] & 0x80) != 0;
        if (ed448 && (r[size - 1] & 0x7f) != 0) {
            return false;
        }
        r[size - 1] &= 0x7f;
        BigInteger y = littleEndian(r);
        BigInteger p = ed448 ? P448 : P25519;
        if (y.compareTo(p) >= 0) {
            return false;
        }
        return !(xOdd && (y.equals(BigInteger.ONE) || y.equals(p.subtract(BigInteger.ONE))));
    }

    static byte[] encode(SignatureCurve curve, PublicKey key) {
        int size = curve.fieldSize();
        if (curve.isEdwards()) {
            EdECPublicKey ed = (EdECPublicKey) key;
            byte[] be = fixed(ed.getPoint().getY(), size);
            byte[] out = new byte[size];
            for (int i = 0; i < size; i++) {
                out[i] = be[size - 1 - i];
            }
            if (ed.getPoint().isXOdd()) {
                out[size - 1] |= (byte) 0x80;
            }
            return out;
        }
        ECPublicKey ec = (ECPublicKey) key;
        byte[] out = new byte[1 + 2 * size];
        out[0] = 0x04;
        System.arraycopy(fixed(ec.getW().getAffineX(), size), 0, out, 1, size);
        System.arraycopy(fixed(ec.getW().getAffineY(), size), 0, out, 1 + size, size);
        return out;
    }

    private static BigInteger littleEndian(byte[] le) {
        byte[] be = new byte[le.length];
        for (int i = 0; i < le.length; i++) {
            be[i] = le[le.length - 1 - i];
        }
        return new BigInteger(1, be);
    }

    private static byte[] fixed(BigInteger v, int size) {
        byte[] b = v.toByteArray();
        byte[] out = new byte[size];
        int copy = Math.min(b.length, size);
        System.arraycopy(b, b.length - copy, out, size - copy, copy);
        return out;
    }
}
