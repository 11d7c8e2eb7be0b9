package dev.hallmark.internal.crypto;

import dev.hallmark.spi.PreparedVerifier;
import dev.hallmark.spi.SignatureCurve;
import dev.hallmark.spi.TestEngines;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Per-key preparation (once per key, by identity, bounded) and the fallback to the JDK engine when another engine
 * fails: a failing engine may cost time, never a wrong or missing answer.
 */
class PreparedVerifiersTest {

    private static final byte[] INPUT = "eyJhbGciOiJFUzI1NiJ9.e30".getBytes(StandardCharsets.US_ASCII);

    private static KeyPair p256() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    private static byte[] sign(KeyPair pair, byte[] input) throws GeneralSecurityException {
        Signature s = Signature.getInstance("SHA256withECDSAinP1363Format");
        s.initSign(pair.getPrivate());
        s.update(input);
        return s.sign();
    }

    /** Counts preparations; each prepared verifier answers through the JDK engine or fails as told. */
    static final class Counting extends TestEngines.Delegating {
        final AtomicInteger prepared = new AtomicInteger();
        final boolean failPrepare;
        final boolean failVerify;
        final boolean returnNull;

        Counting(boolean failPrepare, boolean failVerify, boolean returnNull) {
            super("counting", 10);
            this.failPrepare = failPrepare;
            this.failVerify = failVerify;
            this.returnNull = returnNull;
        }

        @Override
        public PreparedVerifier prepare(SignatureCurve curve, PublicKey key, byte[] encoded) {
            prepared.incrementAndGet();
            assertThat(encoded).hasSize(curve.encodedPublicKeyLength());
            assertThat(encoded[0]).isEqualTo((byte) 0x04);
            if (failPrepare) {
                throw new IllegalArgumentException("cannot use this key");
            }
            if (returnNull) {
                return null;
            }
            PreparedVerifier jdk = super.prepare(curve, key, encoded);
            return failVerify ? (d, o, l, s) -> { throw new ArithmeticException("engine bug"); } : jdk;
        }
    }

    private static PreparedVerifiers verifiers(Counting engine) {
        return new PreparedVerifiers(SignatureCurve.P_256, key -> encode(key), () -> engine);
    }

    private static byte[] encode(PublicKey key) {
        java.security.interfaces.ECPublicKey ec = (java.security.interfaces.ECPublicKey) key;
        byte[] out = new byte[65];
        out[0] = 4;
        byte[] x = ec.getW().getAffineX().toByteArray();
        byte[] y = ec.getW().getAffineY().toByteArray();
        System.arraycopy(x, Math.max(0, x.length - 32), out, 1 + 32 - Math.min(32, x.length), Math.min(32, x.length));
        System.arraycopy(y, Math.max(0, y.length - 32), out, 33 + 32 - Math.min(32, y.length), Math.min(32, y.length));
        return out;
    }

    @Test
    void eachKeyIsPreparedOnce() throws GeneralSecurityException {
        Counting engine = new Counting(false, false, false);
        PreparedVerifiers verifiers = verifiers(engine);
        KeyPair pair = p256();
        byte[] sig = sign(pair, INPUT);
        for (int i = 0; i < 5; i++) {
            assertThat(verifiers.verify(pair.getPublic(), INPUT, 0, INPUT.length, sig)).isTrue();
        }
        byte[] other = INPUT.clone();
        other[0] ^= 1;
        assertThat(verifiers.verify(pair.getPublic(), other, 0, other.length, sig)).isFalse();
        assertThat(engine.prepared).hasValue(1);
    }

    @Test
    void theCacheIsBoundedAndForgetsTheOldestKeys() throws GeneralSecurityException {
        Counting engine = new Counting(false, false, false);
        PreparedVerifiers verifiers = verifiers(engine);
        List<KeyPair> pairs = new ArrayList<>();
        for (int i = 0; i <= PreparedVerifiers.CAPACITY; i++) {
            pairs.add(p256());
        }
        for (KeyPair pair : pairs) {
            assertThat(verifiers.verify(pair.getPublic(), INPUT, 0, INPUT.length, sign(pair, INPUT))).isTrue();
        }
        assertThat(engine.prepared).hasValue(PreparedVerifiers.CAPACITY + 1);
        KeyPair newest = pairs.get(pairs.size() - 1);
        assertThat(verifiers.verify(newest.getPublic(), INPUT, 0, INPUT.length, sign(newest, INPUT))).isTrue();
        assertThat(engine.prepared).hasValue(PreparedVerifiers.CAPACITY + 1);
        KeyPair oldest = pairs.get(0);
        assertThat(verifiers.verify(oldest.getPublic(), INPUT, 0, INPUT.length, sign(oldest, INPUT))).isTrue();
        assertThat(engine.prepared).hasValue(PreparedVerifiers.CAPACITY + 2);
    }

    @Test
    void anEngineThatCannotPrepareAKeyLeavesItToTheJdk() throws GeneralSecurityException {
        for (Counting engine : List.of(new Counting(true, false, false), new Counting(false, false, true))) {
            PreparedVerifiers verifiers = verifiers(engine);
            KeyPair pair = p256();
            byte[] sig = sign(pair, INPUT);
            assertThat(verifiers.verify(pair.getPublic(), INPUT, 0, INPUT.length, sig)).isTrue();
            assertThat(verifiers.verify(pair.getPublic(), INPUT, 0, INPUT.length - 1, sig)).isFalse();
            assertThat(engine.prepared).hasValue(1); // the fallback is remembered for the key
        }
    }

    @Test
    void anEngineThatThrowsWhileVerifyingIsAnsweredForByTheJdk() throws GeneralSecurityException {
        Counting engine = new Counting(false, true, false);
        PreparedVerifiers verifiers = verifiers(engine);
        KeyPair pair = p256();
        byte[] sig = sign(pair, INPUT);
        assertThat(verifiers.verify(pair.getPublic(), INPUT, 0, INPUT.length, sig)).isTrue();
        sig[5] ^= 1;
        assertThat(verifiers.verify(pair.getPublic(), INPUT, 0, INPUT.length, sig)).isFalse();
    }
}
