package dev.hallmark.cli;

import static org.assertj.core.api.Assertions.assertThat;

/** The three outcomes every command test checks: exit code, stdout and stderr. */
final class CliAssertions {

    private CliAssertions() {
    }

    /** Exit 0 with nothing on stderr. */
    static Cli.Result assertSuccess(Cli.Result r) {
        assertThat(r.exitCode()).as("exit code of\n%s", r).isZero();
        assertThat(r.err()).as("stderr").isEmpty();
        return r;
    }

    /** Exit 2, nothing on stdout, and exactly this one line on stderr. */
    static void assertUsageError(Cli.Result r, String line) {
        assertThat(r.exitCode()).as("exit code of\n%s", r).isEqualTo(2);
        assertThat(r.out()).as("stdout").isEmpty();
        assertThat(r.errLines()).as("stderr").containsExactly(line);
    }

    /** Exit 2, nothing on stdout, and one stderr line that starts with this prefix. */
    static void assertUsageErrorStartingWith(Cli.Result r, String prefix) {
        assertThat(r.exitCode()).as("exit code of\n%s", r).isEqualTo(2);
        assertThat(r.out()).as("stdout").isEmpty();
        assertThat(r.errLines()).as("stderr").hasSize(1);
        assertThat(r.errLines().get(0)).startsWith(prefix);
    }

    /** Exit 1, nothing on stdout, and one stderr line {@code rejected: REASON: ...}. */
    static void assertRejected(Cli.Result r, String reason) {
        assertThat(r.exitCode()).as("exit code of\n%s", r).isEqualTo(1);
        assertThat(r.out()).as("stdout").isEmpty();
        assertThat(r.errLines()).as("stderr").hasSize(1);
        assertThat(r.errLines().get(0)).startsWith("rejected: " + reason + ": ");
    }
}
