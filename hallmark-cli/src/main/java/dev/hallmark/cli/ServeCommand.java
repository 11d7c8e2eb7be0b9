package dev.hallmark.cli;

import dev.hallmark.cli.support.CliContext;
import dev.hallmark.cli.support.ExitCode;
import dev.hallmark.cli.support.UsageException;
import dev.hallmark.server.DemoSetup;
import dev.hallmark.server.HallmarkServer;
import dev.hallmark.server.config.ConfigException;
import dev.hallmark.server.config.ConfigLoader;
import dev.hallmark.server.config.ServerConfig;
import dev.hallmark.server.issue.PasswordHasher;
import dev.hallmark.server.keys.MasterKey;
import dev.hallmark.server.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code hallmark serve}: runs the token issuer until interrupted. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Runs the Hallmark token issuer (OAuth 2 token endpoint, JWKS, discovery, introspection,",
            "revocation). State lives in --data (SQLite) or --store (PostgreSQL). Ctrl-C stops it cleanly.",
            "Every configuration key can also be set in the --config YAML file or a HALLMARK_* variable."},
        footer = {"%nExamples:",
            "  hallmark serve --demo",
            "  hallmark serve --config hallmark.yaml --port 9000",
            "  hallmark serve --store postgres://hallmark:secret@db:5432/hallmark --issuer https://auth.example.com",
            "  hallmark serve --print-config",
            "%nExit codes: 0 stopped cleanly, 2 configuration problem (all listed), 3 internal error."})
final class ServeCommand implements Callable<Integer> {

    private final CliContext ctx;

    @Option(names = "--config", paramLabel = "FILE", description = "YAML configuration file.")
    Path config;

    @Option(names = "--port", paramLabel = "N", description = "Port (server.port, default 8080; 0 = any free port).")
    String port;

    @Option(names = "--host", paramLabel = "HOST", description = "Address to listen on (server.host, default 127.0.0.1).")
    String host;

    @Option(names = "--issuer", paramLabel = "URL", description = "Issuer URL (issuer, default http://HOST:PORT).")
    String issuer;

    @Option(names = "--data", paramLabel = "DIR", description = "Data directory (data-dir, default ./hallmark-data).")
    String data;

    @Option(names = "--store", paramLabel = "URL", description = "Store URL (store.url): sqlite:PATH or postgres://...")
    String store;

    @Option(names = "--demo", description = "Create a demo client and user on first start and print them.")
    boolean demo;

    @Option(names = "--print-config", description = "Print the effective configuration (secrets redacted) and exit.")
    boolean printConfig;

    /**
     * Jetty's start and stop notices (version banner, connector lines) are noise on a command's stderr; warnings and
     * errors still show. Held in a field because java.util.logging keeps loggers only weakly.
     */
    private static final java.util.logging.Logger JETTY_LOG = java.util.logging.Logger.getLogger("org.eclipse.jetty");

    ServeCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        if (printConfig) {
            ctx.out().print(loadConfig().toRedactedYaml());
            return ExitCode.OK;
        }
        Running running = start();
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            try {
                running.close();
            } finally {
                ctx.err().println("hallmark: stopped");
                ctx.err().flush();
                stopped.countDown();
            }
        }, "hallmark-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        running.server().join();
        stopped.await();
        return ExitCode.OK;
    }

    /** A started issuer and its store; closing stops Jetty gracefully, then closes the store. */
    record Running(HallmarkServer server, Store store) implements AutoCloseable {
        @Override
        public void close() {
            try {
                server.close();
            } catch (Exception ignored) {
                // stopping anyway; the store must still be closed
            } finally {
                store.close();
            }
        }
    }

    /**
     * Loads the configuration, opens the store, starts the issuer and prints the "listening" line (and the demo
     * credentials). Also used by {@link CdsTraining} to record the classes a start needs.
     */
    Running start() throws Exception {
        ServerConfig cfg = loadConfig();
        JETTY_LOG.setLevel(java.util.logging.Level.WARNING);
        MasterKey masterKey = MasterKey.load(cfg.masterKey(), cfg.dataDir());
        PasswordHasher hasher = new PasswordHasher();
        Store st = AdminStoreOptions.openStore(cfg);
        HallmarkServer server;
        try {
            server = HallmarkServer.fromConfig(cfg, st, masterKey, hasher, ctx.clock()).start();
        } catch (Exception e) {
            st.close();
            throw e;
        }
        String base = server.issuer();
        ctx.out().println("hallmark: issuer " + base + " listening (ready " + sinceProcessStart()
                + " after the process started); store " + cfg.store().redactedUrl() + "; Ctrl-C stops");
        if (demo || cfg.demo()) {
            printDemo(DemoSetup.ensure(st, hasher, ctx.clock()), base);
        }
        ctx.out().flush();
        return new Running(server, st);
    }

    private ServerConfig loadConfig() {
        try {
            return ConfigLoader.load(Optional.ofNullable(config), ctx.env(), flags());
        } catch (ConfigException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** Time since the operating system started this process (JVM start-up included), e.g. "412 ms". */
    private static String sinceProcessStart() {
        return ProcessHandle.current().info().startInstant()
                .map(t -> java.time.Duration.between(t, java.time.Instant.now()).toMillis() + " ms")
                .orElse("(unknown)");
    }

    private void printDemo(Optional<DemoSetup.Credentials> created, String base) {
        if (created.isEmpty()) {
            ctx.out().println("demo: the demo client and user exist from an earlier start; their secrets are only"
                    + " shown once (delete the data directory to start over)");
            return;
        }
        DemoSetup.Credentials c = created.get();
        ctx.out().println("demo client: " + c.clientId() + " " + c.clientSecret());
        ctx.out().println("demo user: " + c.username() + " " + c.password());
        ctx.out().println();
        ctx.out().println("Try it:");
        ctx.out().println("  TOKEN=$(curl -s -u " + c.clientId() + ":" + c.clientSecret() + " -d grant_type=password"
                + " -d username=" + c.username() + " -d password=" + c.password() + " " + base
                + "/oauth2/token | sed -E 's/.*\"access_token\":\"([^\"]+)\".*/\\1/')");
        ctx.out().println("  curl -s -u " + c.clientId() + ":" + c.clientSecret() + " -d token=$TOKEN " + base
                + "/oauth2/introspect");
        ctx.out().println("  ./hallmark verify --jwks " + base + "/oauth2/jwks --iss " + base + " --typ at+jwt $TOKEN");
        ctx.out().println("An API protected by these tokens (port 8081), then call it:");
        ctx.out().println("  examples/orders-api/run --issuer " + base + " --client " + c.clientId() + ":"
                + c.clientSecret());
        ctx.out().println("  curl -s -H \"Authorization: Bearer $TOKEN\" http://127.0.0.1:8081/me");
    }

    private Map<String, String> flags() {
        Map<String, String> f = new LinkedHashMap<>();
        put(f, "server.port", port);
        put(f, "server.host", host);
        put(f, "issuer", issuer);
        put(f, "data-dir", data);
        put(f, "store.url", store);
        if (demo) {
            f.put("demo", "true");
        }
        return f;
    }

    private static void put(Map<String, String> f, String key, String value) {
        if (value != null) {
            f.put(key, value);
        }
    }
}
