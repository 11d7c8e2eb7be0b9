package dev.hallmark.cli;

import dev.hallmark.jwt.Jwt;
import dev.hallmark.server.issue.SecretTokens;
import dev.hallmark.server.store.sql.SqlStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./hallmark serve} as a real process: it starts, answers, stops cleanly on SIGTERM, and loses nothing it
 * acknowledged when it is killed with SIGKILL under load (SQLite in WAL mode commits before the response is sent;
 * the operating system keeps the committed pages when the process dies).
 */
class ServeProcessIT {

    private static Path launcher;

    @BeforeAll
    static void findLauncher() {
        launcher = Path.of("").toAbsolutePath().getParent().resolve("hallmark");
        assertThat(launcher).isExecutable();
    }

    record Demo(String clientId, String clientSecret, String username, String password) {
        static Demo from(ServeProcess s) throws Exception {
            String[] client = s.awaitLine("demo client: ", Duration.ofSeconds(30)).split(" ");
            String[] user = s.awaitLine("demo user: ", Duration.ofSeconds(30)).split(" ");
            return new Demo(client[2], client[3], user[2], user[3]);
        }
    }

    @Test
    void serveAnswersThenStopsCleanlyOnSigterm(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        int port = ServeProcess.freePort();
        try (ServeProcess s = ServeProcess.start(launcher, data, port, "--demo")) {
            Demo demo = Demo.from(s);
            // the launcher recorded the class-data archive serve starts from (CdsTraining serve) on this first start
            assertThat(launcher.getParent().resolve("hallmark-cli/target/hallmark-serve.jsa")).exists();
            HttpResponse<String> token = s.form("/oauth2/token", demo.clientId(), demo.clientSecret(),
                    "grant_type", "client_credentials");
            assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
            assertThat(s.get("/health", demo.clientId(), demo.clientSecret()).statusCode()).isEqualTo(200);

            int exit = s.terminate(Duration.ofSeconds(30));
            // the JVM reports a SIGTERM exit as 128 + 15 after the shutdown hook has stopped Jetty and closed the store
            assertThat(exit).isEqualTo(143);
            assertThat(s.stderr()).as("no stack trace, one line").isEqualTo("hallmark: stopped\n");
        }
        // stopped cleanly: the store opens again and still holds the demo client
        try (ServeProcess again = ServeProcess.start(launcher, data, port, "--demo")) {
            assertThat(again.awaitLine("demo: ", Duration.ofSeconds(30))).contains("exist from an earlier start");
            again.terminate(Duration.ofSeconds(30));
        }
    }

    /** One client's chain of refresh tokens, with what it knows for certain at any moment. */
    static final class Chain {
        final List<String> acknowledged = new ArrayList<>();
        volatile String latest;
        /** True while a redemption of {@link #latest} is on the wire: after a kill, its outcome is unknown. */
        volatile boolean redeeming;
    }

    @Test
    void sigkillUnderLoadLosesNoAcknowledgedRefreshTokenOrRevocation(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        int port = ServeProcess.freePort();
        List<Chain> chains = new ArrayList<>();
        Map<String, String> revokedTokensByJti = new ConcurrentHashMap<>();
        AtomicInteger acknowledged = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        Demo demo;
        try (ServeProcess s = ServeProcess.start(launcher, data, port, "--demo")) {
            demo = Demo.from(s);
            List<Thread> load = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                Chain chain = new Chain();
                chains.add(chain);
                Thread worker = new Thread(() -> drive(s, demo, chain, revokedTokensByJti, acknowledged, stop),
                        "load-" + t);
                worker.start();
                load.add(worker);
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (acknowledged.get() < 300 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(acknowledged.get()).as("load before the kill").isGreaterThanOrEqualTo(300);
            s.kill();
            stop.set(true);
            for (Thread worker : load) {
                worker.join(Duration.ofSeconds(60).toMillis());
            }
        }

        // 1. straight from the store the dead process left: every acknowledged write is there
        try (SqlStore store = SqlStore.open("sqlite:" + data.resolve("hallmark.db"))) {
            for (Chain chain : chains) {
                for (String refresh : chain.acknowledged) {
                    assertThat(store.refreshTokens().find(SecretTokens.hash(refresh)))
                            .as("an acknowledged refresh token").isPresent();
                }
            }
            for (String jti : revokedTokensByJti.keySet()) {
                assertThat(store.revocations().isRevoked(jti)).as("acknowledged revocation of %s", jti).isTrue();
            }
        }
        assertThat(revokedTokensByJti).as("revocations acknowledged before the kill").isNotEmpty();

        // 2. through the restarted server: the latest refresh token of every settled chain still rotates, and every
        // revoked access token is inactive and in the feed
        try (ServeProcess s = ServeProcess.start(launcher, data, port)) {
            int settled = 0;
            for (Chain chain : chains) {
                if (chain.redeeming || chain.latest == null) {
                    continue;
                }
                settled++;
                HttpResponse<String> r = s.form("/oauth2/token", demo.clientId(), demo.clientSecret(),
                        "grant_type", "refresh_token", "refresh_token", chain.latest);
                assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            }
            // with four chains, a kill lands in at most four redemptions; nothing says none settled, so count them
            assertThat(settled + chains.stream().filter(c -> c.redeeming).count()).isEqualTo(chains.size());
            for (Map.Entry<String, String> revoked : revokedTokensByJti.entrySet()) {
                HttpResponse<String> r = s.form("/oauth2/introspect", demo.clientId(), demo.clientSecret(),
                        "token", revoked.getValue());
                assertThat(r.body()).as("introspection of revoked %s", revoked.getKey())
                        .isEqualTo("{\"active\":false}");
            }
            String feed = s.get("/oauth2/revocations?since=0", demo.clientId(), demo.clientSecret()).body();
            for (String jti : revokedTokensByJti.keySet()) {
                assertThat(feed).contains("\"" + jti + "\"");
            }
            s.terminate(Duration.ofSeconds(30));
        }
    }

    /** One load thread: a password login, then refresh rotations, revoking every other access token it gets. */
    private static void drive(ServeProcess s, Demo demo, Chain chain, Map<String, String> revoked,
                              AtomicInteger acknowledged, AtomicBoolean stop) {
        try {
            HttpResponse<String> login = s.form("/oauth2/token", demo.clientId(), demo.clientSecret(),
                    "grant_type", "password", "username", demo.username(), "password", demo.password());
            if (login.statusCode() != 200) {
                throw new AssertionError("login: " + login.body());
            }
            Map<String, Object> tokens = Json.object(login.body());
            chain.latest = (String) tokens.get("refresh_token");
            chain.acknowledged.add(chain.latest);
            for (int i = 0; !stop.get(); i++) {
                chain.redeeming = true;
                HttpResponse<String> r = s.form("/oauth2/token", demo.clientId(), demo.clientSecret(),
                        "grant_type", "refresh_token", "refresh_token", chain.latest);
                if (r.statusCode() != 200) {
                    throw new AssertionError("refresh: " + r.body());
                }
                tokens = Json.object(r.body());
                chain.latest = (String) tokens.get("refresh_token");
                chain.acknowledged.add(chain.latest);
                chain.redeeming = false;
                acknowledged.incrementAndGet();
                if (i % 2 == 0) {
                    String access = (String) tokens.get("access_token");
                    HttpResponse<String> revoke = s.form("/oauth2/revoke", demo.clientId(), demo.clientSecret(),
                            "token", access, "token_type_hint", "access_token");
                    if (revoke.statusCode() != 200) {
                        throw new AssertionError("revoke: " + revoke.statusCode() + " " + revoke.body());
                    }
                    revoked.put(Jwt.decodeUnverified(access).claims().jwtId().orElseThrow(), access);
                    acknowledged.incrementAndGet();
                }
            }
        } catch (IOException | InterruptedException e) {
            // the server was killed mid-request: expected, and why `redeeming` may be left true
        }
    }
}
