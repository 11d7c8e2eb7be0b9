package dev.hallmark.servlet;

import dev.hallmark.jwk.KeySource;
import dev.hallmark.jwt.Claims;
import dev.hallmark.jwt.JwtSigner;
import dev.hallmark.jwt.JwtVerifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The filter in a real Jetty ee10 container on loopback, called with the JDK HttpClient and real ES256 tokens. */
class JwtAuthenticationFilterTest {

    static final String COOKIE = "__Host-hallmark-at";
    static final Tokens TOKENS = new Tokens();
    static FilterServer server;
    LogCapture log;

    @BeforeAll
    static void start() throws Exception {
        server = new FilterServer(JwtAuthenticationFilter.builder(TOKENS.verifier())
                .realm("orders")
                .cookie(COOKIE)
                .publicPath("/health")
                .publicPath("OPTIONS /*")
                .requireScopes("GET /orders/*", "orders:read")
                .requireScopes("POST /orders/*", "orders:write")
                .requireScopes("/admin/*", "orders:read", "admin")
                .scopesAsRoles()
                .build());
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @BeforeEach
    void captureLog() {
        log = new LogCapture();
    }

    @AfterEach
    void releaseLog() {
        log.close();
    }

    static String bearer(String token) {
        return "Bearer " + token;
    }

    static void assertChallenge(HttpResponse<String> r, int status, String challenge) {
        assertThat(r.statusCode()).isEqualTo(status);
        assertThat(r.headers().allValues("WWW-Authenticate")).containsExactly(challenge);
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    static void assertInvalidToken(HttpResponse<String> r) {
        assertChallenge(r, 401, "Bearer realm=\"orders\", error=\"invalid_token\"");
        assertThat(r.body()).isEqualTo("{\"error\":\"invalid_token\"}");
    }

    static void assertInvalidRequest(HttpResponse<String> r) {
        assertChallenge(r, 400, "Bearer realm=\"orders\", error=\"invalid_request\"");
        assertThat(r.body()).isEqualTo("{\"error\":\"invalid_request\"}");
    }

    @Nested
    class Authenticated {

        @Test
        void verifiedTokenReachesTheApplicationAsPrincipalAuthTypeAndAttribute() throws Exception {
            String token = TOKENS.token("orders:read");
            HttpResponse<String> r = server.get("/orders", "Authorization", bearer(token));
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("name=alice\n", "remoteUser=alice\n", "authType=BEARER\n")
                    .contains("jti=" + dev.hallmark.jwt.Jwt.decodeUnverified(token).claims().jwtId().orElseThrow());
        }

        @ParameterizedTest(name = "RFC 6750 §2.1 scheme \"{0}\" (auth-scheme is case-insensitive)")
        @ValueSource(strings = {"Bearer", "bearer", "BEARER", "bEaReR"})
        void schemeIsCaseInsensitive(String scheme) throws Exception {
            HttpResponse<String> r = server.get("/me", "Authorization", scheme + " " + TOKENS.token(null));
            assertThat(r.statusCode()).isEqualTo(200);
        }

        @Test
        void rfc6750_2_1_severalSpacesAfterTheScheme() throws Exception {
            assertThat(server.get("/me", "Authorization", "Bearer    " + TOKENS.token(null)).statusCode())
                    .isEqualTo(200);
        }

        @Test
        void rolesFromTheRolesClaimAndScopesAsRolesWhenConfigured() throws Exception {
            HttpResponse<String> r = server.get("/me?role=admin&role=orders:read&role=support&role=**",
                    "Authorization", bearer(TOKENS.token("orders:read", List.of("admin"), c -> c)));
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("role:admin=true", "role:orders:read=true", "role:support=false",
                    "role:**=true");
        }

        @Test
        void tokenFromTheConfiguredCookie() throws Exception {
            HttpResponse<String> r = server.get("/me", "Cookie", COOKIE + "=" + TOKENS.token(null));
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("name=alice", "authType=BEARER");
        }

        @Test
        void sameTokenInHeaderAndCookieIsOneCredential() throws Exception {
            String token = TOKENS.token(null);
            HttpResponse<String> r = server.get("/me", "Authorization", bearer(token),
                    "Cookie", "theme=dark; " + COOKIE + "=" + token);
            assertThat(r.statusCode()).isEqualTo(200);
        }

        @Test
        void publicPathsPassUntouchedEvenWithAGarbageToken() throws Exception {
            assertThat(server.get("/health").statusCode()).isEqualTo(200);
            HttpResponse<String> r = server.get("/health", "Authorization", "Bearer garbage");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("name=-", "authType=null");
            HttpResponse<String> preflight = server.send(server.request("/orders")
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
            assertThat(preflight.statusCode()).isEqualTo(200);
        }
    }

    @Nested
    class NoCredentials {

        @Test
        void rfc6750_3_1_noCredentialsIs401WithoutAnErrorCode() throws Exception {
            HttpResponse<String> r = server.get("/orders");
            assertChallenge(r, 401, "Bearer realm=\"orders\"");
            assertThat(r.body()).isEmpty();
        }

        @Test
        void anotherAuthorizationSchemeCountsAsNoBearerCredentials() throws Exception {
            assertChallenge(server.get("/orders", "Authorization", "Basic YWxpY2U6c2VjcmV0"), 401,
                    "Bearer realm=\"orders\"");
            assertChallenge(server.get("/orders", "Authorization", "Bearerish abc"), 401, "Bearer realm=\"orders\"");
        }

        @Test
        void anEmptyCookieIsNoCredential() throws Exception {
            assertChallenge(server.get("/orders", "Cookie", COOKIE + "="), 401, "Bearer realm=\"orders\"");
        }
    }

    @Nested
    class InvalidToken {

        @Test
        void tamperedPayloadIsInvalidTokenAndTheReasonIsLoggedNotSent() throws Exception {
            String token = TOKENS.token("orders:read");
            String[] parts = token.split("\\.");
            String forged = parts[0] + "." + Claims.builder().subject("mallory").build().toJson()
                    .transform(j -> java.util.Base64.getUrlEncoder().withoutPadding()
                            .encodeToString(j.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                    + "." + parts[2];
            HttpResponse<String> r = server.get("/orders", "Authorization", bearer(forged));
            assertInvalidToken(r);
            assertThat(r.body()).doesNotContain("BAD_SIGNATURE");
            assertThat(log.last()).contains("INFO", "invalid_token", "reason=BAD_SIGNATURE",
                    "kid=" + TOKENS.key.keyId().orElseThrow(), "alg=ES256", "GET /orders");
            assertThat(String.join("\n", log.lines())).doesNotContain(parts[1]).doesNotContain(parts[2]);
        }

        @Test
        void signedByAnUntrustedKey() throws Exception {
            String token = JwtSigner.builder(TOKENS.otherKey).type("at+jwt").build().sign(Claims.builder()
                    .issuer(Tokens.ISSUER).subject("alice").audience(Tokens.AUDIENCE)
                    .expiresAt(Instant.now().plusSeconds(60)).build());
            assertInvalidToken(server.get("/me", "Authorization", bearer(token)));
            assertThat(log.last()).contains("reason=KEY_NOT_FOUND");
        }

        @Test
        void expired() throws Exception {
            String token = TOKENS.token(null, null, c -> c.expiresAt(Instant.now().minus(Duration.ofMinutes(1))));
            assertInvalidToken(server.get("/me", "Authorization", bearer(token)));
            assertThat(log.last()).contains("reason=EXPIRED");
        }

        @Test
        void wrongAudience() throws Exception {
            String token = TOKENS.token(null, null, c -> c.audience("billing-api"));
            assertInvalidToken(server.get("/me", "Authorization", bearer(token)));
            assertThat(log.last()).contains("reason=AUDIENCE_MISMATCH");
        }

        @Test
        void wrongType() throws Exception {
            String token = JwtSigner.builder(TOKENS.key).type("JWT").build().sign(Claims.builder()
                    .issuer(Tokens.ISSUER).subject("alice").audience(Tokens.AUDIENCE)
                    .expiresAt(Instant.now().plusSeconds(60)).build());
            assertInvalidToken(server.get("/me", "Authorization", bearer(token)));
            assertThat(log.last()).contains("reason=TYPE_MISMATCH");
        }

        @Test
        void notAJwtButValidB64token() throws Exception {
            assertInvalidToken(server.get("/me", "Authorization", "Bearer abc.def~+/=="));
            assertThat(log.last()).contains("reason=MALFORMED", "kid=- alg=-");
        }

        @Test
        void badTokenFromTheCookieToo() throws Exception {
            String token = TOKENS.token(null, null, c -> c.expiresAt(Instant.now().minusSeconds(5)));
            assertInvalidToken(server.get("/me", "Cookie", COOKIE + "=" + token));
            assertThat(log.last()).contains("reason=EXPIRED", "source=cookie");
        }

        @Test
        void rolesClaimOfTheWrongTypeIsInvalidToken() throws Exception {
            String token = TOKENS.token(null, null, c -> c.claim("roles", 5L));
            assertInvalidToken(server.get("/me", "Authorization", bearer(token)));
            assertThat(log.last()).contains("reason=MALFORMED");
        }

        @Test
        void controlCharactersOfAKidNeverReachTheLogLine() throws Exception {
            String token = JwtSigner.builder(TOKENS.otherKey.withKeyId("x\nINFO forged line")).type("at+jwt")
                    .build()
                    .sign(Claims.builder().issuer(Tokens.ISSUER).subject("alice").audience(Tokens.AUDIENCE)
                            .expiresAt(Instant.now().plusSeconds(60)).build());
            assertInvalidToken(server.get("/me", "Authorization", bearer(token)));
            assertThat(log.last()).contains("kid=x?INFO?forged?line").doesNotContain("\n");
        }
    }

    @Nested
    class InvalidRequest {

        @Test
        void rfc6750_2_3_accessTokenInTheQueryIsRefusedEvenWithAValidHeader() throws Exception {
            String token = TOKENS.token("orders:read");
            assertInvalidRequest(server.get("/orders?access_token=" + token));
            assertInvalidRequest(server.get("/orders?access_token=" + token, "Authorization", bearer(token)));
            assertThat(log.last()).contains("invalid_request", "access_token").doesNotContain(token);
        }

        @Test
        void rfc6750_2_2_accessTokenInAFormBodyIsRefused() throws Exception {
            String token = TOKENS.token("orders:write");
            HttpResponse<String> r = server.send(server.request("/orders")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("item=book&access_token=" + token)));
            assertInvalidRequest(r);
        }

        @Test
        void twoAuthorizationHeaders() throws Exception {
            String token = TOKENS.token(null);
            HttpResponse<String> r = server.send(server.request("/me")
                    .header("Authorization", bearer(token)).header("Authorization", bearer(token)));
            assertInvalidRequest(r);
            assertThat(log.last()).contains("more than one Authorization header");
        }

        @Test
        void headerAndCookieWithDifferentTokens() throws Exception {
            HttpResponse<String> r = server.get("/me", "Authorization", bearer(TOKENS.token(null)),
                    "Cookie", COOKIE + "=" + TOKENS.token(null));
            assertInvalidRequest(r);
        }

        @Test
        void theCookieTwice() throws Exception {
            String token = TOKENS.token(null);
            assertInvalidRequest(server.get("/me", "Cookie", COOKIE + "=" + token + "; " + COOKIE + "=" + token));
        }

        @ParameterizedTest(name = "RFC 6750 §2.1 malformed credentials \"{0}\"")
        @ValueSource(strings = {"Bearer", "Bearer a b", "Bearer a,b", "Bearer a=b", "Bearer \"abc\""})
        void malformedBearerCredentials(String header) throws Exception {
            assertInvalidRequest(server.get("/me", "Authorization", header));
        }
    }

    @Nested
    class CookieCsrf {

        static final String CSRF = "__Host-hallmark-csrf";

        HttpResponse<String> postWithCookie(String token, String... headers) throws Exception {
            HttpRequest.Builder r = server.request("/orders").header("Cookie", COOKIE + "=" + token)
                    .POST(HttpRequest.BodyPublishers.ofString("{}"));
            for (int i = 0; i < headers.length; i += 2) {
                r.header(headers[i], headers[i + 1]);
            }
            return server.send(r);
        }

        void assertCsrfRefusal(HttpResponse<String> r) {
            assertThat(r.statusCode()).isEqualTo(403);
            assertThat(r.body()).isEqualTo("{\"error\":\"csrf\"}");
            assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
            assertThat(r.headers().firstValue("WWW-Authenticate")).isEmpty();
        }

        @Test
        void aCookieAuthenticatedPostNeedsTheDoubleSubmitToken() throws Exception {
            String token = TOKENS.token("orders:write");
            assertCsrfRefusal(postWithCookie(token));
            assertThat(log.last()).contains("csrf", "X-CSRF-Token");
            assertCsrfRefusal(postWithCookie(token, "X-CSRF-Token", "abc"));
            HttpResponse<String> ok = server.send(server.request("/orders")
                    .header("Cookie", COOKIE + "=" + token + "; " + CSRF + "=abc").header("X-CSRF-Token", "abc")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")));
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.body()).contains("name=alice");
        }

        @Test
        void aWrongOrPlantedSecondCsrfCookieIsRefused() throws Exception {
            String token = TOKENS.token("orders:write");
            assertCsrfRefusal(server.send(server.request("/orders")
                    .header("Cookie", COOKIE + "=" + token + "; " + CSRF + "=abc; " + CSRF + "=abc")
                    .header("X-CSRF-Token", "abc").POST(HttpRequest.BodyPublishers.ofString("{}"))));
            assertCsrfRefusal(server.send(server.request("/orders")
                    .header("Cookie", COOKIE + "=" + token + "; " + CSRF + "=abd")
                    .header("X-CSRF-Token", "abc").POST(HttpRequest.BodyPublishers.ofString("{}"))));
        }

        @Test
        void crossSiteFetchMetadataIsRefusedEvenWithTheToken() throws Exception {
            String token = TOKENS.token("orders:write");
            assertCsrfRefusal(server.send(server.request("/orders")
                    .header("Cookie", COOKIE + "=" + token + "; " + CSRF + "=abc").header("X-CSRF-Token", "abc")
                    .header("Sec-Fetch-Site", "cross-site").POST(HttpRequest.BodyPublishers.ofString("{}"))));
        }

        @Test
        void theAuthorizationHeaderNeedsNoCsrfToken() throws Exception {
            HttpResponse<String> r = server.send(server.request("/orders")
                    .header("Authorization", bearer(TOKENS.token("orders:write")))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")));
            assertThat(r.statusCode()).isEqualTo(200);
        }

        @Test
        void configuredOriginsAreEnforced() throws Exception {
            try (FilterServer s = new FilterServer(JwtAuthenticationFilter.builder(TOKENS.verifier())
                    .cookie(COOKIE).allowedOrigins("https://app.example.com").build())) {
                String cookies = COOKIE + "=" + TOKENS.token(null) + "; " + CSRF + "=abc";
                HttpResponse<String> noOrigin = s.send(s.request("/x").header("Cookie", cookies)
                        .header("X-CSRF-Token", "abc").DELETE());
                assertThat(noOrigin.statusCode()).isEqualTo(403);
                HttpResponse<String> other = s.send(s.request("/x").header("Cookie", cookies)
                        .header("X-CSRF-Token", "abc").header("Origin", "https://evil.example").DELETE());
                assertThat(other.statusCode()).isEqualTo(403);
                HttpResponse<String> ok = s.send(s.request("/x").header("Cookie", cookies)
                        .header("X-CSRF-Token", "abc").header("Origin", "https://app.example.com").DELETE());
                assertThat(ok.statusCode()).isEqualTo(200);
            }
        }
    }

    @Nested
    class Scopes {

        @Test
        void scopeRulesByMethodAndPath() throws Exception {
            String reader = TOKENS.token("orders:read profile");
            String writer = TOKENS.token("orders:write");
            assertThat(server.get("/orders", "Authorization", bearer(reader)).statusCode()).isEqualTo(200);
            assertThat(server.get("/orders/42", "Authorization", bearer(reader)).statusCode()).isEqualTo(200);
            HttpResponse<String> r = server.get("/orders", "Authorization", bearer(writer));
            assertChallenge(r, 403, "Bearer realm=\"orders\", error=\"insufficient_scope\", scope=\"orders:read\"");
            assertThat(r.body()).isEqualTo("{\"error\":\"insufficient_scope\"}");
            assertThat(log.last()).contains("insufficient_scope", "orders:read", "alg=ES256",
                    "kid=" + TOKENS.key.keyId().orElseThrow()).doesNotContain("alice");

            HttpResponse<String> post = server.send(server.request("/orders")
                    .header("Authorization", bearer(writer)).POST(HttpRequest.BodyPublishers.ofString("{}")));
            assertThat(post.statusCode()).isEqualTo(200);
            assertChallenge(server.send(server.request("/orders").header("Authorization", bearer(reader))
                            .POST(HttpRequest.BodyPublishers.ofString("{}"))), 403,
                    "Bearer realm=\"orders\", error=\"insufficient_scope\", scope=\"orders:write\"");
        }

        @Test
        void aGetRuleCoversHeadToo() throws Exception {
            HttpResponse<String> head = server.send(server.request("/orders")
                    .header("Authorization", bearer(TOKENS.token("orders:write")))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()));
            assertThat(head.statusCode()).isEqualTo(403);
            assertThat(head.headers().firstValue("WWW-Authenticate")).hasValue(
                    "Bearer realm=\"orders\", error=\"insufficient_scope\", scope=\"orders:read\"");
        }

        @Test
        void everyScopeOfARuleIsNeeded() throws Exception {
            assertChallenge(server.get("/admin/users", "Authorization", bearer(TOKENS.token("orders:read"))), 403,
                    "Bearer realm=\"orders\", error=\"insufficient_scope\", scope=\"orders:read admin\"");
            assertThat(server.get("/admin/users", "Authorization", bearer(TOKENS.token("admin orders:read")))
                    .statusCode()).isEqualTo(200);
        }

        @Test
        void scopeAsAJsonArrayIsReadToo() throws Exception {
            String token = TOKENS.token(null, null, c -> c.claim("scope", List.of("orders:read")));
            assertThat(server.get("/orders", "Authorization", bearer(token)).statusCode()).isEqualTo(200);
        }

        @Test
        void aPathWithoutARuleNeedsOnlyAValidToken() throws Exception {
            assertThat(server.get("/me", "Authorization", bearer(TOKENS.token(null))).statusCode()).isEqualTo(200);
        }

        @Test
        void theCheckedPathIsTheDecodedNormalizedOne() throws Exception {
            // "/health/../orders" must not be public because it starts with a public path
            HttpResponse<String> r = server.get("/health/../orders");
            assertThat(r.statusCode()).isIn(400, 401);
            HttpResponse<String> encoded = server.get("/%6Frders", "Authorization", bearer(TOKENS.token("profile")));
            assertThat(encoded.statusCode()).isEqualTo(403);
        }
    }

    @Nested
    class Configuration {

        @Test
        void withoutACookieNameCookiesAreIgnored() throws Exception {
            try (FilterServer plain = new FilterServer(JwtAuthenticationFilter.builder(TOKENS.verifier()).build())) {
                HttpResponse<String> r = plain.get("/me", "Cookie", COOKIE + "=" + TOKENS.token(null));
                assertChallenge(r, 401, "Bearer realm=\"api\"");
                HttpResponse<String> roles = plain.get("/me?role=orders:read&role=admin", "Authorization",
                        bearer(TOKENS.token("orders:read", List.of("admin"), c -> c)));
                assertThat(roles.body()).contains("role:orders:read=false", "role:admin=true");
            }
        }

        @Test
        void anotherRolesClaim() throws Exception {
            JwtVerifier verifier = JwtVerifier.builder().keys(KeySource.of(TOKENS.key.toPublicJwk()))
                    .expectIssuer(Tokens.ISSUER).expectAudience(Tokens.AUDIENCE).build();
            try (FilterServer s = new FilterServer(JwtAuthenticationFilter.builder(verifier)
                    .rolesClaim("groups").build())) {
                HttpResponse<String> r = s.get("/me?role=ops&role=admin", "Authorization",
                        bearer(TOKENS.token(null, List.of("admin"), c -> c.claim("groups", "ops dev"))));
                assertThat(r.body()).contains("role:ops=true", "role:admin=false");
            }
        }
    }
}
