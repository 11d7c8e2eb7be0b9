package dev.hallmark.internal.access;

import dev.hallmark.jws.VerifiedJws;

import java.util.Objects;
import java.util.function.Function;

/**
 * The JWT layer's view of a {@link VerifiedJws}'s own payload array: {@link VerifiedJws#payload()} copies for its
 * callers, and a verifier that parses the claims of every token would copy for nothing. Not API.
 */
public final class JwsAccess {

    private static volatile Function<VerifiedJws, byte[]> payloads;

    private JwsAccess() {
    }

    /** Called once, by {@link VerifiedJws}'s class initialisation. */
    public static void setPayloadReader(Function<VerifiedJws, byte[]> reader) {
        if (payloads != null) {
            throw new IllegalStateException("payload reader already set");
        }
        payloads = Objects.requireNonNull(reader, "reader");
    }

    /**
     * The verified payload itself, not a copy; the caller must never change it. The {@link VerifiedJws} exists, so
     * its class initialisation, which sets the reader, has run.
     */
    public static byte[] payload(VerifiedJws jws) {
        return payloads.apply(jws);
    }
}
