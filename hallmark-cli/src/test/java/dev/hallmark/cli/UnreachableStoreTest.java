package dev.hallmark.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A store that cannot be opened is a usage problem (exit 2, one line naming the store without its password). */
class UnreachableStoreTest {

    @Test
    void adminAndServeReportAnUnreachableStoreAsUsageError() {
        String url = "postgres://hallmark:s3cret@127.0.0.1:1/nowhere";
        for (String[] args : new String[][] {{"admin", "users", "list", "--store", url}, {"serve", "--store", url}}) {
            Cli.Result r = Cli.run(args);
            assertThat(r.exitCode()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err()).startsWith("error: store ").doesNotContain("s3cret");
        }
    }
}
