package dev.hallmark.examples.orders;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line of the example, in-process; start-up against a real issuer is in {@link RunScriptIT}. */
class MainTest {

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(Map<String, String> env, String... args) throws Exception {
        return Main.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void helpListsOptionsAndEndpoints() throws Exception {
        assertThat(run(Map.of(), "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--issuer URL", "--client ID:SECRET",
                "GET /orders (scope orders:read)");
    }

    @Test
    void unknownOptionsAndMalformedCredentialsAreUsageErrors() throws Exception {
        assertThat(run(Map.of(), "--colour", "blue")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown option: --colour", "usage:");
        assertThat(run(Map.of(), "--client", "no-colon")).isEqualTo(2);
        assertThat(run(Map.of("ORDERS_API_CLIENT", ":secret"))).isEqualTo(2);
        assertThat(run(Map.of(), "--port")).isEqualTo(2);
    }

    @Test
    void anUnreachableIssuerIsOneLineAndExitOne() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        assertThat(run(Map.of(), "--issuer", "http://127.0.0.1:" + closedPort, "--port", "0")).isEqualTo(1);
        String e = err.toString(StandardCharsets.UTF_8);
        assertThat(e).startsWith("orders-api: cannot start: issuer discovery for http://127.0.0.1:" + closedPort);
        assertThat(e.strip().lines()).hasSize(1);
    }

    @Test
    void aPlainHttpIssuerOffLoopbackIsRefused() throws Exception {
        assertThat(run(Map.of(), "--issuer", "http://auth.example.com", "--port", "0")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot start");
    }
}
