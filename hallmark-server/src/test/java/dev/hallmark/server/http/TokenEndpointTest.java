package dev.hallmark.server.http;

import dev.hallmark.jwk.JwkSet;
import dev.hallmark.jwk.KeySource;
import dev.hallmark.jwt.Claims;
import dev.hallmark.jwt.JwtVerifier;
import dev.hallmark.jwt.VerifiedJwt;
import dev.hallmark.server.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import static dev.hallmark.server.TestServer.FIRST_PARTY;
import static dev.hallmark.server.TestServer.THIRD_PARTY;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /oauth2/token} over real HTTP on loopback: every grant, client authentication method and error. */
class TokenEndpointTest {

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

    VerifiedJwt verifyAccessToken(String token) throws Exception {
        String jwks = t.get("/oauth2/jwks").body();
        return JwtVerifier.builder().keys(KeySource.of(JwkSet.parse(jwks))).expectIssuer(t.base())
                .expectAudience("orders-api", t.base()).expectType("at+jwt").requireClaims("jti", "client_id", "sub", "iat")
                .build().verify(token);
    }

    @Test
    void clientCredentialsWithBasicIssuesAnRfc9068AccessToken() throws Exception {
        HttpResponse<String> r = t.form("/oauth2/token", FIRST_PARTY, t.firstPartySecret, "grant_type",
                "client_credentials", "scope", "read");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Cache-Control")).contains("no-store");
        Claims body = json(r);
        assertThat(body.getString("token_type")).contains("Bearer");
        assertThat(body.getLong("expires_in")).contains(900L);
        assertThat(body.getString("scope")).contains("read");
        assertThat(body.contains("refresh_token")).isFalse();
        VerifiedJwt jwt = verifyAccessToken(body.getString("access_token").orElseThrow());
        assertThat(jwt.header().type()).contains("at+jwt");
        assertThat(jwt.claims().subject()).contains(FIRST_PARTY);
        assertThat(jwt.claims().getString("client_id")).contains(FIRST_PARTY);
        assertThat(jwt.claims().audience()).containsExactly("orders-api");
    }

    @Test
    void clientSecretPostWorksAndNoScopeMeansAllOfTheClients() throws Exception {
        HttpResponse<String> r = t.post("/oauth2/token", "application/x-www-form-urlencoded",
                TestServer.encode("grant_type", "client_credentials", "client_id", THIRD_PARTY, "client_secret",
                        t.thirdPartySecret));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).getString("scope")).contains("read");
        VerifiedJwt jwt = verifyAccessToken(json(r).getString("access_token").orElseThrow());
        assertThat(jwt.claims().audience()).containsExactly(t.base());
    }

    @Test
    void wrongSecretIsInvalidClientWith401AndWwwAuthenticate() throws Exception {
        HttpResponse<String> r = t.form("/oauth2/token", FIRST_PARTY, "wrong", "grant_type", "client_credentials");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
        assertThat(json(r).getString("error")).contains("invalid_client");
    }

    @Test
    void unknownClientAndMissingAuthenticationAreInvalidClient() throws Exception {
        assertThat(t.form("/oauth2/token", "nobody", "x", "grant_type", "client_credentials").statusCode())
                .isEqualTo(401);
        HttpResponse<String> r = t.post("/oauth2/token", "application/x-www-form-urlencoded",
                "grant_type=client_credentials");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(json(r).getString("error")).contains("invalid_client");
    }

    @Test
    void twoAuthenticationMethodsAtOnceAreInvalidRequest() throws Exception {
        HttpResponse<String> r = t.form("/oauth2/token", FIRST_PARTY, t.firstPartySecret, "grant_type",
                "client_credentials", "client_secret", t.firstPartySecret, "client_id", FIRST_PARTY);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).getString("error")).contains("invalid_request");
    }

    @Test
    void badBase64InBasicIsInvalidClientNot500() throws Exception {
        HttpResponse<String> r = t.post("/oauth2/token", "application/x-www-form-urlencoded",
                "grant_type=client_credentials", "Authorization", "Basic %%%not-base64");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(json(r).getString("error")).contains("invalid_client");
    }

    @Test
    void scopeOutsideTheClientsIsInvalidScope() throws Exception {
        HttpResponse<String> r = t.form("/oauth2/token", THIRD_PARTY, t.thirdPartySecret, "grant_type",
                "client_credentials", "scope", "read admin");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).getString("error")).contains("invalid_scope");
    }

    @Test
    void unknownAndMissingGrantTypes() throws Exception {
        HttpResponse<String> r = t.form("/oauth2/token", FIRST_PARTY, t.firstPartySecret, "grant_type", "implicit");
        assertThat(json(r).getString("error")).contains("unsupported_grant_type");
        r = t.form("/oauth2/token", FIRST_PARTY, t.firstPartySecret, "scope", "read");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).getString("error")).contains("invalid_request");
    }

    @Test
    void passwordGrantForAFirstPartyClientIssuesARefreshToken() throws Exception {
        HttpResponse<String> r = t.form("/oauth2/token", FIRST_PARTY, t.firstPartySecret, "grant_type", "password",
                "username", TestServer.USERNAME, "password", TestServer.PASSWORD, "scope", "read write");
        assertThat(r.statusCode()).isEqualTo(200);
        Claims body = json(r);
        assertThat(body.getString("refresh_token")).isPresent();
        VerifiedJwt jwt = verifyAccessToken(body.getString("access_token").orElseThrow());
        assertThat(jwt.claims().subject()).contains(t.userId);
        assertThat(jwt.claims().getStringList("roles")).contains(List.of("admin"));
        assertThat(jwt.claims().getString("scope")).contains("read write");
    }

    @Test
    void passwordGrantIsRefusedForThirdPartyClients() throws Exception {
        HttpResponse<String> r = t.form("/oauth2/token", THIRD_PARTY, t.thirdPartySecret, "grant_type", "password",
                "username", TestServer.USERNAME, "password", TestServer.PASSWORD);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).getString("error")).contains("unauthorized_client");
    }

    @Test
    void wrongPasswordAndUnknownUserGiveTheSameAnswer() throws Exception {
        HttpResponse<String> wrong = t.form("/oauth2/token", FIRST_PARTY, t.firstPartySecret, "grant_type",
                "password", "username", TestServer.USERNAME, "password", "nope");
        HttpResponse<String> unknown = t.form("/oauth2/token", FIRST_PARTY, t.firstPartySecret, "grant_type",
                "password", "username", "mallory", "password", "nope");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).isEqualTo(unknown.body());
        assertThat(json(wrong).getString("error")).contains("invalid_grant");
    }

    @Test
    void malformedRequestsAre4xxWithAnRfc6749Error() throws Exception {
        HttpResponse<String> r = t.post("/oauth2/token", "application/json", "{}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).getString("error")).contains("invalid_request");
        r = t.form("/oauth2/token", FIRST_PARTY, t.firstPartySecret, "grant_type", "client_credentials",
                "grant_type", "password");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).getString("error")).contains("invalid_request");
        r = t.post("/oauth2/token", "application/x-www-form-urlencoded", "a=" + "x".repeat(70_000));
        assertThat(r.statusCode()).isEqualTo(413);
        r = t.post("/oauth2/token", "application/x-www-form-urlencoded", "grant_type=%zz");
        assertThat(r.statusCode()).isEqualTo(400);
    }

    @Test
    void otherMethodsAre405WithAllow() throws Exception {
        HttpResponse<String> r = t.get("/oauth2/token");
        assertThat(r.statusCode()).isEqualTo(405);
        assertThat(r.headers().firstValue("Allow")).contains("POST");
        assertThat(t.get("/nowhere").statusCode()).isEqualTo(404);
    }

    @Test
    void basicCredentialsAreFormDecodedFirst() throws Exception {
        // RFC 6749 §2.3.1: "a:b" and "p%w+d&x=y" travel form-urlencoded inside the Basic header
        String secret = "p%w+d&x=y";
        t.store.clients().insert(new dev.hallmark.server.store.ClientRecord("a:b", "odd",
                dev.hallmark.server.issue.SecretTokens.hash(secret), null, false, java.util.Set.of("read"),
                java.util.Set.of(), false, java.time.Instant.now()));
        HttpResponse<String> r = t.form("/oauth2/token", "a:b", secret, "grant_type", "client_credentials");
        assertThat(r.statusCode()).isEqualTo(200);
        String malformed = java.util.Base64.getEncoder().encodeToString("a%3Ab:%zz".getBytes(
                java.nio.charset.StandardCharsets.UTF_8));
        r = t.post("/oauth2/token", "application/x-www-form-urlencoded", "grant_type=client_credentials",
                "Authorization", "Basic " + malformed);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(json(r).getString("error")).contains("invalid_client");
    }

    @Test
    void aBodySentToA404Or405DoesNotBreakTheNextRequest() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(t.post("/nowhere", "application/x-www-form-urlencoded", "a=" + "x".repeat(20_000))
                    .statusCode()).isEqualTo(404);
            assertThat(t.post("/oauth2/jwks", "application/x-www-form-urlencoded", "a=" + "x".repeat(20_000))
                    .statusCode()).isEqualTo(405);
            assertThat(t.get("/health").statusCode()).isEqualTo(200);
        }
    }
}
