package dev.hallmark;

import java.util.Objects;

/**
 * A token, key or JOSE object was rejected. Always carries a {@link Reason}; the message says what failed and,
 * where it helps, which RFC section, and never contains key material or token contents beyond header values.
 *
 * <pre>{@code
 * try {
 *     VerifiedJwt jwt = verifier.verify(token);
 * } catch (JoseException e) {
 *     switch (e.reason()) {
 *         case EXPIRED -> refreshAndRetry();
 *         default -> respond401(e.reason());
 *     }
 * }
 * }</pre>
 *
 * <p>Rejections are an expected outcome under attack, so this exception does not capture a stack trace unless it
 * wraps a cause: filling one in for every forged token would make rejection far more expensive than acceptance.
 */
public final class JoseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Reason reason;

    public JoseException(Reason reason, String message) {
        super(Objects.requireNonNull(reason, "reason") + ": " + Objects.requireNonNull(message, "message"),
                null, false, false);
        this.reason = reason;
    }

    public JoseException(Reason reason, String message, Throwable cause) {
        super(Objects.requireNonNull(reason, "reason") + ": " + Objects.requireNonNull(message, "message"),
                cause, false, true);
        this.reason = reason;
    }

    /** The stable code of this rejection. */
    public Reason reason() {
        return reason;
    }
}
