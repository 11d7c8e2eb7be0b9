package dev.hallmark.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * A real HTTP server on 127.0.0.1 (the JDK's com.sun.net.httpserver) whose routes the test sets and swaps, counting
 * the requests per path and recording what they carried.
 */
public final class LoopbackServer implements AutoCloseable {

    /** What a route answers; {@code delay} is slept before answering (to provoke timeouts). */
    public record Reply(int status, Map<String, String> headers, byte[] body, Duration delay) {

        public static Reply json(String body) {
            return new Reply(200, Map.of("Content-Type", "application/json"), body.getBytes(StandardCharsets.UTF_8),
                    Duration.ZERO);
        }

        public static Reply status(int status) {
            return new Reply(status, Map.of(), new byte[0], Duration.ZERO);
        }

        public Reply header(String name, String value) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(name, value);
            return new Reply(status, h, body, delay);
        }

        public Reply delayed(Duration d) {
            return new Reply(status, headers, body, d);
        }
    }

    /** One request as the server saw it. */
    public record Request(String path, String query, Map<String, List<String>> headers) {

        public String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "loopback-server");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Function<Request, Reply>> routes = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private boolean stopped;

    private LoopbackServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public static LoopbackServer start() {
        try {
            return new LoopbackServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Answers {@code path} with a fixed reply. */
    public LoopbackServer reply(String path, Reply reply) {
        routes.put(path, r -> reply);
        return this;
    }

    /** Answers {@code path} by computing a reply per request. */
    public LoopbackServer route(String path, Function<Request, Reply> handler) {
        routes.put(path, handler);
        return this;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    public String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Requests received for {@code path} so far. */
    public int count(String path) {
        AtomicInteger c = counts.get(path);
        return c == null ? 0 : c.get();
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Polls {@code condition} until it holds or a generous deadline passes (for background work, not timing). */
    public static boolean eventually(BooleanSupplier condition) {
        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            String path = x.getRequestURI().getPath();
            Request request = new Request(path, x.getRequestURI().getRawQuery(), Map.copyOf(x.getRequestHeaders()));
            requests.add(request);
            counts.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            Function<Request, Reply> route = routes.get(path);
            Reply reply = route == null ? Reply.status(404) : route.apply(request);
            if (!reply.delay().isZero()) {
                try {
                    Thread.sleep(reply.delay().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            // "Transfer-Encoding: chunked" asks for a body without Content-Length
            boolean chunked = "chunked".equals(reply.headers().get("Transfer-Encoding"));
            reply.headers().forEach((k, v) -> {
                if (!k.equals("Transfer-Encoding")) {
                    x.getResponseHeaders().add(k, v);
                }
            });
            byte[] body = reply.body();
            x.sendResponseHeaders(reply.status(), chunked ? 0 : body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = x.getResponseBody()) {
                    out.write(body);
                }
            }
        } catch (IOException | RuntimeException e) {
            // the client gave up (timeout tests); nothing to answer
        }
    }

    /** Stops the server (later connections are refused); idempotent, so a test may stop the "issuer" itself. */
    @Override
    public synchronized void close() {
        if (stopped) {
            return;
        }
        stopped = true;
        server.stop(0);
        executor.shutdownNow();
    }
}
