package dev.hallmark;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Asserts that an operation is rejected with a {@link JoseException} of one exact {@link Reason}. */
public final class Rejection {

    private Rejection() {
    }

    /** Runs {@code call}, asserts it threw a {@code JoseException} with {@code reason}, and returns it. */
    public static JoseException assertRejected(ThrowingCallable call, Reason reason) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).as("expected a JoseException with reason %s", reason).isInstanceOf(JoseException.class);
        JoseException e = (JoseException) thrown;
        assertThat(e.reason()).as("reason of \"%s\"", e.getMessage()).isEqualTo(reason);
        assertThat(e.getMessage()).startsWith(reason + ": ");
        return e;
    }
}
