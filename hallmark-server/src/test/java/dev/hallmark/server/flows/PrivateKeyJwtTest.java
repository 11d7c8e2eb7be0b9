package dev.hallmark.server.flows;

import dev.hallmark.jwk.Jwk;
import dev.hallmark.jwk.JwkSet;
import dev.hallmark.jwk.KeyGenerator;
import dev.hallmark.jwt.Claims;
import dev.hallmark.jwt.JwtSigner;
import dev.hallmark.server.TestServer;
import dev.hallmark.server.store.ClientRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code private_key_jwt} client authentication (RFC 7523 §2.2 and §3) at the token endpoint over real HTTP. */
class PrivateKeyJwtTest {

    static final String CLIENT = "jwt-client";
    static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    @TempDir
    static Path dir;
    static TestServer t;
    static Jwk key;
    static JwtSigner signer;

    @BeforeAll
    static void start() throws Exception {
        t = new TestServer(dir);
        key = KeyGenerator.forAlgorithm("ES256").generate();
        signer = JwtSigner.builder(key).build();
        t.store.clients().insert(new ClientRecord(CLIENT, "Key client", null,
                JwkSet.of(key.toPublicJwk()).toPublicJson(), false, Set.of("read"), Set.of(), false, Instant.now()));
    }

    @AfterAll
    static void stop() throws Exception {
        t.close();
    }

    static Claims.Builder assertion() {
        return Claims.builder().issuer(CLIENT).subject(CLIENT).audience(t.base() + "/oauth2/token")
                .expiresAt(Instant.now().plus(Duration.ofMinutes(2))).jwtId(UUID.randomUUID().toString());
    }

    static HttpResponse<String> token(String assertion) throws Exception {
        return token(JWT_BEARER, assertion);
    }

    static HttpResponse<String> token(String type, String assertion) throws Exception {
        return t.post("/oauth2/token", "application/x-www-form-urlencoded", TestServer.encode("grant_type",
                "client_credentials", "client_assertion_type", type, "client_assertion", assertion));
    }

    static void assertInvalidClient(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate")).isPresent();
        assertThat(Claims.parse(r.body()).getString("error")).contains("invalid_client");
    }

    @Test
    void aSignedAssertionForTheTokenEndpointGetsAToken() throws Exception {
        HttpResponse<String> r = token(signer.sign(assertion().build()));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(Claims.parse(r.body()).getString("access_token")).isPresent();
    }

    @Test
    void theIssuerAsAudienceIsAcceptedToo() throws Exception {
        HttpResponse<String> r = token(signer.sign(assertion().audience(t.base()).build()));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    @Test
    void aMatchingClientIdParameterIsAllowed() throws Exception {
        HttpResponse<String> r = t.post("/oauth2/token", "application/x-www-form-urlencoded",
                TestServer.encode("grant_type", "client_credentials", "client_id", CLIENT, "client_assertion_type",
                        JWT_BEARER, "client_assertion", signer.sign(assertion().build())));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        r = t.post("/oauth2/token", "application/x-www-form-urlencoded",
                TestServer.encode("grant_type", "client_credentials", "client_id", TestServer.FIRST_PARTY,
                        "client_assertion_type", JWT_BEARER, "client_assertion", signer.sign(assertion().build())));
        assertInvalidClient(r);
    }

    @Test
    void rfc7523Section3AReplayedJtiIsRefused() throws Exception {
        String jwt = signer.sign(assertion().build());
        assertThat(token(jwt).statusCode()).isEqualTo(200);
        assertInvalidClient(token(jwt));
        // the same jti in a freshly signed assertion is a replay too
        String jti = UUID.randomUUID().toString();
        assertThat(token(signer.sign(assertion().jwtId(jti).build())).statusCode()).isEqualTo(200);
        assertInvalidClient(token(signer.sign(assertion().jwtId(jti).build())));
    }

    @Test
    void rfc7523Section3WrongAudienceIsRefused() throws Exception {
        assertInvalidClient(token(signer.sign(assertion().audience("https://elsewhere.example").build())));
        assertInvalidClient(token(signer.sign(assertion().audience(t.base() + "/oauth2/introspect").build())));
    }

    @Test
    void rfc7523Section3ExpiredOrTooLongLivedAssertionsAreRefused() throws Exception {
        assertInvalidClient(token(signer.sign(assertion().expiresAt(Instant.now().minus(Duration.ofMinutes(5)))
                .build())));
        assertInvalidClient(token(signer.sign(assertion().expiresAt(Instant.now().plus(Duration.ofMinutes(30)))
                .build())));
        assertInvalidClient(token(signer.sign(assertion().remove("exp").build())));
        assertInvalidClient(token(signer.sign(assertion().remove("jti").build())));
    }

    @Test
    void anAssertionSignedByAnotherKeyIsRefused() throws Exception {
        JwtSigner other = JwtSigner.builder(KeyGenerator.forAlgorithm("ES256").generate()).build();
        assertInvalidClient(token(other.sign(assertion().build())));
    }

    @Test
    void rfc7523Section3IssuerMustEqualSubject() throws Exception {
        assertInvalidClient(token(signer.sign(assertion().subject("someone-else").build())));
        assertInvalidClient(token(signer.sign(assertion().remove("sub").build())));
        assertInvalidClient(token(signer.sign(assertion().issuer(TestServer.FIRST_PARTY)
                .subject(TestServer.FIRST_PARTY).build())));
    }

    @Test
    void rfc8725Section3_2AlgNoneIsRefused() throws Exception {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String payload = b64.encodeToString(assertion().build().toJson().getBytes(StandardCharsets.UTF_8));
        for (String alg : new String[] {"none", "None", "NONE"}) {
            String header = b64.encodeToString(("{\"alg\":\"" + alg + "\"}").getBytes(StandardCharsets.UTF_8));
            assertInvalidClient(token(header + "." + payload + "."));
        }
    }

    @Test
    void garbageAssertionsAreInvalidClientNot500() throws Exception {
        assertInvalidClient(token("not-a-jwt"));
        assertInvalidClient(token("a.b.c"));
    }

    @Test
    void rfc7523Section2_2WrongAssertionTypeIsRefused() throws Exception {
        assertInvalidClient(token("urn:ietf:params:oauth:client-assertion-type:saml2-bearer",
                signer.sign(assertion().build())));
        assertInvalidClient(token("", signer.sign(assertion().build())));
    }
}
