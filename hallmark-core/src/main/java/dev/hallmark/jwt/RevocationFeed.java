package dev.hallmark.jwt;

import dev.hallmark.JoseException;
import dev.hallmark.Limits;
import dev.hallmark.internal.http.DaemonScheduler;
import dev.hallmark.internal.http.FetchException;
import dev.hallmark.internal.http.HttpFetcher;
import dev.hallmark.internal.json.StrictJson;

import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link RevocationCheck} that follows an issuer's revocation feed ({@code GET /oauth2/revocations?since=CURSOR},
 * HTTP Basic client authentication as in RFC 6749 §2.3.1): revoked access-token {@code jti}s with their {@code exp},
 * polled in the background, so each verification is a map lookup rather than an introspection call.
 *
 * <pre>{@code
 * try (RevocationFeed feed = RevocationFeed.builder(URI.create("https://auth.example.com/oauth2/revocations"))
 *         .clientCredentials("orders-api", secret).pollInterval(Duration.ofSeconds(15)).build()) {
 *     JwtVerifier verifier = JwtVerifier.builder()...revocationCheck(feed).build();
 * }
 * }</pre>
 *
 * <ul>
 *   <li>{@link Builder#build()} polls once before returning; a failure there is remembered, not thrown. Until the
 *       first successful poll no token is known to be revoked (the feed fails open; signature, expiry and audience
 *       still hold). Then it polls every {@link Builder#pollInterval} on a daemon thread; a revocation is
 *       honoured at most about one interval after the issuer recorded it.</li>
 *   <li>Entries are dropped once their {@code exp} is past by more than {@link JwtVerifier#MAX_LEEWAY}: no verifier
 *       can accept such a token any more. At most {@link Builder#maxEntries} are kept; beyond that the entries
 *       closest to expiry are dropped first and counted in {@link #droppedEntries()}.</li>
 *   <li>When the issuer is unreachable or answers garbage, the last state is kept and the cursor is not moved.</li>
 * </ul>
 *
 * <p>Thread-safe; {@link #close()} stops the polling.
 */
public final class RevocationFeed implements RevocationCheck, AutoCloseable {

    /** The most pages one poll follows, so a feed that always says "more" cannot keep a poll running forever. */
    private static final int MAX_PAGES_PER_POLL = 100;
    /** A feed page holds up to 1,000 entries of about 80 bytes; 1 MiB leaves ample room and bounds memory. */
    private static final int MAX_RESPONSE_BYTES = 1024 * 1024;

    private final URI uri;
    private final Clock clock;
    private final Map<String, String> headers;
    private final String clientId;
    private final int maxEntries;
    private final Limits limits;
    private final Duration pollInterval;
    private final HttpFetcher fetcher;
    private final ScheduledThreadPoolExecutor scheduler;

    private final ConcurrentHashMap<String, Long> revoked = new ConcurrentHashMap<>();
    private long cursor;
    private final AtomicLong pollCount = new AtomicLong();
    private final AtomicLong failedPollCount = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private volatile Instant lastSuccessfulPoll;
    private volatile String lastFailure;
    private volatile boolean closed;

    private RevocationFeed(Builder b) {
        this.uri = b.uri;
        this.clock = b.clock;
        this.clientId = b.clientId;
        this.headers = Map.of("Accept", "application/json", "Authorization", basic(b.clientId, b.clientSecret));
        this.maxEntries = b.maxEntries;
        this.limits = b.limits;
        this.pollInterval = b.pollInterval;
        this.fetcher = new HttpFetcher(b.httpClient, b.connectTimeout, b.readTimeout, MAX_RESPONSE_BYTES);
        this.scheduler = DaemonScheduler.create("hallmark-revocation-feed");
    }

    /** A builder for the feed at {@code feedUri} (HTTPS, or HTTP to a loopback host). */
    public static Builder builder(URI feedUri) {
        return new Builder(feedUri);
    }

    /**
     * A builder for the feed an issuer publishes as {@code revocations_feed_endpoint} in its metadata (as Hallmark's
     * issuer does), read now with the same discovery and exact-issuer rule as
     * {@link JwtVerifier.Builder#issuerDiscovery(String)}. Throws {@link IllegalStateException} when the metadata
     * cannot be read, names another issuer or has no feed, and {@link IllegalArgumentException} when the issuer is
     * not an HTTPS URL (or HTTP to a loopback host).
     *
     * <pre>{@code
     * RevocationFeed feed = RevocationFeed.builderFromIssuer("https://auth.example.com")
     *         .clientCredentials("orders-api", secret).build();
     * }</pre>
     */
    public static Builder builderFromIssuer(String issuer) {
        Objects.requireNonNull(issuer, "issuer");
        HttpFetcher fetcher = new HttpFetcher(null, HttpFetcher.DEFAULT_CONNECT_TIMEOUT,
                HttpFetcher.DEFAULT_READ_TIMEOUT, Limits.DEFAULT.maxJwkSetBytes());
        IssuerDiscovery.Metadata metadata = IssuerDiscovery.discover(issuer, fetcher, Limits.DEFAULT);
        if (metadata.revocationsFeed() == null) {
            throw new IllegalStateException("issuer " + issuer + " publishes no \"revocations_feed_endpoint\"");
        }
        return new Builder(metadata.revocationsFeed());
    }

    /** True when the token's {@code jti} is in the feed; a token without {@code jti} cannot be revoked this way. */
    @Override
    public boolean isRevoked(Claims claims) {
        Optional<String> jti = claims.jwtId();
        return jti.isPresent() && revoked.containsKey(jti.get());
    }

    /**
     * Polls now, following {@code more} across pages, and waits for the result; true when the feed answered. Polls
     * never overlap: a call during a background poll waits for it and then polls again.
     */
    public boolean pollNow() {
        if (closed) {
            throw new IllegalStateException("RevocationFeed for " + uri + " is closed");
        }
        return poll();
    }

    /** Revoked {@code jti}s currently held. */
    public int size() {
        return revoked.size();
    }

    /** Polls attempted so far (each may span several pages). */
    public long pollCount() {
        return pollCount.get();
    }

    /** Polls that failed and left the state as it was. */
    public long failedPollCount() {
        return failedPollCount.get();
    }

    /** Entries dropped before their expiry because {@link Builder#maxEntries} was reached. */
    public long droppedEntries() {
        return dropped.get();
    }

    /** When the feed last answered (by the injected clock); empty before the first successful poll. */
    public Optional<Instant> lastSuccessfulPoll() {
        return Optional.ofNullable(lastSuccessfulPoll);
    }

    /** Why the most recent poll failed; empty when it succeeded. */
    public Optional<String> lastFailure() {
        return Optional.ofNullable(lastFailure);
    }

    /** Stops polling; the state held stays readable. Idempotent. */
    @Override
    public void close() {
        closed = true;
        scheduler.shutdownNow();
    }

    /** Never shows the client secret. */
    @Override
    public String toString() {
        return "RevocationFeed{" + uri + ", client=" + clientId + ", revoked=" + revoked.size() + "}";
    }

    private void start() {
        poll();
        long millis = pollInterval.toMillis();
        scheduler.scheduleWithFixedDelay(this::poll, millis, millis, TimeUnit.MILLISECONDS);
    }

    private synchronized boolean poll() {
        if (closed) {
            return false;
        }
        pollCount.incrementAndGet();
        try {
            for (int page = 0; page < MAX_PAGES_PER_POLL; page++) {
                String sep = uri.getRawQuery() == null ? "?" : "&";
                byte[] body = fetcher.get(URI.create(uri + sep + "since=" + cursor), headers).body();
                Page p = Page.parse(body, limits, cursor);
                p.entries.forEach(e -> revoked.put(e.jti, e.exp));
                cursor = p.next;
                if (!p.more) {
                    break;
                }
            }
            lastSuccessfulPoll = clock.instant();
            lastFailure = null;
            return true;
        } catch (FetchException | RuntimeException e) {
            // JoseException for a malformed page, anything else unexpected: keep the state, retry next interval
            failedPollCount.incrementAndGet();
            lastFailure = e.getMessage();
            return false;
        } finally {
            prune();
        }
    }

    private void prune() {
        long horizon = clock.instant().minus(JwtVerifier.MAX_LEEWAY).getEpochSecond();
        revoked.values().removeIf(exp -> exp <= horizon);
        int excess = revoked.size() - maxEntries;
        if (excess > 0) {
            List<Map.Entry<String, Long>> all = new ArrayList<>(revoked.entrySet());
            all.sort(Map.Entry.comparingByValue(Comparator.naturalOrder()));
            for (int i = 0; i < excess; i++) {
                revoked.remove(all.get(i).getKey());
            }
            dropped.addAndGet(excess);
        }
    }

    private static String basic(String id, String secret) {
        // RFC 6749 §2.3.1: the id and secret are form-urlencoded before they are joined
        String pair = URLEncoder.encode(id, StandardCharsets.UTF_8) + ":" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    /** One feed response, checked whole before any of it is applied. */
    private record Page(List<Entry> entries, long next, boolean more) {

        record Entry(String jti, long exp) {
        }

        static Page parse(byte[] body, Limits limits, long since) {
            Map<String, Object> doc = StrictJson.parseObject(body, limits, "revocation feed");
            if (!(doc.get("revocations") instanceof List<?> items)) {
                throw malformed("no \"revocations\" array");
            }
            List<Entry> entries = new ArrayList<>(items.size());
            for (Object item : items) {
                if (!(item instanceof Map<?, ?> m) || !(m.get("jti") instanceof String jti) || jti.isEmpty()) {
                    throw malformed("an entry without a string \"jti\"");
                }
                entries.add(new Entry(jti, number(m.get("exp"), "exp")));
            }
            long next = number(doc.get("next"), "next");
            if (next < since) {
                throw malformed("\"next\" went backwards");
            }
            Object more = doc.getOrDefault("more", Boolean.FALSE);
            if (!(more instanceof Boolean b)) {
                throw malformed("\"more\" is not a boolean");
            }
            return new Page(entries, next, b);
        }

        private static long number(Object v, String name) {
            if (v instanceof Long l && l >= 0) {
                return l;
            }
            if (v instanceof BigInteger) {
                throw malformed("\"" + name + "\" is out of range");
            }
            throw malformed("\"" + name + "\" is not a non-negative integer");
        }

        private static JoseException malformed(String why) {
            return new JoseException(dev.hallmark.Reason.MALFORMED, "revocation feed response: " + why);
        }
    }

    /**
     * Builds a {@link RevocationFeed}. {@link #clientCredentials} is required; {@link #build()} throws
     * {@link IllegalArgumentException} for a URL that is not HTTPS (or HTTP to a loopback host) and
     * {@link IllegalStateException} without credentials.
     */
    public static final class Builder {
        private final URI uri;
        private String clientId;
        private String clientSecret;
        private Duration pollInterval = Duration.ofSeconds(30);
        private Clock clock = Clock.systemUTC();
        private HttpClient httpClient;
        private Duration connectTimeout = HttpFetcher.DEFAULT_CONNECT_TIMEOUT;
        private Duration readTimeout = HttpFetcher.DEFAULT_READ_TIMEOUT;
        private int maxEntries = 100_000;
        private Limits limits = Limits.DEFAULT;

        private Builder(URI uri) {
            this.uri = Objects.requireNonNull(uri, "feedUri");
        }

        /** The client this service authenticates as (HTTP Basic, RFC 6749 §2.3.1). */
        public Builder clientCredentials(String id, String secret) {
            this.clientId = Objects.requireNonNull(id, "client id");
            this.clientSecret = Objects.requireNonNull(secret, "client secret");
            return this;
        }

        /** Time between polls (real time); the worst-case delay before a revocation is honoured. Default 30 s. */
        public Builder pollInterval(Duration value) {
            if (value == null || value.toMillis() <= 0) {
                throw new IllegalArgumentException("pollInterval must be positive, got " + value);
            }
            this.pollInterval = value;
            return this;
        }

        /** The clock that decides when an entry's {@code exp} is past. */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** A client of your own; it must use {@code HttpClient.Redirect.NEVER}. */
        public Builder httpClient(HttpClient value) {
            this.httpClient = Objects.requireNonNull(value, "httpClient");
            return this;
        }

        /** Connection timeout of the client made here; default 5 s. */
        public Builder connectTimeout(Duration value) {
            this.connectTimeout = Objects.requireNonNull(value, "connectTimeout");
            return this;
        }

        /** The whole response must arrive within this; default 10 s. */
        public Builder readTimeout(Duration value) {
            this.readTimeout = Objects.requireNonNull(value, "readTimeout");
            return this;
        }

        /** Most revoked {@code jti}s held; default 100,000 (a few MiB). */
        public Builder maxEntries(int value) {
            if (value <= 0) {
                throw new IllegalArgumentException("maxEntries must be positive, got " + value);
            }
            this.maxEntries = value;
            return this;
        }

        /** Bounds for parsing feed responses. */
        public Builder limits(Limits value) {
            this.limits = Objects.requireNonNull(value, "limits");
            return this;
        }

        /** Checks the settings, polls once (a failure is remembered, not thrown) and starts background polling. */
        public RevocationFeed build() {
            HttpFetcher.requireSecure(uri, "revocation feed URL");
            if (clientId == null) {
                throw new IllegalStateException("RevocationFeed needs clientCredentials(id, secret)");
            }
            RevocationFeed feed = new RevocationFeed(this);
            feed.start();
            return feed;
        }
    }
}
