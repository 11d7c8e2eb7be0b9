package dev.hallmark.servlet;

import dev.hallmark.jwt.VerifiedJwt;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumSet;

/**
 * The filter in a real Jetty 12 ee10 servlet container on a loopback port, in front of a servlet that echoes what
 * the application sees: one {@code name=value} line per fact, and {@code role:R=true|false} for each {@code role}
 * query parameter.
 */
final class FilterServer implements AutoCloseable {

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Server jetty;
    private final String base;

    FilterServer(JwtAuthenticationFilter filter) throws Exception {
        jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        context.addFilter(new FilterHolder(filter), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new EchoServlet()), "/*");
        jetty.setHandler(context);
        jetty.start();
        base = "http://127.0.0.1:" + connector.getLocalPort();
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10));
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder r = request(path).GET();
        for (int i = 0; i < headers.length; i += 2) {
            r.header(headers[i], headers[i + 1]);
        }
        return send(r);
    }

    @Override
    public void close() throws Exception {
        jetty.stop();
    }

    private static final class EchoServlet extends HttpServlet {
        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            StringBuilder out = new StringBuilder();
            out.append("method=").append(req.getMethod()).append('\n');
            out.append("name=").append(req.getUserPrincipal() == null ? "-" : req.getUserPrincipal().getName())
                    .append('\n');
            out.append("remoteUser=").append(req.getRemoteUser()).append('\n');
            out.append("authType=").append(req.getAuthType()).append('\n');
            Object jwt = req.getAttribute(JwtAuthenticationFilter.VERIFIED_JWT_ATTRIBUTE);
            out.append("jti=").append(jwt instanceof VerifiedJwt v ? v.claims().jwtId().orElse("?") : "-")
                    .append('\n');
            String[] roles = req.getParameterValues("role");
            if (roles != null) {
                for (String role : roles) {
                    out.append("role:").append(role).append('=').append(req.isUserInRole(role)).append('\n');
                }
            }
            resp.setContentType("text/plain");
            resp.getWriter().write(out.toString());
        }
    }
}
