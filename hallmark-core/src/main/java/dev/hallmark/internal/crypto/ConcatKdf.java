package dev.hallmark.internal.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * The single-step Concat KDF of NIST SP 800-56A §5.8.1 with SHA-256, as ECDH-ES uses it (RFC 7518 §4.6.2):
 * OtherInfo is AlgorithmID, PartyUInfo and PartyVInfo, each with a 32-bit big-endian length prefix, then the key
 * length in bits as SuppPubInfo.
 */
public final class ConcatKdf {

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    });

    private ConcatKdf() {
    }

    /** {@code keyBytes} of key material from the shared secret {@code z}. */
    public static byte[] derive(byte[] z, int keyBytes, String algorithmId, byte[] apu, byte[] apv) {
        byte[] alg = algorithmId.getBytes(StandardCharsets.US_ASCII);
        MessageDigest md = SHA256.get();
        int rounds = (keyBytes + 31) / 32;
        byte[] out = new byte[rounds * 32];
        for (int counter = 1; counter <= rounds; counter++) {
            md.reset();
            md.update(int32(counter));
            md.update(z);
            md.update(int32(alg.length));
            md.update(alg);
            md.update(int32(apu.length));
            md.update(apu);
            md.update(int32(apv.length));
            md.update(apv);
            md.update(int32(keyBytes * 8));
            System.arraycopy(md.digest(), 0, out, (counter - 1) * 32, 32);
        }
        return Arrays.copyOf(out, keyBytes);
    }

    private static byte[] int32(int v) {
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }
}
