package dev.hallmark.examples.orders;

import dev.hallmark.jwt.JwtVerifier;

import java.net.URI;
import java.time.Clock;
import java.util.Objects;

/**
 * The whole example service: a verifier that trusts one issuer through discovery (its pinned {@code iss}, its JWK Set
 * cached by a {@link dev.hallmark.jwk.RemoteJwkSet}), the RFC 9068 access-token profile with this API's audience,
 * and the {@link OrdersApi} in front of it.
 *
 * <pre>{@code
 * try (OrdersService service = OrdersService.builder("https://auth.example.com").port(8081).start()) {
 *     service.join();
 * }
 * }</pre>
 */
public final class OrdersService implements AutoCloseable {

    private final JwtVerifier verifier;
    private final OrdersApi api;

    private OrdersService(JwtVerifier verifier, OrdersApi api) {
        this.verifier = verifier;
        this.api = api;
    }

    public static Builder builder(String issuer) {
        return new Builder(issuer);
    }

    public URI uri(String path) {
        return api.uri(path);
    }

    public void join() throws InterruptedException {
        api.join();
    }

    /** Stops HTTP, then the key set's background refresh. */
    @Override
    public void close() throws Exception {
        try {
            api.close();
        } finally {
            verifier.close();
        }
    }

    /** Settings of the service; {@link #start()} reads the issuer's metadata, so the issuer must be up. */
    public static final class Builder {
        private final String issuer;
        private String host = "127.0.0.1";
        private int port = 8081;
        private Clock clock = Clock.systemUTC();

        private Builder(String issuer) {
            this.issuer = Objects.requireNonNull(issuer, "issuer");
        }

        public Builder host(String value) {
            this.host = Objects.requireNonNull(value, "host");
            return this;
        }

        /** The port; 0 picks a free one. */
        public Builder port(int value) {
            this.port = value;
            return this;
        }

        /** The clock of every time decision: token lifetimes, the JWK Set cache and cooldown. */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        public OrdersService start() throws Exception {
            JwtVerifier verifier = JwtVerifier.builder()
                    .issuerDiscovery(issuer)
                    .expectAudience(OrdersApi.AUDIENCE)
                    .accessTokenProfile()
                    .clock(clock)
                    .build();
            try {
                return new OrdersService(verifier, OrdersApi.start(verifier, host, port, clock));
            } catch (Exception | Error e) {
                verifier.close();
                throw e;
            }
        }
    }
}
