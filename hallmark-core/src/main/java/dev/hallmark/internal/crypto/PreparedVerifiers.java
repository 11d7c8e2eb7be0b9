package dev.hallmark.internal.crypto;

import dev.hallmark.spi.PreparedVerifier;
import dev.hallmark.spi.SignatureCurve;
import dev.hallmark.spi.SignatureVerificationEngine;

import java.security.PublicKey;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Verification on one curve through the engine selected for it, with each key's {@link PreparedVerifier} built once
 * and shared by all threads. Keys are matched by identity: a {@link dev.hallmark.jwk.Jwk} keeps one JCA key object
 * for its life, so the lookup is a scan of a short array with no hashing of key material and no allocation. The most
 * recent {@value #CAPACITY} keys are kept; older ones are prepared again if they return.
 *
 * <p>An engine other than the JDK's that throws is reported once and the JDK engine answers instead, so a broken
 * engine can slow verification down but never change its outcome into an error.
 */
final class PreparedVerifiers {

    static final int CAPACITY = 32;

    private record Entry(PublicKey key, PreparedVerifier verifier, SignatureVerificationEngine engine) {
    }

    private final SignatureCurve curve;
    private final Function<PublicKey, byte[]> encoder;
    private final Supplier<SignatureVerificationEngine> selected;
    private volatile Entry[] entries = new Entry[0];

    /**
     * @param encoder the key's encoding as {@link SignatureCurve#encodedPublicKeyLength()} describes; throws
     *                ClassCastException for a key of the wrong type
     */
    PreparedVerifiers(SignatureCurve curve, Function<PublicKey, byte[]> encoder) {
        this(curve, encoder, () -> EngineRegistry.get().engineFor(curve));
    }

    /** With the engine given rather than looked up on first use (tests). */
    PreparedVerifiers(SignatureCurve curve, Function<PublicKey, byte[]> encoder,
                      Supplier<SignatureVerificationEngine> selected) {
        this.curve = curve;
        this.encoder = encoder;
        this.selected = selected;
    }

    boolean verify(PublicKey key, byte[] data, int off, int len, byte[] signature) {
        Entry entry = find(key);
        if (entry == null) {
            entry = prepare(key);
        }
        if (entry.engine == JcaVerificationEngine.INSTANCE) {
            return entry.verifier.verify(data, off, len, signature);
        }
        try {
            return entry.verifier.verify(data, off, len, signature);
        } catch (RuntimeException | LinkageError e) {
            EngineRegistry.reportFailure(entry.engine.name(), e);
            return JcaVerificationEngine.INSTANCE.prepare(curve, key, null).verify(data, off, len, signature);
        }
    }

    private Entry find(PublicKey key) {
        for (Entry e : entries) {
            if (e.key == key) {
                return e;
            }
        }
        return null;
    }

    private Entry prepare(PublicKey key) {
        byte[] encoded = encoder.apply(key);
        SignatureVerificationEngine engine = selected.get();
        PreparedVerifier verifier = null;
        if (engine != JcaVerificationEngine.INSTANCE) {
            try {
                verifier = engine.prepare(curve, key, encoded.clone());
                if (verifier == null) {
                    throw new IllegalStateException("prepare returned null");
                }
            } catch (RuntimeException | LinkageError e) {
                EngineRegistry.reportFailure(engine.name(), e);
                verifier = null;
            }
        }
        if (verifier == null) {
            engine = JcaVerificationEngine.INSTANCE;
            verifier = engine.prepare(curve, key, encoded);
        }
        Entry entry = new Entry(key, verifier, engine);
        remember(entry);
        return entry;
    }

    private synchronized void remember(Entry entry) {
        Entry[] old = entries;
        for (Entry e : old) {
            if (e.key == entry.key) {
                return; // another thread prepared it meanwhile; either verifier answers the same
            }
        }
        int keep = Math.min(old.length, CAPACITY - 1);
        Entry[] next = new Entry[keep + 1];
        next[0] = entry;
        System.arraycopy(old, 0, next, 1, keep);
        entries = next;
    }
}
