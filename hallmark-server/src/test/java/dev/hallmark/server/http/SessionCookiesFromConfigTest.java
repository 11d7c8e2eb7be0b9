package dev.hallmark.server.http;

import dev.hallmark.server.HallmarkServer;
import dev.hallmark.server.TestServer;
import dev.hallmark.server.config.ConfigLoader;
import dev.hallmark.server.config.ServerConfig;
import dev.hallmark.server.issue.PasswordHasher;
import dev.hallmark.server.issue.SecretTokens;
import dev.hallmark.server.keys.MasterKey;
import dev.hallmark.server.store.ClientRecord;
import dev.hallmark.server.store.Store;
import dev.hallmark.server.store.UserRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code cookies.secure} from the configuration reaches the session cookies through {@code fromConfig}. */
class SessionCookiesFromConfigTest {

    @Test
    void cookiesSecureFalseInTheConfigurationDropsSecureAndPrefixes(@TempDir Path dir) throws Exception {
        ServerConfig cfg = ConfigLoader.load(Optional.empty(), Map.of("HALLMARK_COOKIES_SECURE", "false"),
                Map.of("server.port", "0"));
        PasswordHasher hasher = new PasswordHasher(1024, 1, 1);
        try (Store store = Store.open("sqlite:" + dir.resolve("h.db"))) {
            store.clients().insert(new ClientRecord("app", "App", null, null, true, Set.of("read"), Set.of(), false,
                    Instant.now()));
            store.users().insert(new UserRecord("u1", "carol", hasher.hash("pw".toCharArray()), Set.of(), false,
                    Instant.now()));
            try (HallmarkServer server = HallmarkServer.fromConfig(cfg, store,
                    MasterKey.fromBase64Url(SecretTokens.newSecret()), hasher, Clock.systemUTC()).start()) {
                HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create(server.issuer() + "/session/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Origin", server.issuer())
                        .POST(HttpRequest.BodyPublishers.ofString(TestServer.encode("username", "carol", "password",
                                "pw", "client_id", "app"))).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                assertThat(r.headers().allValues("Set-Cookie")).hasSize(3)
                        .allMatch(l -> l.startsWith("hallmark-") && !l.contains("Secure"));
            }
        }
    }
}
