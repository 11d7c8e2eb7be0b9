package dev.hallmark.examples.orders;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;

/**
 * {@code examples/orders-api/run [--issuer URL] [--host H] [--port P] [--client ID:SECRET] [--poll-interval S]}.
 * The client credentials may also come from {@code ORDERS_API_CLIENT} so that the secret stays out of the process
 * list.
 */
public final class Main {

    static final String USAGE = """
            usage: examples/orders-api/run [options]
              --issuer URL         the issuer to trust, found by discovery (default http://127.0.0.1:8080)
              --host HOST          address to listen on (default 127.0.0.1)
              --port PORT          port (default 8081; 0 picks a free one)
              --client ID:SECRET   client credentials for the issuer's revocation feed (or ORDERS_API_CLIENT);
                                   without them revoked tokens work until they expire
              --poll-interval S    seconds between revocation-feed polls (default 30)
            endpoints: GET /orders (scope orders:read), POST /orders {"item":"..."} (orders:write), GET /me, GET /health
            """;

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) throws Exception {
        String issuer = "http://127.0.0.1:8080";
        String host = "127.0.0.1";
        int port = 8081;
        String client = env.get("ORDERS_API_CLIENT");
        Duration poll = Duration.ofSeconds(30);
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (a.equals("--help") || a.equals("-h")) {
                    out.print(USAGE);
                    return 0;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("unknown option or missing value: " + a);
                }
                String v = args[++i];
                switch (a) {
                    case "--issuer" -> issuer = v;
                    case "--host" -> host = v;
                    case "--port" -> port = Integer.parseInt(v);
                    case "--client" -> client = v;
                    case "--poll-interval" -> poll = Duration.ofSeconds(Long.parseLong(v));
                    default -> throw new IllegalArgumentException("unknown option: " + a);
                }
            }
            if (client != null && client.indexOf(':') <= 0) {
                throw new IllegalArgumentException("--client is ID:SECRET");
            }
        } catch (IllegalArgumentException e) {
            err.println("orders-api: " + e.getMessage());
            err.print(USAGE);
            return 2;
        }
        OrdersService.Builder b = OrdersService.builder(issuer).host(host).port(port).revocationPollInterval(poll);
        if (client != null) {
            int colon = client.indexOf(':');
            b.revocationFeed(client.substring(0, colon), client.substring(colon + 1));
        }
        OrdersService service;
        try {
            service = b.start();
        } catch (IllegalStateException | IllegalArgumentException e) {
            // discovery failed or the issuer URL is unusable: say so in one line, no stack trace
            err.println("orders-api: cannot start: " + e.getMessage());
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                service.close();
            } catch (Exception e) {
                // stopping anyway
            }
        }, "orders-api-shutdown"));
        out.println("orders-api: listening on " + service.uri("") + ", trusting " + issuer
                + (service.followsRevocations() ? " (revocation feed followed)"
                        : " (revocations NOT followed: no --client)")
                + "; Ctrl-C stops");
        out.println("  curl -H \"Authorization: Bearer $TOKEN\" " + service.uri("/me"));
        out.flush();
        service.join();
        return 0;
    }
}
