package dev.hallmark.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./hallmark serve} as a real process for the failsafe tests: started through the launcher on a fixed
 * loopback port (so the issuer URL, and with it every token, stays the same across restarts), its stdout read line
 * by line, stopped with a real signal.
 */
final class ServeProcess implements AutoCloseable {

    static final Duration START_DEADLINE = Duration.ofSeconds(60);

    final Process process;
    final String base;
    final List<String> stdout = new CopyOnWriteArrayList<>();
    final Path stderrFile;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ServeProcess(Process process, String base, Path stderrFile) {
        this.process = process;
        this.base = base;
        this.stderrFile = stderrFile;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Starts {@code hallmark serve --data DIR --port PORT [extra...]} and waits for its "listening" line. */
    static ServeProcess start(Path launcher, Path dataDir, int port, String... extra) throws Exception {
        List<String> command = new ArrayList<>(List.of(launcher.toString(), "serve", "--data", dataDir.toString(),
                "--port", Integer.toString(port)));
        command.addAll(List.of(extra));
        Path err = Files.createTempFile("hallmark-serve-err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(command).directory(dataDir.getParent().toFile())
                .redirectError(err.toFile());
        pb.environment().put("HALLMARK_JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // cheap password hashing is not configurable from outside; the default Argon2id cost is what users get
        Process p = pb.start();
        ServeProcess s = new ServeProcess(p, "http://127.0.0.1:" + port, err);
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    s.stdout.add(line);
                    s.lines.add(line);
                }
            } catch (IOException ignored) {
                // the process went away
            }
        }, "serve-stdout");
        reader.setDaemon(true);
        reader.start();
        s.awaitLine("hallmark: issuer ", START_DEADLINE);
        return s;
    }

    /** The first line starting with {@code prefix}, waiting up to {@code deadline}. */
    String awaitLine(String prefix, Duration deadline) throws Exception {
        long end = System.nanoTime() + deadline.toNanos();
        while (true) {
            long left = end - System.nanoTime();
            String line = left <= 0 ? null : lines.poll(left, TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new AssertionError("no line starting with '" + prefix + "' within " + deadline + "; stdout: "
                        + stdout + "; stderr: " + stderr());
            }
            if (line.startsWith(prefix)) {
                return line;
            }
        }
    }

    String stderr() {
        try {
            return Files.readString(stderrFile);
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    HttpResponse<String> form(String path, String clientId, String secret, String... params) throws IOException,
            InterruptedException {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < params.length; i += 2) {
            if (body.length() > 0) {
                body.append('&');
            }
            body.append(URLEncoder.encode(params[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(params[i + 1], StandardCharsets.UTF_8));
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", basic(clientId, secret))
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path, String clientId, String secret) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", basic(clientId, secret)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** RFC 6749 §2.3.1: id and secret form-encoded, then HTTP Basic. */
    private static String basic(String clientId, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(secret, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
    }

    /** SIGTERM (what a service manager and Ctrl-C's cousin send); waits for the exit and returns its code. */
    int terminate(Duration deadline) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("serve did not stop within " + deadline + " of SIGTERM");
        }
        return process.exitValue();
    }

    /** SIGKILL: no shutdown hook, no flush, nothing. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        Files.deleteIfExists(stderrFile);
    }
}
