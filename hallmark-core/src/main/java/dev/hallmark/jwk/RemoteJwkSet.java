package dev.hallmark.jwk;

import dev.hallmark.JoseException;
import dev.hallmark.Limits;
import dev.hallmark.Reason;
import dev.hallmark.internal.http.CacheControl;
import dev.hallmark.internal.http.DaemonScheduler;
import dev.hallmark.internal.http.FetchException;
import dev.hallmark.internal.http.HttpFetcher;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link KeySource} backed by an issuer's published JWK Set (RFC 7517 §5), fetched over HTTPS and cached.
 *
 * <pre>{@code
 * try (RemoteJwkSet keys = RemoteJwkSet.builder(URI.create("https://auth.example.com/oauth2/jwks")).build()) {
 *     JwtVerifier verifier = JwtVerifier.builder().keys(keys)
 *             .expectIssuer("https://auth.example.com").expectAudience("orders-api").build();
 *     ...
 * }
 * }</pre>
 *
 * <ul>
 *   <li>The set is kept for the response's {@code Cache-Control: max-age}, clamped to
 *       [{@link Builder#minimumCacheTime}, {@link Builder#maximumCacheTime}]; {@code no-store}/{@code no-cache} count
 *       as the minimum, no header as {@link Builder#defaultCacheTime}. At three quarters of that time a refresh starts
 *       in the background; callers keep the current set meanwhile.</li>
 *   <li>A {@code kid} the set does not have triggers a refetch, and the caller waits for it; fetch attempts of any
 *       kind happen at most once per {@link Builder#unknownKidCooldown} (default 30 s), however many requests ask.
 *       Callers that arrive while a fetch is in flight wait for that one fetch; none starts its own.</li>
 *   <li>When a fetch fails (unreachable, timeout, non-200, redirect, oversized, not a JWK Set, no usable keys) the last
 *       good set keeps being served until {@link Builder#staleIfError} past its expiry; after that selection fails
 *       with {@code KEY_NOT_FOUND} saying the JWK Set is unavailable.</li>
 *   <li>HTTPS is required unless the host is 127.0.0.1, ::1 or localhost; redirects are never followed.</li>
 *   <li>Symmetric ({@code oct}) keys in the fetched set are ignored: a secret anyone can download verifies nothing.</li>
 * </ul>
 *
 * <p>Thread-safe; the cached path is one volatile read and a scan of the keys. Every cache decision reads the injected
 * {@link Clock}. {@link #close()} stops the background thread.
 */
public final class RemoteJwkSet implements KeySource, AutoCloseable {

    private static final Map<String, String> ACCEPT =
            Map.of("Accept", "application/jwk-set+json, application/json;q=0.9");
    private static final long NEVER = Long.MIN_VALUE;

    private final URI uri;
    private final Clock clock;
    private final Duration minimumCacheTime;
    private final Duration maximumCacheTime;
    private final Duration defaultCacheTime;
    private final Duration cooldown;
    private final Duration staleIfError;
    private final Limits limits;
    private final HttpFetcher fetcher;
    private final ScheduledThreadPoolExecutor scheduler;

    private volatile Snapshot snapshot;
    private final AtomicReference<CompletableFuture<Void>> inFlight = new AtomicReference<>();
    private final AtomicLong lastAttemptMillis = new AtomicLong(NEVER);
    private final AtomicLong fetchCount = new AtomicLong();
    private final AtomicLong failedFetchCount = new AtomicLong();
    private volatile Instant lastSuccessfulFetch;
    private volatile String lastFailure;
    private volatile boolean closed;
    private ScheduledFuture<?> timer;

    /**
     * The keys of one successful fetch, as a fixed source (so a verifier's selection is a table read), and the
     * instants that decide when to refresh and when to give up on it.
     */
    private record Snapshot(FixedKeySource keys, Instant refreshAt, Instant expiresAt, Instant unusableAt) {
    }

    private RemoteJwkSet(Builder b) {
        this.uri = b.uri;
        this.clock = b.clock;
        this.minimumCacheTime = b.minimumCacheTime;
        this.maximumCacheTime = b.maximumCacheTime;
        this.defaultCacheTime = b.defaultCacheTime;
        this.cooldown = b.unknownKidCooldown;
        this.staleIfError = b.staleIfError;
        this.limits = b.limits;
        this.fetcher = new HttpFetcher(b.httpClient, b.connectTimeout, b.readTimeout, b.limits.maxJwkSetBytes());
        this.scheduler = DaemonScheduler.create("hallmark-jwks-refresh");
    }

    /** A builder for the JWK Set at {@code uri} (HTTPS, or HTTP to a loopback host). */
    public static Builder builder(URI uri) {
        return new Builder(uri);
    }

    @Override
    public List<Jwk> select(JwkMatcher matcher) {
        if (closed) {
            throw new IllegalStateException("RemoteJwkSet for " + uri + " is closed");
        }
        Instant now = clock.instant();
        Snapshot s = snapshot;
        if (s == null || !now.isBefore(s.unusableAt)) {
            if (due(now)) {
                fetchAndWait();
            } else {
                awaitInFlight();
            }
            s = snapshot;
            if (s == null || !clock.instant().isBefore(s.unusableAt)) {
                throw unavailable();
            }
        } else if (!now.isBefore(s.refreshAt) && due(now)) {
            fetchInBackground();
        }
        List<Jwk> found = s.keys.select(matcher);
        if (found.isEmpty() && matcher.keyId().isPresent()) {
            // an unknown kid: the issuer may have rotated; refetch, at most once per cooldown
            if (due(now)) {
                fetchAndWait();
            } else {
                awaitInFlight();
            }
            Snapshot after = snapshot;
            if (after != s && after != null && clock.instant().isBefore(after.unusableAt)) {
                found = after.keys.select(matcher);
            }
        }
        return found;
    }

    /** The URL this set is fetched from. */
    public URI uri() {
        return uri;
    }

    /** HTTP fetches attempted so far, successful or not. */
    public long fetchCount() {
        return fetchCount.get();
    }

    /** Fetches that failed (and left the previous set in place). */
    public long failedFetchCount() {
        return failedFetchCount.get();
    }

    /** When the current set was fetched (by the injected clock); empty before the first successful fetch. */
    public Optional<Instant> lastSuccessfulFetch() {
        return Optional.ofNullable(lastSuccessfulFetch);
    }

    /** Why the most recent fetch failed; empty when it succeeded or none was made. */
    public Optional<String> lastFailure() {
        return Optional.ofNullable(lastFailure);
    }

    /** Stops the background refresh; {@link #select} then throws {@link IllegalStateException}. Idempotent. */
    @Override
    public void close() {
        closed = true;
        scheduler.shutdownNow();
        // a background fetch that was queued but never ran must not leave waiters blocked
        CompletableFuture<Void> pending = inFlight.getAndSet(null);
        if (pending != null) {
            pending.complete(null);
        }
    }

    @Override
    public String toString() {
        Snapshot s = snapshot;
        return "RemoteJwkSet{" + uri + ", keys=" + (s == null ? "none yet" : s.keys.keys().size())
                + ", fetches=" + fetchCount.get() + "}";
    }

    private JoseException unavailable() {
        String why = lastFailure == null ? "no successful fetch yet" : lastFailure;
        Snapshot s = snapshot;
        String stale = s == null ? "" : "; the last good set is older than the stale-if-error window of " + staleIfError;
        return new JoseException(Reason.KEY_NOT_FOUND, "the JWK Set at " + uri + " is unavailable (" + why + ")"
                + stale + "; next attempt after the cooldown of " + cooldown);
    }

    /** Fetch attempts of any kind are spaced by the cooldown; the very first is always allowed. */
    private boolean due(Instant now) {
        long last = lastAttemptMillis.get();
        return last == NEVER || now.toEpochMilli() >= last + cooldown.toMillis();
    }

    private void fetchAndWait() {
        CompletableFuture<Void> mine = new CompletableFuture<>();
        CompletableFuture<Void> running = inFlight.compareAndExchange(null, mine);
        if (running != null) {
            running.join();
            return;
        }
        runFetch(mine);
    }

    private void awaitInFlight() {
        CompletableFuture<Void> running = inFlight.get();
        if (running != null) {
            running.join();
        }
    }

    private void fetchInBackground() {
        CompletableFuture<Void> mine = new CompletableFuture<>();
        if (!inFlight.compareAndSet(null, mine)) {
            return;
        }
        try {
            scheduler.execute(() -> runFetch(mine));
        } catch (RejectedExecutionException e) {
            inFlight.set(null);
            mine.complete(null);
        }
    }

    /** Runs by whoever holds the in-flight slot; completes {@code mine} and frees the slot however it ends. */
    private void runFetch(CompletableFuture<Void> mine) {
        try {
            Instant start = clock.instant();
            // re-checked under the slot: another caller may have fetched between our check and taking the slot
            if (closed || !due(start)) {
                return;
            }
            lastAttemptMillis.set(start.toEpochMilli());
            fetchCount.incrementAndGet();
            try {
                HttpFetcher.Response response = fetcher.get(uri, ACCEPT);
                JwkSet set = JwkSet.parse(new String(response.body(), StandardCharsets.UTF_8), limits);
                List<Jwk> usable = new ArrayList<>(set.keys().size());
                for (Jwk k : set.keys()) {
                    // a symmetric key fetched from a URL is public, so it proves nothing (RFC 8725 §3.1): never trusted
                    if (!(k instanceof OctJwk)) {
                        usable.add(k);
                    }
                }
                if (usable.isEmpty()) {
                    throw new FetchException("the JWK Set has no usable public keys (" + set.keys().size()
                            + " symmetric ignored, " + set.skipped().size() + " skipped)");
                }
                Duration ttl = cacheTime(CacheControl.maxAge(response.header("Cache-Control")));
                accept(usable, ttl);
                schedule(ttl.multipliedBy(3).dividedBy(4));
            } catch (FetchException | RuntimeException e) {
                failedFetchCount.incrementAndGet();
                // JoseException (not a JWK Set, too large) and anything unexpected alike: keep the last good set
                lastFailure = e.getMessage();
                schedule(cooldown);
            }
        } finally {
            inFlight.set(null);
            mine.complete(null);
        }
    }

    private void accept(List<Jwk> fetched, Duration ttl) {
        Snapshot old = snapshot;
        // an unchanged set keeps its key objects, so results cached against them stay valid
        FixedKeySource keys = old != null && old.keys.keys().equals(fetched) ? old.keys
                : new FixedKeySource(List.copyOf(fetched));
        Instant now = clock.instant();
        Instant expires = now.plus(ttl);
        snapshot = new Snapshot(keys, now.plus(ttl.multipliedBy(3).dividedBy(4)), expires, expires.plus(staleIfError));
        lastSuccessfulFetch = now;
        lastFailure = null;
    }

    private Duration cacheTime(Optional<Duration> maxAge) {
        Duration t = maxAge.orElse(defaultCacheTime);
        if (t.compareTo(minimumCacheTime) < 0) {
            return minimumCacheTime;
        }
        return t.compareTo(maximumCacheTime) > 0 ? maximumCacheTime : t;
    }

    /** The background timer: wakes after {@code delay} of real time and refreshes if the clock says it is due. */
    private synchronized void schedule(Duration delay) {
        if (closed) {
            return;
        }
        if (timer != null) {
            timer.cancel(false);
        }
        long millis = Math.max(1000, delay.toMillis());
        try {
            timer = scheduler.schedule(this::timerTick, millis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // closed meanwhile
        }
    }

    private void timerTick() {
        Instant now = clock.instant();
        Snapshot s = snapshot;
        boolean wanted = s == null || !now.isBefore(s.refreshAt);
        if (wanted && due(now)) {
            CompletableFuture<Void> mine = new CompletableFuture<>();
            if (inFlight.compareAndSet(null, mine)) {
                runFetch(mine);
            }
            return;
        }
        // not yet due by the injected clock: look again when it should be
        Duration untilDue = s == null ? cooldown : Duration.between(now, s.refreshAt);
        schedule(untilDue.isNegative() ? cooldown : untilDue);
    }

    /**
     * Builds a {@link RemoteJwkSet}. {@link #build()} throws {@link IllegalArgumentException} for a URL that is not
     * HTTPS (or HTTP to a loopback host) and {@link IllegalStateException} for contradictory bounds. Nothing is
     * fetched until the first key selection.
     */
    public static final class Builder {
        private final URI uri;
        private Clock clock = Clock.systemUTC();
        private HttpClient httpClient;
        private Duration minimumCacheTime = Duration.ofMinutes(1);
        private Duration maximumCacheTime = Duration.ofDays(1);
        private Duration defaultCacheTime = Duration.ofMinutes(5);
        private Duration unknownKidCooldown = Duration.ofSeconds(30);
        private Duration staleIfError = Duration.ofHours(1);
        private Duration connectTimeout = HttpFetcher.DEFAULT_CONNECT_TIMEOUT;
        private Duration readTimeout = HttpFetcher.DEFAULT_READ_TIMEOUT;
        private Limits limits = Limits.DEFAULT;

        private Builder(URI uri) {
            this.uri = Objects.requireNonNull(uri, "uri");
        }

        /** The clock for every cache decision (expiry, refresh, cooldown, stale window). */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** A client of your own (proxy, TLS settings); it must use {@code HttpClient.Redirect.NEVER}. */
        public Builder httpClient(HttpClient value) {
            this.httpClient = Objects.requireNonNull(value, "httpClient");
            return this;
        }

        /** The shortest time a fetched set is kept, whatever {@code Cache-Control} says; default 1 minute. */
        public Builder minimumCacheTime(Duration value) {
            this.minimumCacheTime = positive("minimumCacheTime", value);
            return this;
        }

        /** The longest time a fetched set is kept, whatever {@code Cache-Control} says; default 1 day. */
        public Builder maximumCacheTime(Duration value) {
            this.maximumCacheTime = positive("maximumCacheTime", value);
            return this;
        }

        /** How long a set is kept when the response has no {@code Cache-Control: max-age}; default 5 minutes. */
        public Builder defaultCacheTime(Duration value) {
            this.defaultCacheTime = positive("defaultCacheTime", value);
            return this;
        }

        /** The least time between two fetch attempts, which bounds refetches for unknown {@code kid}s; default 30 s. */
        public Builder unknownKidCooldown(Duration value) {
            this.unknownKidCooldown = positive("unknownKidCooldown", value);
            return this;
        }

        /** How long past its expiry the last good set is served while fetches fail; default 1 hour, zero allowed. */
        public Builder staleIfError(Duration value) {
            if (value == null || value.isNegative()) {
                throw new IllegalArgumentException("staleIfError must not be negative, got " + value);
            }
            this.staleIfError = value;
            return this;
        }

        /** Connection timeout of the client made here (ignored with {@link #httpClient}); default 5 s. */
        public Builder connectTimeout(Duration value) {
            this.connectTimeout = positive("connectTimeout", value);
            return this;
        }

        /** The whole response, headers and body, must arrive within this; default 10 s. */
        public Builder readTimeout(Duration value) {
            this.readTimeout = positive("readTimeout", value);
            return this;
        }

        /** Bounds for parsing the set; the response is capped at {@link Limits#maxJwkSetBytes()}. */
        public Builder limits(Limits value) {
            this.limits = Objects.requireNonNull(value, "limits");
            return this;
        }

        public RemoteJwkSet build() {
            HttpFetcher.requireSecure(uri, "JWK Set URL");
            if (minimumCacheTime.compareTo(maximumCacheTime) > 0) {
                throw new IllegalStateException("minimumCacheTime " + minimumCacheTime + " exceeds maximumCacheTime "
                        + maximumCacheTime);
            }
            return new RemoteJwkSet(this);
        }

        private static Duration positive(String name, Duration value) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, got " + value);
            }
            return value;
        }
    }
}
