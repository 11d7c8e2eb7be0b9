package dev.hallmark.server.http;

import dev.hallmark.server.store.Store;

import java.util.Map;

/** {@code GET /health}: 200 when the store answers, 503 otherwise. */
public final class HealthEndpoint implements Endpoint {

    private final Store store;

    public HealthEndpoint(Store store) {
        this.store = store;
    }

    @Override
    public void handle(Exchange x) {
        boolean ok = store.isHealthy();
        x.json(ok ? 200 : 503, Map.of("status", ok ? "ok" : "store unavailable"));
    }
}
