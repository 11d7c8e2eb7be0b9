package dev.hallmark.examples.orders;

import dev.hallmark.jwk.Jwk;
import dev.hallmark.jwt.Claims;
import dev.hallmark.jwt.Jwt;
import dev.hallmark.jwt.JwtSigner;
import dev.hallmark.server.HallmarkServer;
import dev.hallmark.server.issue.PasswordHasher;
import dev.hallmark.server.issue.SecretTokens;
import dev.hallmark.server.keys.MasterKey;
import dev.hallmark.server.store.ClientRecord;
import dev.hallmark.server.store.SigningKeyRecord;
import dev.hallmark.server.store.Store;
import dev.hallmark.server.store.UserRecord;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real token issuer in-process on a loopback port over SQLite in a temporary directory (the parts of the
 * server's own test fixture this test needs): a first-party web client for the orders API, one for another API (to
 * get tokens with the wrong audience), the orders API's own client (to read the revocation feed) and a user.
 */
final class Issuer implements AutoCloseable {

    static final String WEB = "orders-web";
    static final String OTHER_API_WEB = "billing-web";
    static final String API_CLIENT = "orders-api";
    static final String USERNAME = "alice";
    static final String PASSWORD = "correct horse battery staple";

    final String webSecret = SecretTokens.newSecret();
    final String otherSecret = SecretTokens.newSecret();
    final String apiSecret = SecretTokens.newSecret();
    final MutableClock clock = new MutableClock(Instant.now());
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final String userId = "user-" + System.nanoTime();
    private final MasterKey masterKey = MasterKey.fromBase64Url(SecretTokens.newSecret());
    private final Store store;
    private final HallmarkServer server;
    private boolean stopped;

    Issuer(Path dir) throws Exception {
        store = Store.open("sqlite:" + dir.resolve("hallmark.db"));
        Instant now = clock.instant();
        PasswordHasher hasher = new PasswordHasher(1024, 1, 1);
        store.clients().insert(new ClientRecord(WEB, "Orders web app", SecretTokens.hash(webSecret), null, true,
                Set.of("orders:read", "orders:write"), Set.of(OrdersApi.AUDIENCE), false, now));
        store.clients().insert(new ClientRecord(OTHER_API_WEB, "Billing web app", SecretTokens.hash(otherSecret), null,
                true, Set.of("orders:read"), Set.of("billing-api"), false, now));
        store.clients().insert(new ClientRecord(API_CLIENT, "Orders API", SecretTokens.hash(apiSecret), null, false,
                Set.of(), Set.of(), false, now));
        store.users().insert(new UserRecord(userId, USERNAME, hasher.hash(PASSWORD.toCharArray()), Set.of("customer"),
                false, now));
        server = HallmarkServer.builder().store(store).masterKey(masterKey).passwordHasher(hasher).clock(clock)
                .port(0).build().start();
    }

    String base() {
        return server.issuer();
    }

    /** An access token from the password grant (RFC 6749 §4.3). */
    String passwordToken(String clientId, String secret, String scope) throws Exception {
        HttpResponse<String> r = form("/oauth2/token", clientId, secret, "grant_type", "password",
                "username", USERNAME, "password", PASSWORD, "scope", scope);
        if (r.statusCode() != 200) {
            throw new IllegalStateException("token request failed: " + r.statusCode() + " " + r.body());
        }
        return member(r.body(), "access_token");
    }

    /** The cookies of a cookie login, as {@code name=value} for a {@code Cookie} header, and the CSRF token. */
    record Session(String accessCookie, String csrfCookie, String csrfToken) {
    }

    /** Cookie login (POST /session/login) as a page of the issuer's origin would do it. */
    Session cookieLogin() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base() + "/session/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", base())
                .POST(HttpRequest.BodyPublishers.ofString(encode("username", USERNAME, "password", PASSWORD,
                        "client_id", WEB))).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("cookie login failed: " + r.statusCode() + " " + r.body());
        }
        String access = null;
        String csrf = null;
        for (String cookie : r.headers().allValues("Set-Cookie")) {
            String pair = cookie.substring(0, cookie.indexOf(';'));
            if (pair.startsWith(OrdersApi.COOKIE + "=")) {
                access = pair;
            } else if (pair.startsWith("__Host-hallmark-csrf=")) {
                csrf = pair;
            }
        }
        if (access == null || csrf == null) {
            throw new IllegalStateException("cookies missing in " + r.headers().allValues("Set-Cookie").size()
                    + " Set-Cookie headers");
        }
        return new Session(access, csrf, member(r.body(), "csrf_token"));
    }

    /** RFC 7009 revocation by the client the token was issued to. */
    void revoke(String token) throws Exception {
        HttpResponse<String> r = form("/oauth2/revoke", WEB, webSecret, "token", token);
        if (r.statusCode() != 200) {
            throw new IllegalStateException("revocation failed: " + r.statusCode());
        }
    }

    /** The same claims signed by the issuer's active key, but typed {@code typ: JWT} instead of {@code at+jwt}. */
    String retypedByTheIssuerKey(String token) throws Exception {
        SigningKeyRecord active = server.keys().keys().stream()
                .filter(k -> k.state() == SigningKeyRecord.State.ACTIVE).findFirst().orElseThrow();
        // the server seals each private key with the key id as associated data (KeyManager)
        byte[] json = masterKey.decrypt(active.encryptedPrivateJwk(), "hallmark-signing-key:" + active.kid());
        Jwk key = Jwk.parse(new String(json, StandardCharsets.UTF_8));
        Claims claims = Jwt.decodeUnverified(token).claims();
        return JwtSigner.builder(key).type("JWT").clock(clock).build().sign(claims);
    }

    /** Publishes a successor key and lets the issuer's clock pass publish-ahead so the successor signs. */
    String rotateSigningKey() {
        String previous = activeKid();
        server.keys().rotate();
        clock.advance(Duration.ofHours(1).plusSeconds(1));
        server.keys().maintain();
        String now = activeKid();
        if (now.equals(previous)) {
            throw new IllegalStateException("the successor key did not activate");
        }
        return now;
    }

    String activeKid() {
        return server.keys().keys().stream().filter(k -> k.state() == SigningKeyRecord.State.ACTIVE)
                .map(SigningKeyRecord::kid).findFirst().orElseThrow();
    }

    /** Successful JWKS responses so far, as the issuer's own metrics count them. */
    long jwksFetches() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base() + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("hallmark_http_requests_total\\{path=\"/oauth2/jwks\",status=\"200\"} (\\d+)")
                .matcher(r.body());
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    HttpResponse<String> form(String path, String clientId, String secret, String... params) throws Exception {
        String basic = Base64.getEncoder().encodeToString((enc(clientId) + ":" + enc(secret))
                .getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create(base() + path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.ofString(encode(params))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String member(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in the response");
        }
        return m.group(1);
    }

    static String encode(String... params) {
        StringJoiner j = new StringJoiner("&");
        for (int i = 0; i < params.length; i += 2) {
            j.add(enc(params[i]) + "=" + enc(params[i + 1]));
        }
        return j.toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Stops HTTP; the store stays open until {@link #close()}. */
    void stop() throws Exception {
        if (!stopped) {
            stopped = true;
            server.close();
        }
    }

    @Override
    public void close() throws Exception {
        stop();
        store.close();
    }
}
