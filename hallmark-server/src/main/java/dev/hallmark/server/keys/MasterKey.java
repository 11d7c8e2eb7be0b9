package dev.hallmark.server.keys;

/** Placeholder replaced by the full implementation from the config branch at merge. */
public final class MasterKey {
    private final javax.crypto.SecretKey key;

    public MasterKey(byte[] raw) {
        this.key = new javax.crypto.spec.SecretKeySpec(raw.clone(), "AES");
    }

    public String encrypt(byte[] plaintext, String associatedData) {
        try {
            byte[] nonce = new byte[12];
            new java.security.SecureRandom().nextBytes(nonce);
            javax.crypto.Cipher c = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
            c.init(javax.crypto.Cipher.ENCRYPT_MODE, key, new javax.crypto.spec.GCMParameterSpec(128, nonce));
            c.updateAAD(associatedData.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            byte[] ct = c.doFinal(plaintext);
            byte[] out = new byte[12 + ct.length];
            System.arraycopy(nonce, 0, out, 0, 12);
            System.arraycopy(ct, 0, out, 12, ct.length);
            return "v1." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public byte[] decrypt(String sealed, String associatedData) {
        try {
            byte[] in = java.util.Base64.getUrlDecoder().decode(sealed.substring(3));
            javax.crypto.Cipher c = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
            c.init(javax.crypto.Cipher.DECRYPT_MODE, key, new javax.crypto.spec.GCMParameterSpec(128, in, 0, 12));
            c.updateAAD(associatedData.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return c.doFinal(in, 12, in.length - 12);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt", e);
        }
    }
}
