package dev.hallmark.vectors;

import dev.hallmark.JoseException;
import dev.hallmark.Reason;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Assertions on the stable {@link Reason} of a rejection. */
public final class JoseAssertions {

    private JoseAssertions() {
    }

    /** Asserts that {@code call} throws a {@link JoseException} with exactly {@code reason}. */
    public static void assertRejected(ThrowingCallable call, Reason reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(JoseException.class,
                e -> assertThat(e.reason()).as("reason of: %s", e.getMessage()).isEqualTo(reason));
    }
}
