package dev.hallmark.examples.orders;

import dev.hallmark.jwt.JwtVerifier;
import dev.hallmark.jwt.RevocationFeed;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * The whole example service: a verifier that trusts one issuer through discovery (its pinned {@code iss}, its JWK Set
 * cached by a {@link dev.hallmark.jwk.RemoteJwkSet}), the RFC 9068 access-token profile with this API's audience,
 * the issuer's revocation feed when client credentials are given, a verified-token cache, and the
 * {@link OrdersApi} in front of it.
 *
 * <pre>{@code
 * try (OrdersService service = OrdersService.builder("https://auth.example.com").port(8081).start()) {
 *     service.join();
 * }
 * }</pre>
 */
public final class OrdersService implements AutoCloseable {

    private final JwtVerifier verifier;
    private final RevocationFeed feed;
    private final OrdersApi api;

    private OrdersService(JwtVerifier verifier, RevocationFeed feed, OrdersApi api) {
        this.verifier = verifier;
        this.feed = feed;
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

    /** Whether revoked tokens are refused (a feed is followed). */
    public boolean followsRevocations() {
        return feed != null;
    }

    /** Stops HTTP, then the key set's background refresh and the feed's polling. */
    @Override
    public void close() throws Exception {
        try {
            api.close();
        } finally {
            stopBackgroundWork(verifier, feed);
        }
    }

    private static void stopBackgroundWork(JwtVerifier verifier, RevocationFeed feed) {
        verifier.close();
        if (feed != null) {
            feed.close();
        }
    }

    /** Settings of the service; {@link #start()} reads the issuer's metadata, so the issuer must be up. */
    public static final class Builder {
        private final String issuer;
        private String host = "127.0.0.1";
        private int port = 8081;
        private Clock clock = Clock.systemUTC();
        private String feedClientId;
        private String feedClientSecret;
        private Duration feedInterval = Duration.ofSeconds(30);

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

        /**
         * Follows the issuer's revocation feed ({@code ISSUER/oauth2/revocations}), authenticating as this client:
         * revoked tokens are refused within about one poll interval. Without it only expiry ends a token.
         */
        public Builder revocationFeed(String clientId, String clientSecret) {
            this.feedClientId = Objects.requireNonNull(clientId, "clientId");
            this.feedClientSecret = Objects.requireNonNull(clientSecret, "clientSecret");
            return this;
        }

        /** Time between polls of the revocation feed; default 30 s. */
        public Builder revocationPollInterval(Duration value) {
            this.feedInterval = Objects.requireNonNull(value, "interval");
            return this;
        }

        public OrdersService start() throws Exception {
            RevocationFeed feed = feedClientId == null ? null
                    : RevocationFeed.builderFromIssuer(issuer)
                            .clientCredentials(feedClientId, feedClientSecret)
                            .pollInterval(feedInterval).clock(clock).build();
            JwtVerifier verifier = null;
            try {
                JwtVerifier.Builder b = JwtVerifier.builder()
                        .issuerDiscovery(issuer)
                        .expectAudience(OrdersApi.AUDIENCE)
                        .accessTokenProfile()
                        // a client repeats its token on every call: skip the signature for tokens seen before
                        // (time, revocation and key-set changes are still checked on every hit)
                        .verifiedTokenCache(10_000)
                        .clock(clock);
                if (feed != null) {
                    b.revocationCheck(feed);
                }
                verifier = b.build();
                return new OrdersService(verifier, feed, OrdersApi.start(verifier, host, port, clock));
            } catch (Exception | Error e) {
                if (verifier != null) {
                    verifier.close();
                }
                if (feed != null) {
                    feed.close();
                }
                throw e;
            }
        }
    }
}
