package dev.hallmark.server.keys;

import java.security.GeneralSecurityException;

/**
 * A sealed value could not be opened by {@link MasterKey#decrypt(String, String)}: it is malformed, was sealed under
 * another master key or with other associated data, or was changed after sealing. Checked on purpose: the usual cause
 * in operation is a wrong or lost master key after a restore, and callers must decide what to tell the operator.
 *
 * <p>The message never contains the sealed value, the plaintext or key material.
 */
public final class SealedDataException extends GeneralSecurityException {

    private static final long serialVersionUID = 1L;

    SealedDataException(String message) {
        super(message);
    }

    SealedDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
