package dev.hallmark.cli;

import dev.hallmark.server.HallmarkServer;
import dev.hallmark.server.issue.PasswordHasher;
import dev.hallmark.server.issue.SecretTokens;
import dev.hallmark.server.keys.MasterKey;
import dev.hallmark.server.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.hallmark.cli.CliAssertions.assertSuccess;
import static org.assertj.core.api.Assertions.assertThat;

/** Admin commands on the SQLite file of a running server: the server sees the change at once. */
class AdminWhileServingTest {

    @TempDir
    Path dir;

    @Test
    void aClientAddedWhileTheServerRunsGetsATokenOverHttp() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        try (Store store = Store.open("sqlite:" + dir.resolve("hallmark.db"))) {
            HallmarkServer server = HallmarkServer.builder().store(store)
                    .masterKey(MasterKey.fromBase64Url(SecretTokens.newSecret()))
                    .passwordHasher(new PasswordHasher()).port(0).clock(Clock.systemUTC()).build().start();
            try {
                Cli.Result r = assertSuccess(Cli.run("admin", "clients", "add", "late", "--scope", "read",
                        "--data", dir.toString()));
                Map<String, String> f = r.outLines().stream().collect(Collectors.toMap(
                        l -> l.substring(0, l.indexOf(": ")), l -> l.substring(l.indexOf(": ") + 2)));

                HttpResponse<String> ok = token(http, server.issuer(), f.get("client_id"), f.get("client_secret"));
                assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
                assertThat(ok.body()).contains("\"access_token\":\"").contains("\"token_type\":\"Bearer\"");

                assertSuccess(Cli.run("admin", "clients", "disable", f.get("client_id"), "--data", dir.toString()));
                HttpResponse<String> refused = token(http, server.issuer(), f.get("client_id"), f.get("client_secret"));
                assertThat(refused.statusCode()).isEqualTo(401);
                assertThat(refused.body()).contains("\"invalid_client\"");
            } finally {
                server.close();
            }
        }
    }

    private static HttpResponse<String> token(HttpClient http, String issuer, String id, String secret)
            throws Exception {
        String basic = Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
        HttpRequest req = HttpRequest.newBuilder(URI.create(issuer + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=read")).build();
        return http.send(req, HttpResponse.BodyHandlers.ofString());
    }
}
