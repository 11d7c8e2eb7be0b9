package dev.hallmark.examples.orders;

import dev.hallmark.jwk.Jwk;
import dev.hallmark.jwk.KeyGenerator;
import dev.hallmark.jwt.Claims;
import dev.hallmark.jwt.Jwt;
import dev.hallmark.jwt.JwtSigner;
import dev.hallmark.servlet.JwtAuthenticationFilter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.logging.Level;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole flow over real HTTP on loopback: the Hallmark issuer in-process (SQLite in a temporary directory), the
 * orders API configured from the issuer's discovery document, and a JDK HttpClient in the role of the clients. The API
 * runs on its own controllable clock.
 */
class OrdersApiEndToEndTest {

    static final String INVALID_TOKEN = "Bearer realm=\"orders-api\", error=\"invalid_token\"";
    // 1,000 refusals would be 1,000 INFO lines; the filter's logging has its own tests
    static final Logger FILTER_LOG = Logger.getLogger(JwtAuthenticationFilter.class.getName());

    static final Duration FEED_INTERVAL = Duration.ofMillis(500);

    @TempDir
    Path dir;
    Issuer issuer;
    MutableClock apiClock;
    OrdersService api;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void quietFilterLog() {
        FILTER_LOG.setLevel(Level.WARNING);
    }

    @AfterAll
    static void restoreFilterLog() {
        FILTER_LOG.setLevel(null);
    }

    @BeforeEach
    void start() throws Exception {
        issuer = new Issuer(dir);
        apiClock = new MutableClock(Instant.now());
        api = OrdersService.builder(issuer.base()).port(0).clock(apiClock)
                .revocationFeed(Issuer.API_CLIENT, issuer.apiSecret).revocationPollInterval(FEED_INTERVAL).start();
    }

    @AfterEach
    void stop() throws Exception {
        api.close();
        issuer.close();
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(api.uri(path)).timeout(Duration.ofSeconds(20));
    }

    HttpResponse<String> send(HttpRequest.Builder r) throws Exception {
        return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path, String token) throws Exception {
        return send(request(path).header("Authorization", "Bearer " + token));
    }

    static void assertInvalidToken(HttpResponse<String> r) {
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().allValues("WWW-Authenticate")).containsExactly(INVALID_TOKEN);
        assertThat(r.body()).isEqualTo("{\"error\":\"invalid_token\"}");
    }

    String readWriteToken() throws Exception {
        return issuer.passwordToken(Issuer.WEB, issuer.webSecret, "orders:read orders:write");
    }

    @Test
    void passwordGrantTokenReadsAndWritesOrders() throws Exception {
        String token = readWriteToken();
        HttpResponse<String> me = get("/me", token);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"sub\":\"" + issuer.userId + "\"", "\"client_id\":\"orders-web\"",
                "\"scopes\":[\"orders:read\",\"orders:write\"]", "\"roles\":[\"customer\"]",
                "\"auth_type\":\"BEARER\"");

        HttpResponse<String> created = send(request("/orders").header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"item\":\"espresso beans\"}")));
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValue("/orders/1");
        HttpResponse<String> list = get("/orders", token);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("\"item\":\"espresso beans\"");
        assertThat(send(request("/health")).statusCode()).isEqualTo(200);
    }

    @Test
    void scopesOfTheTokenLimitWhatItMayDo() throws Exception {
        String reader = issuer.passwordToken(Issuer.WEB, issuer.webSecret, "orders:read");
        assertThat(get("/orders", reader).statusCode()).isEqualTo(200);
        HttpResponse<String> post = send(request("/orders").header("Authorization", "Bearer " + reader)
                .POST(HttpRequest.BodyPublishers.ofString("{\"item\":\"tea\"}")));
        assertThat(post.statusCode()).isEqualTo(403);
        assertThat(post.headers().firstValue("WWW-Authenticate")).hasValue(
                "Bearer realm=\"orders-api\", error=\"insufficient_scope\", scope=\"orders:write\"");
        HttpResponse<String> anonymous = send(request("/orders"));
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"orders-api\"");
    }

    @Test
    void cookieLoginTokenCallsTheApiAndWritesWithTheCsrfToken() throws Exception {
        Issuer.Session session = issuer.cookieLogin();
        HttpResponse<String> list = send(request("/orders").header("Cookie", session.accessCookie()));
        assertThat(list.statusCode()).isEqualTo(200);

        HttpResponse<String> forged = send(request("/orders").header("Cookie", session.accessCookie())
                .POST(HttpRequest.BodyPublishers.ofString("{\"item\":\"tea\"}")));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).isEqualTo("{\"error\":\"csrf\"}");

        HttpResponse<String> created = send(request("/orders")
                .header("Cookie", session.accessCookie() + "; " + session.csrfCookie())
                .header("X-CSRF-Token", session.csrfToken())
                .POST(HttpRequest.BodyPublishers.ofString("{\"item\":\"tea\"}")));
        assertThat(created.statusCode()).isEqualTo(201);
    }

    @Test
    void tamperedExpiredWrongAudienceAndWrongTypeAreInvalidTokens() throws Exception {
        String token = readWriteToken();
        assertThat(get("/me", token).statusCode()).isEqualTo(200);

        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace(issuer.userId, "someone-else");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertInvalidToken(get("/me", tampered));

        String otherAudience = issuer.passwordToken(Issuer.OTHER_API_WEB, issuer.otherSecret, "orders:read");
        assertThat(Jwt.decodeUnverified(otherAudience).claims().audience()).containsExactly("billing-api");
        assertInvalidToken(get("/orders", otherAudience));

        String retyped = issuer.retypedByTheIssuerKey(token);
        assertThat(Jwt.decodeUnverified(retyped).header().type()).hasValue("JWT");
        assertInvalidToken(get("/me", retyped));

        // the API's clock passes the token's exp (15 minutes); the issuer is untouched
        apiClock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertInvalidToken(get("/me", token));
    }

    @Test
    void aRevokedTokenIsRefusedWithinTheFeedInterval() throws Exception {
        String token = readWriteToken();
        String other = readWriteToken();
        assertThat(get("/orders", token).statusCode()).isEqualTo(200);
        issuer.revoke(token);
        // the feed is polled in the background: wait for it, with a generous deadline and no assertion on timing
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        HttpResponse<String> r = get("/orders", token);
        while (r.statusCode() == 200 && System.nanoTime() < deadline) {
            Thread.sleep(FEED_INTERVAL.toMillis() / 2);
            r = get("/orders", token);
        }
        assertInvalidToken(r);
        assertThat(get("/orders", other).statusCode()).as("other tokens of the same user").isEqualTo(200);
    }

    @Test
    void afterTheIssuerRotatesItsKeyNewTokensVerifyWithoutRestartingTheApi() throws Exception {
        String before = readWriteToken();
        assertThat(get("/me", before).statusCode()).isEqualTo(200);
        String oldKid = issuer.activeKid();

        String newKid = issuer.rotateSigningKey();
        String after = readWriteToken();
        assertThat(Jwt.decodeUnverified(after).header().keyId()).hasValue(newKid).isNotEqualTo(oldKid);
        // the API's cached set predates the new key: an unknown kid may refetch once the cooldown has passed
        apiClock.advance(Duration.ofSeconds(31));
        assertThat(get("/me", after).statusCode()).isEqualTo(200);
        assertThat(get("/me", before).statusCode()).as("tokens of the retired key until they expire").isEqualTo(200);
    }

    @Test
    void whenTheIssuerStopsCachedKeysKeepWorking() throws Exception {
        String token = readWriteToken();
        assertThat(get("/me", token).statusCode()).isEqualTo(200);
        issuer.stop();
        assertThat(get("/me", token).statusCode()).isEqualTo(200);
        // past the JWK Set's max-age (10 minutes): refreshes fail, the last good set is served (stale-if-error)
        apiClock.advance(Duration.ofMinutes(11));
        assertThat(get("/me", token).statusCode()).isEqualTo(200);
        assertThat(get("/orders", token).statusCode()).isEqualTo(200);
    }

    @Test
    void aThousandRandomKidsCostAtMostOneJwksFetchPerCooldown() throws Exception {
        assertThat(get("/me", readWriteToken()).statusCode()).isEqualTo(200);
        long primed = issuer.jwksFetches();
        assertThat(primed).isGreaterThanOrEqualTo(1);

        assertThat(randomKidStorm(1000)).allMatch(status -> status == 401);
        assertThat(issuer.jwksFetches() - primed).as("extra fetches within one cooldown").isLessThanOrEqualTo(1);

        apiClock.advance(Duration.ofSeconds(30));
        long afterFirst = issuer.jwksFetches();
        assertThat(randomKidStorm(1000)).allMatch(status -> status == 401);
        assertThat(issuer.jwksFetches() - afterFirst).as("extra fetches in the next cooldown").isLessThanOrEqualTo(1);
        assertThat(get("/me", readWriteToken()).statusCode()).isEqualTo(200);
    }

    /** Sends {@code n} well-formed tokens, each naming a kid the issuer never had, 16 at a time. */
    List<Integer> randomKidStorm(int n) throws Exception {
        Jwk stranger = KeyGenerator.forAlgorithm("ES256").generate();
        Semaphore inFlight = new Semaphore(16);
        List<CompletableFuture<Integer>> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String token = JwtSigner.builder(stranger.withKeyId(UUID.randomUUID().toString())).type("at+jwt")
                    .build().sign(Claims.builder().issuer(issuer.base()).subject("mallory")
                            .audience(OrdersApi.AUDIENCE).claim("client_id", "x").jwtId(UUID.randomUUID().toString())
                            .expiresAt(apiClock.instant().plusSeconds(300)).build());
            inFlight.acquire();
            all.add(http.sendAsync(request("/me").header("Authorization", "Bearer " + token).build(),
                            HttpResponse.BodyHandlers.discarding())
                    .whenComplete((r, e) -> inFlight.release())
                    .thenApply(HttpResponse::statusCode));
        }
        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<Integer> f : all) {
            statuses.add(f.get());
        }
        return statuses;
    }
}
