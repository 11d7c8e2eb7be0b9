package dev.hallmark.examples.orders;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code /orders}: GET lists the caller's orders, POST {@code {"item":"..."}} adds one. Scopes are the filter's
 * business; this servlet only reads who the caller is. Orders live in memory.
 */
final class OrdersServlet extends HttpServlet {

    private static final int MAX_BODY = 8 * 1024;

    private record Order(long id, String owner, String item, String created) {
        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", id);
            m.put("item", item);
            m.put("created", created);
            return m;
        }
    }

    private final transient List<Order> orders = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong();
    private final transient Clock clock;

    OrdersServlet(Clock clock) {
        this.clock = clock;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String owner = req.getUserPrincipal().getName();
        List<Object> mine = new ArrayList<>();
        for (Order o : orders) {
            if (o.owner().equals(owner)) {
                mine.add(o.json());
            }
        }
        Json.send(resp, 200, Map.of("orders", mine));
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Optional<String> item = readBody(req).flatMap(body -> Json.stringMember(body, "item"))
                .filter(s -> !s.isBlank() && s.length() <= 200);
        if (item.isEmpty()) {
            Json.send(resp, 400, Map.of("error", "expected a JSON object with a string \"item\" (1 to 200 chars)"));
            return;
        }
        Order order = new Order(ids.incrementAndGet(), req.getUserPrincipal().getName(), item.get(),
                clock.instant().toString());
        orders.add(order);
        resp.setHeader("Location", req.getContextPath() + "/orders/" + order.id());
        Json.send(resp, 201, order.json());
    }

    private static Optional<String> readBody(HttpServletRequest req) throws IOException {
        try (InputStream in = req.getInputStream()) {
            byte[] body = in.readNBytes(MAX_BODY + 1);
            return body.length > MAX_BODY ? Optional.empty() : Optional.of(new String(body, StandardCharsets.UTF_8));
        }
    }
}
