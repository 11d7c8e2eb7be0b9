package dev.hallmark.jws;

import dev.hallmark.internal.access.JwsAccess;
import dev.hallmark.jwk.Jwk;

import java.nio.charset.StandardCharsets;

/**
 * A JWS whose signature was verified with a trusted key. Only {@link JwsVerifier} makes one.
 *
 * <pre>{@code
 * VerifiedJws jws = verifier.verify(compact);
 * byte[] payload = jws.payload();
 * }</pre>
 */
public final class VerifiedJws {

    static {
        JwsAccess.setPayloadReader(VerifiedJws::payloadUnsafe);
    }

    private final JwsHeader header;
    private final byte[] payload;
    private final Jwk key;
    private final JwsAlgorithm algorithm;

    VerifiedJws(JwsHeader header, byte[] payload, Jwk key, JwsAlgorithm algorithm) {
        this.header = header;
        this.payload = payload;
        this.key = key;
        this.algorithm = algorithm;
    }

    public JwsHeader header() {
        return header;
    }

    public JwsAlgorithm algorithm() {
        return algorithm;
    }

    /** A copy of the verified payload. */
    public byte[] payload() {
        return payload.clone();
    }

    public String payloadAsString() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    /** The trusted key whose signature verified (its public form for asymmetric keys). */
    public Jwk key() {
        return key;
    }

    /** The payload without copying, for the JWT layer in this module (through {@link JwsAccess}). */
    private byte[] payloadUnsafe() {
        return payload;
    }

    @Override
    public String toString() {
        return "VerifiedJws{alg=" + algorithm + ", kid=" + header.keyId().orElse("-") + ", payload="
                + payload.length + " bytes}";
    }
}
