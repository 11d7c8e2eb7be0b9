package dev.hallmark.examples.orders;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example as a user runs it: {@code examples/orders-api/run} as a real process (the packaged jar, so no build
 * happens here), against the issuer running in this JVM. Two processes, real HTTP between them.
 */
class RunScriptIT {

    static final Pattern LISTENING = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)");

    @TempDir
    Path dir;

    @Test
    void theRunScriptStartsTheApiWhichTrustsTheIssuerAndFollowsItsRevocations() throws Exception {
        Path script = Path.of("run").toAbsolutePath();
        assertThat(Files.isExecutable(script)).isTrue();
        try (Issuer issuer = new Issuer(dir)) {
            ProcessBuilder pb = new ProcessBuilder(script.toString(), "--issuer", issuer.base(), "--port", "0",
                    "--poll-interval", "1").redirectErrorStream(true);
            // credentials from the environment keep the secret out of the process list
            pb.environment().put("ORDERS_API_CLIENT", Issuer.API_CLIENT + ":" + issuer.apiSecret);
            Process process = pb.start();
            List<String> output = new CopyOnWriteArrayList<>();
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        output.add(line);
                        lines.add(line);
                    }
                } catch (java.io.IOException e) {
                    // the process ended
                }
            });
            reader.setDaemon(true);
            reader.start();
            try {
                String base = awaitListening(lines, process);
                assertThat(output).anyMatch(l -> l.contains("(revocation feed followed)"));
                assertThat(String.join("\n", output)).doesNotContain(issuer.apiSecret);

                HttpClient http = HttpClient.newHttpClient();
                String token = issuer.passwordToken(Issuer.WEB, issuer.webSecret, "orders:read");
                HttpRequest call = HttpRequest.newBuilder(URI.create(base + "/orders"))
                        .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(20)).build();
                assertThat(http.send(call, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

                issuer.revoke(token);
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                int status = 200;
                while (status == 200 && System.nanoTime() < deadline) {
                    Thread.sleep(250);
                    status = http.send(call, HttpResponse.BodyHandlers.discarding()).statusCode();
                }
                assertThat(status).isEqualTo(401);
                assertThat(String.join("\n", output)).doesNotContain(token);
            } finally {
                process.destroy();
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
        }
    }

    private static String awaitListening(BlockingQueue<String> lines, Process process) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(500, TimeUnit.MILLISECONDS);
            if (line != null) {
                Matcher m = LISTENING.matcher(line);
                if (m.find()) {
                    return m.group(1);
                }
            } else if (!process.isAlive()) {
                throw new AssertionError("the API exited with " + process.exitValue());
            }
        }
        throw new AssertionError("the API did not say it was listening");
    }
}
