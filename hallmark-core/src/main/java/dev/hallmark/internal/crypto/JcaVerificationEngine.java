package dev.hallmark.internal.crypto;

import dev.hallmark.spi.PreparedVerifier;
import dev.hallmark.spi.SignatureCurve;
import dev.hallmark.spi.SignatureVerificationEngine;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.util.EnumMap;
import java.util.Map;

/**
 * The built-in engine: the JDK's own {@link Signature} implementations ({@code SHAxxxwithECDSAinP1363Format},
 * {@code EdDSA}), one per thread and curve, re-keyed only when the key changes (by identity). Always available, so it
 * is what Hallmark falls back to whenever another engine fails.
 */
public final class JcaVerificationEngine implements SignatureVerificationEngine {

    public static final JcaVerificationEngine INSTANCE = new JcaVerificationEngine();

    private final Map<SignatureCurve, ThreadLocal<KeyedEngine<Signature>>> engines = new EnumMap<>(SignatureCurve.class);

    private JcaVerificationEngine() {
        for (SignatureCurve curve : SignatureCurve.values()) {
            String jcaName = jcaName(curve);
            engines.put(curve, ThreadLocal.withInitial(() -> {
                try {
                    return new KeyedEngine<>(Signature.getInstance(jcaName));
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException(jcaName + " unavailable", e);
                }
            }));
        }
    }

    static String jcaName(SignatureCurve curve) {
        return curve.hashAlgorithm()
                .map(hash -> hash.replace("-", "") + "withECDSAinP1363Format")
                .orElse("EdDSA");
    }

    @Override
    public String name() {
        return "jca";
    }

    @Override
    public int priority() {
        return 0;
    }

    @Override
    public boolean supports(SignatureCurve curve) {
        return true;
    }

    /** Needs nothing beyond the JCA key: the JDK keeps its own per-key state inside the initialised engine. */
    @Override
    public PreparedVerifier prepare(SignatureCurve curve, PublicKey key, byte[] encoded) {
        ThreadLocal<KeyedEngine<Signature>> perThread = engines.get(curve);
        return (data, off, len, signature) -> verify(perThread.get(), key, data, off, len, signature);
    }

    private static boolean verify(KeyedEngine<Signature> holder, PublicKey key, byte[] data, int off, int len,
                                  byte[] signature) {
        Signature s = holder.engine;
        if (holder.key != key) {
            holder.key = null;
            try {
                s.initVerify(key);
            } catch (InvalidKeyException e) {
                throw new IllegalArgumentException(s.getAlgorithm() + " cannot verify with this key", e);
            }
            holder.key = key;
        }
        try {
            s.update(data, off, len);
            return s.verify(signature);
        } catch (SignatureException | RuntimeException e) {
            // A malformed signature is a failed verification, never an error the caller must handle differently.
            // The engine may be left mid-operation: forget the key so the next use initialises it afresh.
            holder.key = null;
            return false;
        }
    }

    @Override
    public String toString() {
        return "jca";
    }
}
