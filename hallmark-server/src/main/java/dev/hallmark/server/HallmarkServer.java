package dev.hallmark.server;

import dev.hallmark.server.config.ServerConfig;
import dev.hallmark.server.http.DiscoveryEndpoint;
import dev.hallmark.server.http.Endpoints;
import dev.hallmark.server.http.HealthEndpoint;
import dev.hallmark.server.http.JwksEndpoint;
import dev.hallmark.server.http.MetricsEndpoint;
import dev.hallmark.server.http.Router;
import dev.hallmark.server.http.TokenEndpoint;
import dev.hallmark.server.issue.BrowserSessions;
import dev.hallmark.server.issue.ClientAuthenticator;
import dev.hallmark.server.issue.PasswordHasher;
import dev.hallmark.server.issue.PasswordLogin;
import dev.hallmark.server.issue.RefreshTokens;
import dev.hallmark.server.issue.TokenIssuer;
import dev.hallmark.server.keys.KeyManager;
import dev.hallmark.server.keys.MasterKey;
import dev.hallmark.server.store.Store;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The token issuer: wires the store, key manager, token issuer and HTTP endpoints onto Jetty. Every component gets
 * its dependencies and the {@link Clock} through its constructor; nothing is static.
 *
 * <pre>{@code
 * try (HallmarkServer server = HallmarkServer.builder().store(store).masterKey(masterKey).port(8080).build()) {
 *     server.start();
 *     server.join();
 * }
 * }</pre>
 */
public final class HallmarkServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(HallmarkServer.class.getName());

    private final Builder settings;
    private final String issuer;
    private final KeyManager keys;
    private final Server jetty;
    private final ScheduledExecutorService scheduler;
    private final Router router;
    private final TokenEndpoint tokenEndpoint;
    private final RefreshTokens refreshTokens;

    private HallmarkServer(Builder b, int port) {
        this.settings = b;
        this.issuer = b.issuer != null ? b.issuer : "http://" + hostForUrl(b.host) + ":" + port;
        Store store = b.store;
        Clock clock = b.clock;
        this.keys = new KeyManager(store.keys(), b.masterKey, clock, b.signingAlgorithm, b.rotationInterval,
                b.publishAhead, b.accessLifetime);
        TokenIssuer tokens = new TokenIssuer(keys, store.revocations(), clock, issuer,
                b.defaultAudience != null ? b.defaultAudience : issuer, b.accessLifetime, b.includeRoles);
        this.refreshTokens = new RefreshTokens(store.refreshTokens(), store.revocations(), clock, b.refreshLifetime,
                b.refreshGrace);
        ClientAuthenticator clients = new ClientAuthenticator(store.clients(), clock, issuer,
                issuer + "/oauth2/token");
        PasswordLogin login = new PasswordLogin(store.users(), store.throttle(), b.hasher, clock,
                b.maxFailuresPerAccount, b.maxFailuresPerAddress, b.lockout);
        this.tokenEndpoint = new TokenEndpoint(clients, tokens, refreshTokens, login, store.users());
        this.router = new Router(b.maxBodyBytes);
        DiscoveryEndpoint discovery = new DiscoveryEndpoint(issuer, b.signingAlgorithm);
        router.route("POST", "/oauth2/token", tokenEndpoint)
                .route("GET", "/oauth2/jwks", new JwksEndpoint(keys, b.jwksMaxAge))
                .route("GET", "/.well-known/oauth-authorization-server", discovery)
                .route("GET", "/.well-known/openid-configuration", discovery)
                .route("GET", "/health", new HealthEndpoint(store));
        Endpoints.registerTokenManagement(router, clients, keys, store, clock, issuer);
        BrowserSessions sessions = new BrowserSessions(store.clients(), store.users(), login, tokens, refreshTokens,
                store.refreshTokens(), store.revocations(), clock);
        Endpoints.registerSessions(router, sessions, issuer, b.cookieSecure);
        router.route("GET", "/metrics", new MetricsEndpoint(router, tokenEndpoint, login, refreshTokens, keys));

        avoidJettyJmxProbe();
        QueuedThreadPool threads = new QueuedThreadPool(64, 4);
        threads.setName("hallmark-http");
        this.jetty = new Server(threads);
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost(b.host);
        connector.setPort(port);
        jetty.addConnector(connector);
        jetty.setHandler(router);
        jetty.setStopTimeout(5_000);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "hallmark-keys");
            t.setDaemon(true);
            return t;
        });
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A server as the configuration describes it; with port 0 a free port is chosen and the issuer follows it. */
    public static HallmarkServer fromConfig(ServerConfig config, Store store, MasterKey masterKey,
                                            PasswordHasher hasher, Clock clock) {
        ServerConfig cfg = config.server().port() == 0
                ? config.withBoundPort(Builder.freePort(config.server().host())) : config;
        return builder().store(store).masterKey(masterKey).passwordHasher(hasher).clock(clock)
                .issuer(cfg.issuer().toString())
                .host(cfg.server().host())
                .port(cfg.server().port())
                .maxBodyBytes(cfg.server().maxBodyBytes())
                .accessLifetime(cfg.tokens().accessLifetime())
                .refreshLifetime(cfg.tokens().refreshLifetime())
                .refreshGrace(cfg.tokens().refreshGrace())
                .defaultAudience(cfg.tokens().audience())
                .includeRoles(cfg.tokens().includeRoles())
                .signingAlgorithm(cfg.keys().algorithm().name())
                .rotationInterval(cfg.keys().rotationInterval())
                .publishAhead(cfg.keys().publishAhead())
                .jwksMaxAge(cfg.jwks().maxAge())
                .loginLimits(cfg.login().maxFailuresPerAccount(), cfg.login().maxFailuresPerIp(), cfg.login().lockout())
                .cookieSecure(cfg.cookies().secure())
                .build();
    }

    /**
     * Prepares keys (creating the first on an empty store), starts HTTP and the key schedule. Key preparation
     * (decrypting and checking the signing keys, the first elliptic-curve operations of the process) and Jetty's
     * start are independent, so they run side by side; both are done before this returns.
     */
    public HallmarkServer start() throws Exception {
        java.util.concurrent.FutureTask<Void> prepareKeys = new java.util.concurrent.FutureTask<>(() -> {
            keys.maintain();
            return null;
        });
        Thread preparer = new Thread(prepareKeys, "hallmark-keys-start");
        preparer.start();
        try {
            jetty.start();
        } finally {
            // wait for the keys whatever Jetty did, so no key work outlives a failed start
            preparer.join();
        }
        try {
            prepareKeys.get();
        } catch (java.util.concurrent.ExecutionException e) {
            jetty.stop();
            Throwable cause = e.getCause();
            if (cause instanceof Exception ex) {
                throw ex;
            }
            throw (Error) cause;
        }
        scheduler.scheduleWithFixedDelay(this::maintainKeys, 60, 60, TimeUnit.SECONDS);
        return this;
    }

    private void maintainKeys() {
        try {
            keys.maintain();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "key maintenance failed; will retry", e);
        }
    }

    /** Waits until the server stops. */
    public void join() throws InterruptedException {
        jetty.join();
    }

    /** The issuer URL: {@code iss} of every token and the base of every endpoint. */
    public String issuer() {
        return issuer;
    }

    public URI uri(String path) {
        return URI.create(issuer + path);
    }

    public KeyManager keys() {
        return keys;
    }

    /** Stops HTTP (finishing requests in flight, up to 5 s) and the key schedule; the store is the caller's. */
    @Override
    public void close() throws Exception {
        scheduler.shutdownNow();
        jetty.stop();
    }

    private static String hostForUrl(String host) {
        return host.contains(":") ? "[" + host + "]" : host;
    }

    /** Settings of a server; defaults match the documented configuration defaults. */
    public static final class Builder {
        private Store store;
        private MasterKey masterKey;
        private PasswordHasher hasher;
        private Clock clock = Clock.systemUTC();
        private String issuer;
        private String host = "127.0.0.1";
        private int port = 8080;
        private int maxBodyBytes = 64 * 1024;
        private Duration accessLifetime = Duration.ofMinutes(15);
        private Duration refreshLifetime = Duration.ofDays(30);
        private Duration refreshGrace = Duration.ZERO;
        private String defaultAudience;
        private boolean includeRoles = true;
        private String signingAlgorithm = "ES256";
        private Duration rotationInterval = Duration.ofDays(30);
        private Duration publishAhead = Duration.ofHours(1);
        private Duration jwksMaxAge = Duration.ofMinutes(10);
        private int maxFailuresPerAccount = 5;
        private int maxFailuresPerAddress = 50;
        private Duration lockout = Duration.ofMinutes(15);
        private boolean cookieSecure = true;

        private Builder() {
        }

        public Builder store(Store value) {
            this.store = Objects.requireNonNull(value);
            return this;
        }

        public Builder masterKey(MasterKey value) {
            this.masterKey = Objects.requireNonNull(value);
            return this;
        }

        public Builder passwordHasher(PasswordHasher value) {
            this.hasher = Objects.requireNonNull(value);
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value);
            return this;
        }

        /** The issuer URL; default {@code http://HOST:PORT}. */
        public Builder issuer(String value) {
            this.issuer = value;
            return this;
        }

        public Builder host(String value) {
            this.host = Objects.requireNonNull(value);
            return this;
        }

        /** The port; 0 picks a free one. */
        public Builder port(int value) {
            this.port = value;
            return this;
        }

        public Builder maxBodyBytes(int value) {
            this.maxBodyBytes = value;
            return this;
        }

        public Builder accessLifetime(Duration value) {
            this.accessLifetime = value;
            return this;
        }

        public Builder refreshLifetime(Duration value) {
            this.refreshLifetime = value;
            return this;
        }

        public Builder refreshGrace(Duration value) {
            this.refreshGrace = value;
            return this;
        }

        public Builder defaultAudience(String value) {
            this.defaultAudience = value;
            return this;
        }

        public Builder includeRoles(boolean value) {
            this.includeRoles = value;
            return this;
        }

        public Builder signingAlgorithm(String value) {
            this.signingAlgorithm = value;
            return this;
        }

        public Builder rotationInterval(Duration value) {
            this.rotationInterval = value;
            return this;
        }

        public Builder publishAhead(Duration value) {
            this.publishAhead = value;
            return this;
        }

        public Builder jwksMaxAge(Duration value) {
            this.jwksMaxAge = value;
            return this;
        }

        public Builder loginLimits(int perAccount, int perAddress, Duration lockoutWindow) {
            this.maxFailuresPerAccount = perAccount;
            this.maxFailuresPerAddress = perAddress;
            this.lockout = lockoutWindow;
            return this;
        }

        /**
         * Whether session cookies carry {@code Secure} and the {@code __Host-}/{@code __Secure-} name prefixes
         * (default true). Turn off only for plain-HTTP development on a host other than localhost.
         */
        public Builder cookieSecure(boolean value) {
            this.cookieSecure = value;
            return this;
        }

        public HallmarkServer build() {
            if (store == null || masterKey == null || hasher == null) {
                throw new IllegalStateException("a server needs a store, a master key and a password hasher");
            }
            if (publishAhead.compareTo(jwksMaxAge) < 0) {
                throw new IllegalStateException("keys must be published at least as long as verifiers cache the JWKS");
            }
            return new HallmarkServer(this, port == 0 ? freePort(host) : port);
        }

        static int freePort(String host) {
            try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName(host))) {
                return s.getLocalPort();
            } catch (IOException e) {
                throw new IllegalStateException("no free port on " + host, e);
            }
        }
    }

    /**
     * Jetty sizes its queues by asking the platform MBean server whether compressed references are on, which loads
     * and starts JMX (about 300 classes, a noticeable share of start-up) just to learn a number. With compressed
     * references, the default for heaps under 32 GB, 16 references fit a 64-byte cache line; saying so up front
     * skips the probe. A value set by the operator wins.
     */
    private static void avoidJettyJmxProbe() {
        System.getProperties().putIfAbsent("org.eclipse.jetty.util.referencesPerCacheLine", "16");
    }
}
