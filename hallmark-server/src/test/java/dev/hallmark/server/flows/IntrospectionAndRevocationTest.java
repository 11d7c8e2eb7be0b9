package dev.hallmark.server.flows;

import dev.hallmark.jwt.Claims;
import dev.hallmark.jwt.Jwt;
import dev.hallmark.server.MutableClock;
import dev.hallmark.server.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static dev.hallmark.server.TestServer.FIRST_PARTY;
import static dev.hallmark.server.TestServer.THIRD_PARTY;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code /oauth2/introspect} (RFC 7662), {@code /oauth2/revoke} (RFC 7009) and the revocation feed over real HTTP. */
class IntrospectionAndRevocationTest {

    static final String INACTIVE = "{\"active\":false}";

    @TempDir
    static Path dir;
    static TestServer t;

    @BeforeAll
    static void start() throws Exception {
        t = new TestServer(dir);
    }

    @AfterAll
    static void stop() throws Exception {
        t.close();
    }

    static Claims json(HttpResponse<String> r) {
        return Claims.parse(r.body());
    }

    static String field(Claims c, String name) {
        return c.getString(name).orElseThrow();
    }

    static Claims clientToken(TestServer s) throws Exception {
        HttpResponse<String> r = s.form("/oauth2/token", FIRST_PARTY, s.firstPartySecret, "grant_type",
                "client_credentials", "scope", "read");
        assertThat(r.statusCode()).isEqualTo(200);
        return json(r);
    }

    static Claims login() throws Exception {
        HttpResponse<String> r = t.form("/oauth2/token", FIRST_PARTY, t.firstPartySecret, "grant_type", "password",
                "username", TestServer.USERNAME, "password", TestServer.PASSWORD, "scope", "read write");
        assertThat(r.statusCode()).isEqualTo(200);
        return json(r);
    }

    static HttpResponse<String> introspect(TestServer s, String token) throws Exception {
        return s.form("/oauth2/introspect", FIRST_PARTY, s.firstPartySecret, "token", token);
    }

    static HttpResponse<String> revoke(String clientId, String secret, String token) throws Exception {
        return t.form("/oauth2/revoke", clientId, secret, "token", token);
    }

    static HttpResponse<String> feed(String query, String clientId, String secret) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(t.base() + "/oauth2/revocations" + query)).GET();
        if (clientId != null) {
            r.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + secret)
                    .getBytes(StandardCharsets.UTF_8)));
        }
        return t.http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> entries(HttpResponse<String> feed) {
        return (List<Map<String, Object>>) json(feed).get("revocations").orElseThrow();
    }

    static List<Object> jtis(HttpResponse<String> feed) {
        return entries(feed).stream().map(e -> e.get("jti")).toList();
    }

    static String jti(String accessToken) {
        return Jwt.decodeUnverified(accessToken).claims().jwtId().orElseThrow();
    }

    @Test
    void rfc7662Section2_1IntrospectionRequiresClientAuthentication() throws Exception {
        String token = field(clientToken(t), "access_token");
        HttpResponse<String> r = t.post("/oauth2/introspect", "application/x-www-form-urlencoded",
                TestServer.encode("token", token));
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate")).isPresent();
        assertThat(field(json(r), "error")).isEqualTo("invalid_client");
        assertThat(t.form("/oauth2/introspect", FIRST_PARTY, "wrong", "token", token).statusCode()).isEqualTo(401);
    }

    @Test
    void rfc7662Section2_2ActiveAccessTokenHasTheResponseMembers() throws Exception {
        Claims login = login();
        Claims c = json(introspect(t, field(login, "access_token")));
        assertThat(c.getBoolean("active")).contains(true);
        assertThat(c.getString("scope")).contains("read write");
        assertThat(c.getString("client_id")).contains(FIRST_PARTY);
        assertThat(c.getString("sub")).contains(t.userId);
        assertThat(c.getString("iss")).contains(t.base());
        assertThat(c.getString("token_type")).contains("Bearer");
        assertThat(c.getString("jti")).contains(jti(field(login, "access_token")));
        assertThat(c.get("aud")).isPresent();
        long exp = c.getLong("exp").orElseThrow();
        long iat = c.getLong("iat").orElseThrow();
        assertThat(exp - iat).isEqualTo(900);
    }

    @Test
    void rfc7662Section2_2InactiveTokensAnswerOnlyActiveFalse() throws Exception {
        assertThat(introspect(t, "garbage").body()).isEqualTo(INACTIVE);
        assertThat(introspect(t, "a.b.c").body()).isEqualTo(INACTIVE);
        String token = field(clientToken(t), "access_token");
        String[] parts = token.split("\\.");
        String tampered = parts[0] + "." + parts[1] + "." + (parts[2].charAt(0) == 'A' ? "B" : "A")
                + parts[2].substring(1);
        assertThat(introspect(t, tampered).body()).isEqualTo(INACTIVE);
        assertThat(revoke(FIRST_PARTY, t.firstPartySecret, token).statusCode()).isEqualTo(200);
        HttpResponse<String> revoked = introspect(t, token);
        assertThat(revoked.statusCode()).isEqualTo(200);
        assertThat(revoked.body()).isEqualTo(INACTIVE);
    }

    @Test
    void anExpiredAccessTokenIsInactive(@TempDir Path other) throws Exception {
        MutableClock clock = new MutableClock(Instant.now());
        try (TestServer s = new TestServer(other, b -> b.clock(clock))) {
            String token = field(clientToken(s), "access_token");
            assertThat(json(introspect(s, token)).getBoolean("active")).contains(true);
            clock.advance(Duration.ofMinutes(16));
            assertThat(introspect(s, token).body()).isEqualTo(INACTIVE);
        }
    }

    @Test
    void refreshTokensCanBeIntrospected() throws Exception {
        Claims login = login();
        Claims c = json(introspect(t, field(login, "refresh_token")));
        assertThat(c.getBoolean("active")).contains(true);
        assertThat(c.getString("client_id")).contains(FIRST_PARTY);
        assertThat(c.getString("sub")).contains(t.userId);
        assertThat(c.getString("scope")).contains("read write");
        assertThat(c.getLong("exp")).isPresent();
    }

    @Test
    void rfc7009RevokingAnAccessTokenPutsItOnTheFeedWithItsExpiry() throws Exception {
        HttpResponse<String> before = feed("", FIRST_PARTY, t.firstPartySecret);
        assertThat(before.statusCode()).isEqualTo(200);
        long cursor = json(before).getLong("next").orElseThrow();

        String first = field(clientToken(t), "access_token");
        assertThat(revoke(FIRST_PARTY, t.firstPartySecret, first).statusCode()).isEqualTo(200);
        assertThat(introspect(t, first).body()).isEqualTo(INACTIVE);

        HttpResponse<String> page = feed("?since=" + cursor, FIRST_PARTY, t.firstPartySecret);
        assertThat(jtis(page)).containsExactly(jti(first));
        long exp = Jwt.decodeUnverified(first).claims().expiresAt().orElseThrow().getEpochSecond();
        assertThat(((Number) entries(page).get(0).get("exp")).longValue()).isEqualTo(exp);
        long next = json(page).getLong("next").orElseThrow();
        assertThat(next).isGreaterThan(cursor);

        String second = field(clientToken(t), "access_token");
        assertThat(revoke(FIRST_PARTY, t.firstPartySecret, second).statusCode()).isEqualTo(200);
        assertThat(jtis(feed("?since=" + next, FIRST_PARTY, t.firstPartySecret))).containsExactly(jti(second));
        assertThat(jtis(feed("?since=" + cursor, FIRST_PARTY, t.firstPartySecret)))
                .containsExactly(jti(first), jti(second));
        // revoking again changes nothing
        assertThat(revoke(FIRST_PARTY, t.firstPartySecret, second).statusCode()).isEqualTo(200);
        assertThat(jtis(feed("?since=" + cursor, FIRST_PARTY, t.firstPartySecret))).hasSize(2);
    }

    @Test
    void rfc7009Section2_1RevokingARefreshTokenKillsItsFamily() throws Exception {
        Claims login = login();
        HttpResponse<String> rotated = t.form("/oauth2/token", FIRST_PARTY, t.firstPartySecret, "grant_type",
                "refresh_token", "refresh_token", field(login, "refresh_token"));
        Claims next = json(rotated);
        assertThat(revoke(FIRST_PARTY, t.firstPartySecret, field(next, "refresh_token")).statusCode())
                .isEqualTo(200);
        HttpResponse<String> refresh = t.form("/oauth2/token", FIRST_PARTY, t.firstPartySecret, "grant_type",
                "refresh_token", "refresh_token", field(next, "refresh_token"));
        assertThat(refresh.statusCode()).isEqualTo(400);
        assertThat(field(json(refresh), "error")).isEqualTo("invalid_grant");
        assertThat(introspect(t, field(login, "access_token")).body()).isEqualTo(INACTIVE);
        assertThat(introspect(t, field(next, "access_token")).body()).isEqualTo(INACTIVE);
        assertThat(introspect(t, field(next, "refresh_token")).body()).isEqualTo(INACTIVE);
    }

    @Test
    void rfc7009Section2_2UnknownTokensGet200() throws Exception {
        assertThat(revoke(FIRST_PARTY, t.firstPartySecret, "never-issued").statusCode()).isEqualTo(200);
        assertThat(revoke(FIRST_PARTY, t.firstPartySecret, "a.b.c").statusCode()).isEqualTo(200);
    }

    @Test
    void anotherClientsTokensGet200AndNothingIsRevoked() throws Exception {
        Claims login = login();
        String access = field(login, "access_token");
        assertThat(revoke(THIRD_PARTY, t.thirdPartySecret, access).statusCode()).isEqualTo(200);
        assertThat(revoke(THIRD_PARTY, t.thirdPartySecret, field(login, "refresh_token")).statusCode())
                .isEqualTo(200);
        assertThat(json(introspect(t, access)).getBoolean("active")).contains(true);
        assertThat(json(introspect(t, field(login, "refresh_token"))).getBoolean("active")).contains(true);
        assertThat(jtis(feed("", FIRST_PARTY, t.firstPartySecret))).doesNotContain(jti(access));
    }

    @Test
    void revocationRequiresClientAuthentication() throws Exception {
        String access = field(clientToken(t), "access_token");
        HttpResponse<String> r = t.post("/oauth2/revoke", "application/x-www-form-urlencoded",
                TestServer.encode("token", access));
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(json(introspect(t, access)).getBoolean("active")).contains(true);
    }

    @Test
    void theFeedRequiresClientAuthenticationAndAValidCursor() throws Exception {
        HttpResponse<String> anonymous = feed("", null, null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).isPresent();
        assertThat(feed("", FIRST_PARTY, "wrong").statusCode()).isEqualTo(401);
        for (String bad : List.of("abc", "1e3", "-", "-5", "99999999999999999999999")) {
            HttpResponse<String> r = feed("?since=" + bad, FIRST_PARTY, t.firstPartySecret);
            assertThat(r.statusCode()).as(bad).isEqualTo(400);
            assertThat(field(json(r), "error")).isEqualTo("invalid_request");
        }
    }
}
