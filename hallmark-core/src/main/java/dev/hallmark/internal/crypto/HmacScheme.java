package dev.hallmark.internal.crypto;

import dev.hallmark.internal.codec.ConstantTime;

import java.security.GeneralSecurityException;
import java.security.Key;
import javax.crypto.Mac;

/**
 * HS256/384/512 (RFC 7518 §3.2): full-length tags only, compared in constant time. Each thread keeps its own
 * {@link Mac} and skips re-initialisation while the key stays the same: {@code doFinal} leaves a Mac initialised
 * with its key, and keying HMAC costs as much as hashing a short token.
 */
public final class HmacScheme implements SignatureScheme {

    private final String jcaName;
    private final ThreadLocal<KeyedEngine<Mac>> macs;

    public HmacScheme(String jcaName) {
        this.jcaName = jcaName;
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                return new KeyedEngine<>(Mac.getInstance(jcaName));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(jcaName + " unavailable", e);
            }
        });
    }

    @Override
    public byte[] sign(Key key, byte[] data) {
        return mac(key, data, 0, data.length);
    }

    @Override
    public boolean verify(Key key, byte[] data, int off, int len, byte[] signature) {
        return ConstantTime.equal(mac(key, data, off, len), signature);
    }

    private byte[] mac(Key key, byte[] data, int off, int len) {
        KeyedEngine<Mac> holder = macs.get();
        Mac mac = holder.engine;
        if (holder.key != key) {
            holder.key = null;
            try {
                mac.init(key);
            } catch (GeneralSecurityException e) {
                throw new IllegalArgumentException(jcaName + " cannot use this key", e);
            }
            holder.key = key;
        }
        mac.update(data, off, len);
        return mac.doFinal();
    }
}
