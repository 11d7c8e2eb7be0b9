package dev.hallmark.server.http;

import dev.hallmark.server.issue.OAuthException;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Dispatches by exact path and method. Unknown paths are 404; a known path with another method is 405 with
 * {@code Allow} (RFC 9110 §15.5.6). Domain refusals become RFC 6749 errors; anything unexpected is logged and
 * answered 500 without details.
 */
public final class Router extends Handler.Abstract {

    private static final Logger LOG = Logger.getLogger(Router.class.getName());

    private final Map<String, Map<String, Endpoint>> routes = new LinkedHashMap<>();
    private final int maxBodyBytes;
    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final Map<String, LatencyHistogram> latencies = new ConcurrentHashMap<>();

    public Router(int maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    /** Registers {@code endpoint} for {@code method} on {@code path}; call before the server starts. */
    public Router route(String method, String path, Endpoint endpoint) {
        routes.computeIfAbsent(path, p -> new LinkedHashMap<>()).put(method, endpoint);
        return this;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        long started = System.nanoTime();
        Exchange x = new Exchange(request, response, callback, maxBodyBytes);
        String path = x.path();
        Map<String, Endpoint> byMethod = routes.get(path);
        try {
            if (byMethod == null) {
                discardQuietly(x);
                x.json(404, Map.of("error", "not_found"));
            } else {
                Endpoint e = byMethod.get(x.method());
                if (e == null && x.method().equals("HEAD")) {
                    e = byMethod.get("GET");
                }
                if (e == null) {
                    Set<String> allow = new TreeSet<>(byMethod.keySet());
                    x.setHeader("Allow", String.join(", ", allow));
                    discardQuietly(x);
                    x.json(405, Map.of("error", "method_not_allowed"));
                } else {
                    e.handle(x);
                }
            }
        } catch (OAuthException e) {
            // endpoints refuse as early as they can, often before reading the body (a bad content type, bad client
            // credentials): read it away here, for every endpoint, so the connection survives the refusal
            discardQuietly(x);
            OAuthErrors.send(x, e);
        } catch (HttpStatusException e) {
            discardQuietly(x);
            OAuthErrors.send(x, e.status(), e.error(), e.getMessage());
        } catch (Exception e) {
            LOG.log(Level.WARNING, "request to " + path + " failed", e);
            if (!x.committed()) {
                OAuthErrors.send(x, 500, "server_error", "internal error");
            } else {
                callback.failed(e);
            }
        }
        String label = byMethod == null ? "other" : path;
        count(label, x.status());
        latencies.computeIfAbsent(label, k -> new LatencyHistogram()).record(System.nanoTime() - started);
        return true;
    }

    /**
     * Reads away a body nobody will look at: answering before the client has sent it makes Jetty close the
     * connection, and a client reusing it then fails its next request. A body already read reads as empty; an
     * oversized one is drained up to a bound by {@link Exchange#discardBody}.
     */
    private static void discardQuietly(Exchange x) {
        try {
            x.discardBody();
        } catch (RuntimeException ignored) {
            // an unreadable or oversized body changes nothing about a 404 or 405
        }
    }

    private void count(String path, int status) {
        requests.computeIfAbsent(path + " " + status, k -> new LongAdder()).increment();
    }

    /** Request latency histograms by path (registered paths, or {@code other}), for metrics. */
    public Map<String, LatencyHistogram.Snapshot> latencies() {
        Map<String, LatencyHistogram.Snapshot> out = new java.util.TreeMap<>();
        latencies.forEach((k, v) -> out.put(k, v.snapshot()));
        return out;
    }

    /** Requests so far by {@code "path status"}, for metrics. */
    public Map<String, Long> requestCounts() {
        Map<String, Long> out = new java.util.TreeMap<>();
        requests.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
