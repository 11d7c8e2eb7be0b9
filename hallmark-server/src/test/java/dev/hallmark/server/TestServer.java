package dev.hallmark.server;

import dev.hallmark.server.issue.PasswordHasher;
import dev.hallmark.server.issue.SecretTokens;
import dev.hallmark.server.keys.MasterKey;
import dev.hallmark.server.store.ClientRecord;
import dev.hallmark.server.store.Store;
import dev.hallmark.server.store.UserRecord;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import java.util.StringJoiner;

/**
 * A real server on a loopback port over a real SQLite file, with a confidential first-party client, a third-party
 * client and a user; plus a JDK {@code HttpClient} to talk to it.
 */
public final class TestServer implements AutoCloseable {

    public static final String FIRST_PARTY = "web-app";
    public static final String THIRD_PARTY = "partner";
    public static final String USERNAME = "alice";
    public static final String PASSWORD = "correct horse battery staple";

    public final Store store;
    public final HallmarkServer server;
    public final String firstPartySecret = SecretTokens.newSecret();
    public final String thirdPartySecret = SecretTokens.newSecret();
    public final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    public final PasswordHasher hasher = new PasswordHasher(1024, 1, 1);
    public final String userId;

    public TestServer(Path dir) throws Exception {
        this(dir, b -> { });
    }

    public TestServer(Path dir, java.util.function.Consumer<HallmarkServer.Builder> customize) throws Exception {
        store = Store.open("sqlite:" + dir.resolve("hallmark.db"));
        Clock clock = Clock.systemUTC();
        store.clients().insert(new ClientRecord(FIRST_PARTY, "Web app", SecretTokens.hash(firstPartySecret), null, true,
                Set.of("read", "write"), Set.of("orders-api"), false, clock.instant()));
        store.clients().insert(new ClientRecord(THIRD_PARTY, "Partner", SecretTokens.hash(thirdPartySecret), null, false,
                Set.of("read"), Set.of(), false, clock.instant()));
        userId = "user-" + System.nanoTime();
        store.users().insert(new UserRecord(userId, USERNAME, hasher.hash(PASSWORD.toCharArray()), Set.of("admin"),
                false, clock.instant()));
        HallmarkServer.Builder b = HallmarkServer.builder().store(store)
                .masterKey(MasterKey.fromBase64Url(SecretTokens.newSecret())).passwordHasher(hasher)
                .port(0).clock(clock);
        customize.accept(b);
        server = b.build().start();
    }

    public String base() {
        return server.issuer();
    }

    public HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String path, String contentType, String body, String... headers)
            throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(base() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            r.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            r.header(headers[i], headers[i + 1]);
        }
        return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A form post with HTTP Basic client authentication. */
    public HttpResponse<String> form(String path, String clientId, String secret, String... params) throws Exception {
        String basic = Base64.getEncoder().encodeToString((enc(clientId) + ":" + enc(secret))
                .getBytes(StandardCharsets.UTF_8));
        return post(path, "application/x-www-form-urlencoded", encode(params), "Authorization", "Basic " + basic);
    }

    public static String encode(String... params) {
        StringJoiner j = new StringJoiner("&");
        for (int i = 0; i < params.length; i += 2) {
            j.add(enc(params[i]) + "=" + enc(params[i + 1]));
        }
        return j.toString();
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws Exception {
        server.close();
        store.close();
    }
}
