package dev.hallmark.internal.crypto;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.AlgorithmParameterSpec;

/**
 * Signing with RS*, PS*, ES* and EdDSA, and verification of PS*, through {@link Signature} ({@link RsaScheme}
 * verifies RS* itself, more strictly than the JDK; {@link EcdsaScheme} and {@link EdDsaScheme} verify through the
 * selected {@link dev.hallmark.spi.SignatureVerificationEngine}). Signature lengths are checked here before the JDK
 * sees them.
 */
public class JcaSignatureScheme implements SignatureScheme {

    private final String jcaName;
    private final AlgorithmParameterSpec params;
    private final ThreadLocal<KeyedEngine<Signature>> signers;
    private final ThreadLocal<KeyedEngine<Signature>> verifiers;

    public JcaSignatureScheme(String jcaName, AlgorithmParameterSpec params) {
        this.jcaName = jcaName;
        this.params = params;
        this.signers = ThreadLocal.withInitial(this::newEngine);
        this.verifiers = ThreadLocal.withInitial(this::newEngine);
    }

    private KeyedEngine<Signature> newEngine() {
        try {
            Signature s = Signature.getInstance(jcaName);
            if (params != null) {
                s.setParameter(params);
            }
            return new KeyedEngine<>(s);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(jcaName + " unavailable", e);
        }
    }

    /**
     * Signs with a per-thread engine. {@code sign()} returns an engine to its initialised state, so the key is set
     * again only when it changes (by identity); a failure clears it.
     */
    @Override
    public byte[] sign(Key key, byte[] data) {
        KeyedEngine<Signature> holder = signers.get();
        Signature s = holder.engine;
        try {
            if (holder.key != key) {
                holder.key = null;
                s.initSign((PrivateKey) key);
                holder.key = key;
            }
            s.update(data);
            return s.sign();
        } catch (GeneralSecurityException | ClassCastException e) {
            holder.key = null;
            throw new IllegalArgumentException(jcaName + " cannot sign with this key", e);
        }
    }

    @Override
    public boolean verify(Key key, byte[] data, int off, int len, byte[] signature) {
        if (!lengthOk((PublicKey) key, signature)) {
            return false;
        }
        KeyedEngine<Signature> holder = verifiers.get();
        Signature s = holder.engine;
        if (holder.key != key) {
            holder.key = null;
            try {
                s.initVerify((PublicKey) key);
            } catch (InvalidKeyException e) {
                throw new IllegalArgumentException(jcaName + " cannot verify with this key", e);
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

    /** Exact signature length for the key; the base class accepts any length the JDK accepts. */
    protected boolean lengthOk(PublicKey key, byte[] signature) {
        return true;
    }

    protected String jcaName() {
        return jcaName;
    }

    protected AlgorithmParameterSpec params() {
        return params;
    }
}
