package dev.hallmark.examples.orders;

import dev.hallmark.jwt.JwtVerifier;
import dev.hallmark.servlet.JwtAuthenticationFilter;
import jakarta.servlet.DispatcherType;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

import java.net.URI;
import java.time.Clock;
import java.util.EnumSet;

/**
 * The orders API on embedded Jetty 12 (ee10), every request through {@link JwtAuthenticationFilter}.
 *
 * <pre>{@code
 * try (OrdersApi api = OrdersApi.start(verifier, "127.0.0.1", 8081, Clock.systemUTC())) {
 *     api.join();
 * }
 * }</pre>
 */
public final class OrdersApi implements AutoCloseable {

    /** The {@code aud} this API expects: tokens for other APIs are refused. */
    public static final String AUDIENCE = "orders-api";
    public static final String READ_SCOPE = "orders:read";
    public static final String WRITE_SCOPE = "orders:write";
    /** The access-token cookie the issuer's cookie login sets; browsers send it to every port of the host. */
    public static final String COOKIE = "__Host-hallmark-at";

    private final Server jetty;
    private final String base;

    private OrdersApi(Server jetty, String base) {
        this.jetty = jetty;
        this.base = base;
    }

    /** The filter of this API: the scope table in one place. */
    public static JwtAuthenticationFilter filter(JwtVerifier verifier) {
        return JwtAuthenticationFilter.builder(verifier)
                .realm(AUDIENCE)
                .cookie(COOKIE)
                .publicPath("/health")
                .requireScopes("GET /orders/*", READ_SCOPE)
                .requireScopes("POST /orders/*", WRITE_SCOPE)
                .build();
    }

    /** Starts the API on {@code host:port} (0 picks a free port). */
    public static OrdersApi start(JwtVerifier verifier, String host, int port, Clock clock) throws Exception {
        Server jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost(host);
        connector.setPort(port);
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        context.addFilter(new FilterHolder(filter(verifier)), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new OrdersServlet(clock)), "/orders/*");
        context.addServlet(new ServletHolder(new MeServlet()), "/me");
        context.addServlet(new ServletHolder(new HealthServlet()), "/health");
        jetty.setHandler(context);
        jetty.setStopTimeout(5_000);
        jetty.start();
        String hostForUrl = host.contains(":") ? "[" + host + "]" : host;
        return new OrdersApi(jetty, "http://" + hostForUrl + ":" + connector.getLocalPort());
    }

    public URI uri(String path) {
        return URI.create(base + path);
    }

    public void join() throws InterruptedException {
        jetty.join();
    }

    @Override
    public void close() throws Exception {
        jetty.stop();
    }
}
