package dev.hallmark.server.http;

import dev.hallmark.jwk.JwkSet;
import dev.hallmark.jwk.KeySource;
import dev.hallmark.jwt.Claims;
import dev.hallmark.jwt.JwtVerifier;
import dev.hallmark.jwt.VerifiedJwt;
import dev.hallmark.server.TestServer;
import dev.hallmark.server.store.ClientRecord;
import dev.hallmark.server.store.UserRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.hallmark.server.TestServer.FIRST_PARTY;
import static dev.hallmark.server.TestServer.PASSWORD;
import static dev.hallmark.server.TestServer.THIRD_PARTY;
import static dev.hallmark.server.TestServer.USERNAME;
import static org.assertj.core.api.Assertions.assertThat;

/** Cookie login, refresh and logout over real HTTP: cookie attributes, CSRF refusals, rotation and revocation. */
class SessionEndpointTest {

    static final String FORM = "application/x-www-form-urlencoded";

    @TempDir
    static Path dir;
    static TestServer t;

    @BeforeAll
    static void start() throws Exception {
        t = new TestServer(dir, b -> b.loginLimits(3, 1000, Duration.ofMinutes(15))
                .refreshLifetime(Duration.ofDays(7)));
        t.store.clients().insert(new ClientRecord("disabled-app", "Disabled", null, null, true, Set.of("read"),
                Set.of(), true, Instant.now()));
    }

    @AfterAll
    static void stop() throws Exception {
        t.close();
    }

    String origin() {
        return t.base();
    }

    /** A browser session: the cookie values the server set, and the CSRF token from the body. */
    record Session(Map<String, String> cookies, String csrf) {
        String cookieHeader(String... names) {
            List<String> parts = new ArrayList<>();
            for (String n : names) {
                parts.add(n + "=" + cookies.get(n));
            }
            return String.join("; ", parts);
        }

        String all() {
            return cookieHeader("__Host-hallmark-at", "__Secure-hallmark-rt", "__Host-hallmark-csrf");
        }
    }

    HttpResponse<String> login(String clientId, String username, String password, String... headers) throws Exception {
        return t.post("/session/login", FORM, TestServer.encode("username", username, "password", password,
                "client_id", clientId), headers);
    }

    Session loginOk() throws Exception {
        HttpResponse<String> r = login(FIRST_PARTY, USERNAME, PASSWORD, "Origin", origin());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return new Session(setCookies(r), Claims.parse(r.body()).getString("csrf_token").orElseThrow());
    }

    static Map<String, String> setCookieLines(HttpResponse<String> r) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : r.headers().allValues("Set-Cookie")) {
            out.put(line.substring(0, line.indexOf('=')), line);
        }
        return out;
    }

    static Map<String, String> setCookies(HttpResponse<String> r) {
        Map<String, String> out = new LinkedHashMap<>();
        setCookieLines(r).forEach((name, line) -> out.put(name, line.substring(name.length() + 1, line.indexOf(';'))));
        return out;
    }

    VerifiedJwt verify(String token) throws Exception {
        return JwtVerifier.builder().keys(KeySource.of(JwkSet.parse(t.get("/oauth2/jwks").body())))
                .expectIssuer(t.base()).expectAudience("orders-api").expectType("at+jwt").build().verify(token);
    }

    @Test
    void loginSetsThreeCookiesWithExactAttributesAndReturnsOnlyTheCsrfToken() throws Exception {
        HttpResponse<String> r = login(FIRST_PARTY, USERNAME, PASSWORD, "Origin", origin());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Cache-Control")).contains("no-store");
        Map<String, String> lines = setCookieLines(r);
        Map<String, String> values = setCookies(r);
        assertThat(lines.keySet()).containsExactly("__Host-hallmark-at", "__Secure-hallmark-rt",
                "__Host-hallmark-csrf");
        assertThat(lines.get("__Host-hallmark-at")).isEqualTo("__Host-hallmark-at=" + values.get("__Host-hallmark-at")
                + "; Max-Age=900; Path=/; Secure; HttpOnly; SameSite=Strict");
        assertThat(lines.get("__Secure-hallmark-rt")).isEqualTo("__Secure-hallmark-rt="
                + values.get("__Secure-hallmark-rt")
                + "; Max-Age=604800; Path=/session; Secure; HttpOnly; SameSite=Strict");
        assertThat(lines.get("__Host-hallmark-csrf")).isEqualTo("__Host-hallmark-csrf="
                + values.get("__Host-hallmark-csrf") + "; Max-Age=604800; Path=/; Secure; SameSite=Strict");
        assertThat(lines.values()).noneMatch(l -> l.contains("Domain"));
        Claims body = Claims.parse(r.body());
        assertThat(body.getString("csrf_token")).contains(values.get("__Host-hallmark-csrf"));
        assertThat(body.getLong("expires_in")).contains(900L);
        assertThat(r.body()).doesNotContain(values.get("__Host-hallmark-at"))
                .doesNotContain(values.get("__Secure-hallmark-rt"));
        // 256 random bits, base64url
        assertThat(values.get("__Host-hallmark-csrf")).matches("[A-Za-z0-9_-]{43}");
    }

    @Test
    void theAccessCookieVerifiesWithTheJwks() throws Exception {
        Session s = loginOk();
        VerifiedJwt jwt = verify(s.cookies().get("__Host-hallmark-at"));
        assertThat(jwt.claims().subject()).contains(t.userId);
        assertThat(jwt.claims().getString("client_id")).contains(FIRST_PARTY);
    }

    @Test
    void refreshRotatesEveryCookieAndTheOldRefreshCookieIsThenReuse() throws Exception {
        Session s = loginOk();
        HttpResponse<String> r = t.post("/session/refresh", FORM, "", "Origin", origin(), "X-CSRF-Token", s.csrf(),
                "Cookie", s.all());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        Map<String, String> next = setCookies(r);
        assertThat(next.keySet()).containsExactly("__Host-hallmark-at", "__Secure-hallmark-rt",
                "__Host-hallmark-csrf");
        for (String name : next.keySet()) {
            assertThat(next.get(name)).isNotEqualTo(s.cookies().get(name));
        }
        assertThat(Claims.parse(r.body()).getString("csrf_token")).contains(next.get("__Host-hallmark-csrf"));
        verify(next.get("__Host-hallmark-at"));

        // the old refresh cookie is spent: presenting it again is reuse, which revokes the family
        HttpResponse<String> replay = t.post("/session/refresh", FORM, "", "Origin", origin(), "X-CSRF-Token",
                s.csrf(), "Cookie", s.all());
        assertThat(replay.statusCode()).isEqualTo(401);
        Session rotated = new Session(next, Claims.parse(r.body()).getString("csrf_token").orElseThrow());
        HttpResponse<String> afterReuse = t.post("/session/refresh", FORM, "", "Origin", origin(), "X-CSRF-Token",
                rotated.csrf(), "Cookie", rotated.all());
        assertThat(afterReuse.statusCode()).isEqualTo(401);
    }

    @Test
    void logoutClearsEveryCookieAndRevokesTheFamily() throws Exception {
        Session s = loginOk();
        String jti = verify(s.cookies().get("__Host-hallmark-at")).claims().jwtId().orElseThrow();
        HttpResponse<String> r = t.post("/session/logout", FORM, "", "Origin", origin(), "X-CSRF-Token", s.csrf(),
                "Cookie", s.all());
        assertThat(r.statusCode()).isEqualTo(204);
        assertThat(r.headers().allValues("Set-Cookie")).containsExactly(
                "__Host-hallmark-at=; Max-Age=0; Path=/; Secure; HttpOnly; SameSite=Strict",
                "__Secure-hallmark-rt=; Max-Age=0; Path=/session; Secure; HttpOnly; SameSite=Strict",
                "__Host-hallmark-csrf=; Max-Age=0; Path=/; Secure; SameSite=Strict");
        assertThat(t.store.revocations().isRevoked(jti)).isTrue();
        HttpResponse<String> refresh = t.post("/session/refresh", FORM, "", "Origin", origin(), "X-CSRF-Token",
                s.csrf(), "Cookie", s.all());
        assertThat(refresh.statusCode()).isEqualTo(401);
        // introspection agrees: the access token from the cookie is no longer active
        HttpResponse<String> intro = t.form("/oauth2/introspect", FIRST_PARTY, t.firstPartySecret, "token",
                s.cookies().get("__Host-hallmark-at"));
        assertThat(Claims.parse(intro.body()).getBoolean("active")).contains(false);
    }

    @Test
    void missingOrUnknownRefreshCookieIs401WithCookieChallengeAndClearedCookies() throws Exception {
        Session s = loginOk();
        HttpResponse<String> r = t.post("/session/refresh", FORM, "", "Origin", origin(), "X-CSRF-Token", s.csrf(),
                "Cookie", s.cookieHeader("__Host-hallmark-csrf"));
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate")).contains("Cookie realm=\"hallmark\"");
        assertThat(r.headers().allValues("Set-Cookie")).hasSize(3).allMatch(l -> l.contains("=; Max-Age=0;"));
        assertThat(Claims.parse(r.body()).getString("error")).contains("invalid_session");
        r = t.post("/session/refresh", FORM, "", "Origin", origin(), "X-CSRF-Token", s.csrf(),
                "Cookie", "__Secure-hallmark-rt=not-a-token; __Host-hallmark-csrf=" + s.csrf());
        assertThat(r.statusCode()).isEqualTo(401);
        r = t.post("/session/logout", FORM, "", "Origin", origin(), "X-CSRF-Token", s.csrf(),
                "Cookie", s.cookieHeader("__Host-hallmark-csrf"));
        assertThat(r.statusCode()).isEqualTo(401);
    }

    @Test
    void csrfRefusals() throws Exception {
        Session s = loginOk();
        for (String path : List.of("/session/refresh", "/session/logout")) {
            // no X-CSRF-Token
            assertCsrf(t.post(path, FORM, "", "Origin", origin(), "Cookie", s.all()));
            // a wrong X-CSRF-Token
            assertCsrf(t.post(path, FORM, "", "Origin", origin(), "X-CSRF-Token", s.csrf() + "x", "Cookie", s.all()));
            // the header without the cookie (nothing to compare with)
            assertCsrf(t.post(path, FORM, "", "Origin", origin(), "X-CSRF-Token", s.csrf(),
                    "Cookie", s.cookieHeader("__Host-hallmark-at", "__Secure-hallmark-rt")));
            // a planted second csrf cookie makes both untrusted
            assertCsrf(t.post(path, FORM, "", "Origin", origin(), "X-CSRF-Token", s.csrf(),
                    "Cookie", s.all() + "; __Host-hallmark-csrf=planted"));
            // wrong Origin, even with the right token
            assertCsrf(t.post(path, FORM, "", "Origin", "https://evil.example", "X-CSRF-Token", s.csrf(),
                    "Cookie", s.all()));
            assertCsrf(t.post(path, FORM, "", "Origin", "null", "X-CSRF-Token", s.csrf(), "Cookie", s.all()));
            // no Origin and no Sec-Fetch-Site
            assertCsrf(t.post(path, FORM, "", "X-CSRF-Token", s.csrf(), "Cookie", s.all()));
            // cross-site fetch metadata, with or without an Origin
            assertCsrf(t.post(path, FORM, "", "Sec-Fetch-Site", "cross-site", "X-CSRF-Token", s.csrf(),
                    "Cookie", s.all()));
            assertCsrf(t.post(path, FORM, "", "Origin", origin(), "Sec-Fetch-Site", "same-site",
                    "X-CSRF-Token", s.csrf(), "Cookie", s.all()));
        }
        // the session survived every refused attempt; no Origin but Sec-Fetch-Site: same-origin is accepted
        HttpResponse<String> ok = t.post("/session/refresh", FORM, "", "Sec-Fetch-Site", "same-origin",
                "X-CSRF-Token", s.csrf(), "Cookie", s.all());
        assertThat(ok.statusCode()).isEqualTo(200);
    }

    static void assertCsrf(HttpResponse<String> r) {
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).isEqualTo("{\"error\":\"csrf\"}");
        assertThat(r.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void loginChecksOriginAndTheClient() throws Exception {
        assertCsrf(login(FIRST_PARTY, USERNAME, PASSWORD, "Origin", "https://evil.example"));
        assertCsrf(login(FIRST_PARTY, USERNAME, PASSWORD));
        assertCsrf(login(FIRST_PARTY, USERNAME, PASSWORD, "Origin", origin(), "Sec-Fetch-Site", "cross-site"));
        assertThat(login(FIRST_PARTY, USERNAME, PASSWORD, "Sec-Fetch-Site", "same-origin").statusCode())
                .isEqualTo(200);
        for (String client : List.of(THIRD_PARTY, "disabled-app", "nobody", "")) {
            HttpResponse<String> r = login(client, USERNAME, PASSWORD, "Origin", origin());
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(Claims.parse(r.body()).getString("error")).contains("unauthorized_client");
            assertThat(r.headers().allValues("Set-Cookie")).isEmpty();
        }
        HttpResponse<String> wrong = login(FIRST_PARTY, USERNAME, "nope", "Origin", origin());
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(Claims.parse(wrong.body()).getString("error")).contains("invalid_grant");
        assertThat(wrong.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void loginIsThrottledPerAccount() throws Exception {
        t.store.users().insert(new UserRecord("user-bob", "bob", t.hasher.hash("bobs password".toCharArray()),
                Set.of(), false, Instant.now()));
        for (int i = 0; i < 3; i++) {
            assertThat(login(FIRST_PARTY, "bob", "wrong", "Origin", origin()).statusCode()).isEqualTo(400);
        }
        // over the limit even the right password is refused, without a cookie
        HttpResponse<String> r = login(FIRST_PARTY, "bob", "bobs password", "Origin", origin());
        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(Claims.parse(r.body()).getString("error")).contains("login_throttled");
        assertThat(r.headers().allValues("Set-Cookie")).isEmpty();
    }
}
