package dev.hallmark.server.config;

import dev.hallmark.jws.JwsAlgorithm;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/**
 * The server's effective configuration: validated, typed and immutable. Made only by {@link ConfigLoader}, so every
 * instance has passed validation. Sections mirror the YAML file: {@code config.tokens().accessLifetime()} is the key
 * {@code tokens.access-lifetime}.
 *
 * <pre>{@code
 * ServerConfig config = ConfigLoader.load(Optional.of(Path.of("hallmark.yaml")), System.getenv(), Map.of());
 * int port = config.server().port();
 * Duration lifetime = config.tokens().accessLifetime();
 * System.out.print(config.toRedactedYaml()); // hallmark serve --print-config
 * }</pre>
 *
 * <p>Secrets ({@code master-key}, a password inside {@code store.url}) appear neither in {@link #toString()} nor in
 * {@link #toRedactedYaml()}; only {@link #masterKey()} and {@link Store#url()} return them.
 */
public final class ServerConfig {

    /** Default {@code server.host}. */
    public static final String DEFAULT_HOST = "127.0.0.1";

    /**
     * The HTTP listener.
     *
     * @param host the interface to bind ({@code server.host}, default 127.0.0.1)
     * @param port the port ({@code server.port}, default 8080; 0 picks a free port)
     * @param maxBodyBytes the largest request body accepted ({@code server.max-body-bytes}, default 65536)
     */
    public record Server(String host, int port, int maxBodyBytes) {
    }

    /**
     * The database.
     *
     * @param url {@code sqlite:PATH} or {@code postgres://user:password@host:port/db} ({@code store.url}, default
     *        {@code sqlite:<data-dir>/hallmark.db}); may contain a password
     */
    public record Store(String url) {

        /** The URL with any password replaced by {@code <redacted>}. */
        public String redactedUrl() {
            return StoreUrls.redact(url);
        }

        @Override
        public String toString() {
            return "Store[url=" + redactedUrl() + "]";
        }
    }

    /**
     * Token minting.
     *
     * @param accessLifetime access token lifetime ({@code tokens.access-lifetime}, default 15m, at most 1 day)
     * @param refreshLifetime refresh token lifetime ({@code tokens.refresh-lifetime}, default 30d)
     * @param refreshGrace how long the previous refresh token may still be retried after rotation
     *        ({@code tokens.refresh-grace}, default 0s, shorter than the refresh lifetime)
     * @param audience the {@code aud} for clients without their own ({@code tokens.audience}, default the issuer)
     * @param includeRoles whether user roles go into a {@code roles} claim ({@code tokens.include-roles}, default true)
     */
    public record Tokens(Duration accessLifetime, Duration refreshLifetime, Duration refreshGrace, String audience,
                         boolean includeRoles) {
    }

    /**
     * Signing keys.
     *
     * @param algorithm the signing algorithm ({@code keys.algorithm}: ES256 (default), ES384, ES512, EdDSA, RS256
     *        or PS256)
     * @param rotationInterval how long a key signs before the next takes over ({@code keys.rotation-interval},
     *        default 30d)
     * @param publishAhead how long a new key is in the JWKS before it signs ({@code keys.publish-ahead}, default 1h,
     *        at least {@code jwks.max-age})
     */
    public record Keys(JwsAlgorithm algorithm, Duration rotationInterval, Duration publishAhead) {
    }

    /**
     * The JWKS endpoint.
     *
     * @param maxAge the {@code Cache-Control: max-age} of {@code /oauth2/jwks} ({@code jwks.max-age}, default 10m)
     */
    public record Jwks(Duration maxAge) {
    }

    /**
     * Login throttling.
     *
     * @param maxFailuresPerAccount failures before an account is locked ({@code login.max-failures-per-account},
     *        default 5)
     * @param maxFailuresPerIp failures before an address is locked ({@code login.max-failures-per-ip}, default 50)
     * @param lockout how long a lock lasts ({@code login.lockout}, default 15m)
     */
    public record Login(int maxFailuresPerAccount, int maxFailuresPerIp, Duration lockout) {
    }

    /**
     * Browser session cookies.
     *
     * @param secure whether cookies carry the {@code Secure} attribute ({@code cookies.secure}, default true)
     */
    public record Cookies(boolean secure) {
    }

    private final URI issuer;
    private final boolean issuerDerived;
    private final Server server;
    private final Path dataDir;
    private final Store store;
    private final Tokens tokens;
    private final boolean audienceDerived;
    private final Keys keys;
    private final Jwks jwks;
    private final Optional<String> masterKey;
    private final Login login;
    private final Cookies cookies;
    private final boolean demo;

    ServerConfig(URI issuer, boolean issuerDerived, Server server, Path dataDir, Store store, Tokens tokens,
                 boolean audienceDerived, Keys keys, Jwks jwks, Optional<String> masterKey, Login login,
                 Cookies cookies, boolean demo) {
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.issuerDerived = issuerDerived;
        this.server = Objects.requireNonNull(server, "server");
        this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
        this.store = Objects.requireNonNull(store, "store");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.audienceDerived = audienceDerived;
        this.keys = Objects.requireNonNull(keys, "keys");
        this.jwks = Objects.requireNonNull(jwks, "jwks");
        this.masterKey = Objects.requireNonNull(masterKey, "masterKey");
        this.login = Objects.requireNonNull(login, "login");
        this.cookies = Objects.requireNonNull(cookies, "cookies");
        this.demo = demo;
    }

    /**
     * The issuer URL ({@code issuer}): the {@code iss} of every token and the discovery {@code issuer}. Default
     * {@code http://<server.host>:<server.port>}, with 127.0.0.1 when the host is a wildcard address.
     */
    public URI issuer() {
        return issuer;
    }

    public Server server() {
        return server;
    }

    /** The data directory ({@code data-dir}, default {@code ./hallmark-data}): the SQLite file and the key file. */
    public Path dataDir() {
        return dataDir;
    }

    public Store store() {
        return store;
    }

    public Tokens tokens() {
        return tokens;
    }

    public Keys keys() {
        return keys;
    }

    public Jwks jwks() {
        return jwks;
    }

    /**
     * The master key as configured ({@code master-key} or {@code HALLMARK_MASTER_KEY}): base64url of 32 bytes,
     * already checked. Empty means the key file {@code <data-dir>/master.key}.
     */
    public Optional<String> masterKey() {
        return masterKey;
    }

    public Login login() {
        return login;
    }

    public Cookies cookies() {
        return cookies;
    }

    /** Whether {@code --demo} was asked for ({@code demo}, default false): create a demo client and user. */
    public boolean demo() {
        return demo;
    }

    /**
     * This configuration after the listener bound {@code boundPort}: {@code server.port} becomes it, and so do the
     * issuer and default audience when they were derived from the port rather than configured. Needed when
     * {@code server.port} is 0.
     *
     * <pre>{@code
     * ServerConfig running = config.withBoundPort(connector.getLocalPort());
     * }</pre>
     */
    public ServerConfig withBoundPort(int boundPort) {
        if (boundPort < 1 || boundPort > 65535) {
            throw new IllegalArgumentException("boundPort must be 1..65535, got " + boundPort);
        }
        Server boundServer = new Server(server.host(), boundPort, server.maxBodyBytes());
        URI boundIssuer = issuerDerived ? defaultIssuer(server.host(), boundPort) : issuer;
        Tokens boundTokens = audienceDerived
                ? new Tokens(tokens.accessLifetime(), tokens.refreshLifetime(), tokens.refreshGrace(),
                        boundIssuer.toString(), tokens.includeRoles())
                : tokens;
        return new ServerConfig(boundIssuer, issuerDerived, boundServer, dataDir, store, boundTokens, audienceDerived,
                keys, jwks, masterKey, login, cookies, demo);
    }

    /**
     * The effective configuration as YAML that {@link ConfigLoader} reads back, for {@code hallmark serve
     * --print-config}; {@code master-key} and any password in {@code store.url} are shown as {@code <redacted>}.
     *
     * <pre>{@code
     * # Hallmark effective configuration (secrets redacted)
     * issuer: http://127.0.0.1:8080
     * server:
     *   host: 127.0.0.1
     *   port: 8080
     * ...
     * }</pre>
     */
    public String toRedactedYaml() {
        Map<String, Object> root = new LinkedHashMap<>();
        for (ConfigKey key : ConfigKey.values()) {
            Optional<Object> value = redactedValue(key);
            if (value.isEmpty()) {
                continue;
            }
            String name = key.key();
            int dot = name.indexOf('.');
            if (dot < 0) {
                root.put(name, value.get());
            } else {
                @SuppressWarnings("unchecked")
                Map<String, Object> section = (Map<String, Object>) root.computeIfAbsent(name.substring(0, dot),
                        s -> new LinkedHashMap<String, Object>());
                section.put(name.substring(dot + 1), value.get());
            }
        }
        DumpSettings settings = DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).setIndent(2).build();
        String header = "# Hallmark effective configuration (secrets redacted)\n"
                + (masterKey.isEmpty() ? "# master-key: not set; the key file " + dataDir.resolve("master.key")
                        + " is used\n" : "");
        return header + new Dump(settings).dumpToString(root);
    }

    /** The value {@code --print-config} shows for {@code key}; empty when the key is not set and has no default. */
    private Optional<Object> redactedValue(ConfigKey key) {
        return Optional.ofNullable(switch (key) {
            case ISSUER -> issuer.toString();
            case SERVER_HOST -> server.host();
            case SERVER_PORT -> server.port();
            case SERVER_MAX_BODY_BYTES -> server.maxBodyBytes();
            case DATA_DIR -> dataDir.toString();
            case STORE_URL -> store.redactedUrl();
            case TOKENS_ACCESS_LIFETIME -> Durations.format(tokens.accessLifetime());
            case TOKENS_REFRESH_LIFETIME -> Durations.format(tokens.refreshLifetime());
            case TOKENS_REFRESH_GRACE -> Durations.format(tokens.refreshGrace());
            case TOKENS_AUDIENCE -> tokens.audience();
            case TOKENS_INCLUDE_ROLES -> tokens.includeRoles();
            case KEYS_ALGORITHM -> keys.algorithm().name();
            case KEYS_ROTATION_INTERVAL -> Durations.format(keys.rotationInterval());
            case KEYS_PUBLISH_AHEAD -> Durations.format(keys.publishAhead());
            case JWKS_MAX_AGE -> Durations.format(jwks.maxAge());
            case MASTER_KEY -> masterKey.isPresent() ? StoreUrls.REDACTED : null;
            case LOGIN_MAX_FAILURES_PER_ACCOUNT -> login.maxFailuresPerAccount();
            case LOGIN_MAX_FAILURES_PER_IP -> login.maxFailuresPerIp();
            case LOGIN_LOCKOUT -> Durations.format(login.lockout());
            case COOKIES_SECURE -> cookies.secure();
            case DEMO -> demo;
        });
    }

    static URI defaultIssuer(String host, int port) {
        String h = switch (host) {
            case "0.0.0.0", "::", "0:0:0:0:0:0:0:0" -> DEFAULT_HOST;
            default -> host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        };
        return URI.create("http://" + h + ":" + port);
    }

    /** One line with every setting; secrets redacted. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("ServerConfig{");
        String separator = "";
        for (ConfigKey key : ConfigKey.values()) {
            sb.append(separator).append(key.key()).append('=').append(redactedValue(key).orElse("<none>"));
            separator = ", ";
        }
        return sb.append('}').toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ServerConfig c && issuer.equals(c.issuer) && issuerDerived == c.issuerDerived
                && server.equals(c.server) && dataDir.equals(c.dataDir) && store.equals(c.store)
                && tokens.equals(c.tokens) && audienceDerived == c.audienceDerived && keys.equals(c.keys)
                && jwks.equals(c.jwks) && masterKey.equals(c.masterKey) && login.equals(c.login)
                && cookies.equals(c.cookies) && demo == c.demo;
    }

    @Override
    public int hashCode() {
        return Objects.hash(issuer, issuerDerived, server, dataDir, store, tokens, audienceDerived, keys, jwks,
                masterKey, login, cookies, demo);
    }
}
