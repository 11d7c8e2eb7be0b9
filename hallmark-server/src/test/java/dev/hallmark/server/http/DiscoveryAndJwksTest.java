package dev.hallmark.server.http;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.hallmark.jwk.Jwk;
import dev.hallmark.jwk.JwkSet;
import dev.hallmark.jwt.Claims;
import dev.hallmark.server.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.hallmark.server.TestServer.FIRST_PARTY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Discovery (RFC 8414, OpenID Connect Discovery) and the JWKS, checked by a third-party verifier (Nimbus). */
class DiscoveryAndJwksTest {

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

    static Map<String, Object> discovery(String path) throws Exception {
        HttpResponse<String> r = t.get(path);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v)
                .startsWith("application/json"));
        return Claims.parse(r.body()).asMap();
    }

    static String accessToken() throws Exception {
        HttpResponse<String> r = t.form("/oauth2/token", FIRST_PARTY, t.firstPartySecret, "grant_type",
                "client_credentials", "scope", "read");
        assertThat(r.statusCode()).isEqualTo(200);
        return Claims.parse(r.body()).getString("access_token").orElseThrow();
    }

    @Test
    void rfc8414Section3BothDiscoveryDocumentsAreEqualAndNameTheIssuerExactly() throws Exception {
        Map<String, Object> oauth = discovery("/.well-known/oauth-authorization-server");
        Map<String, Object> oidc = discovery("/.well-known/openid-configuration");
        assertThat(oidc).isEqualTo(oauth);
        assertThat(oauth.get("issuer")).isEqualTo(t.server.issuer());
        assertThat(t.server.issuer()).doesNotEndWith("/");
    }

    @Test
    @SuppressWarnings("unchecked")
    void rfc8414Section2EveryRequiredMemberIsPresent() throws Exception {
        Map<String, Object> d = discovery("/.well-known/oauth-authorization-server");
        // RFC 8414 §2: issuer, token_endpoint (grants other than implicit), response_types_supported;
        // OpenID Connect Discovery adds jwks_uri, subject_types_supported, id_token_signing_alg_values_supported
        assertThat(d).containsKeys("issuer", "token_endpoint", "response_types_supported", "jwks_uri",
                "subject_types_supported", "id_token_signing_alg_values_supported");
        assertThat(d.get("response_types_supported")).isInstanceOf(List.class);
        assertThat(d.get("token_endpoint")).isEqualTo(t.base() + "/oauth2/token");
        assertThat(d.get("jwks_uri")).isEqualTo(t.base() + "/oauth2/jwks");
        assertThat(d.get("introspection_endpoint")).isEqualTo(t.base() + "/oauth2/introspect");
        assertThat(d.get("revocation_endpoint")).isEqualTo(t.base() + "/oauth2/revoke");
        assertThat((List<Object>) d.get("grant_types_supported"))
                .containsExactlyInAnyOrder("client_credentials", "password", "refresh_token");
        assertThat((List<Object>) d.get("token_endpoint_auth_methods_supported"))
                .contains("client_secret_basic", "client_secret_post", "private_key_jwt");
        assertThat((List<Object>) d.get("token_endpoint_auth_signing_alg_values_supported")).doesNotContain("none");
        // every advertised endpoint answers (not 404)
        for (String member : List.of("token_endpoint", "introspection_endpoint", "revocation_endpoint")) {
            String url = (String) d.get(member);
            assertThat(t.get(url.substring(t.base().length())).statusCode()).as(member).isEqualTo(405);
        }
    }

    @Test
    void rfc7517TheJwksHasOnlyPublicMembersAndACacheLifetime() throws Exception {
        HttpResponse<String> r = t.get("/oauth2/jwks");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Cache-Control")).contains("public, max-age=600");
        Map<String, Object> body = Claims.parse(r.body()).asMap();
        assertThat(body).containsOnlyKeys("keys");
        List<?> keys = (List<?>) body.get("keys");
        assertThat(keys).isNotEmpty();
        Set<Object> privateMembers = Set.of("d", "p", "q", "dp", "dq", "qi", "oth", "k");
        for (Object k : keys) {
            @SuppressWarnings("unchecked")
            Map<Object, Object> key = (Map<Object, Object>) k;
            assertThat(key.keySet()).doesNotContainAnyElementsOf(privateMembers);
            assertThat(key.get("kid")).isNotNull();
            assertThat(key.get("kty")).isEqualTo("EC");
        }
        for (Jwk k : JwkSet.parse(r.body()).keys()) {
            assertThat(k.isPrivate()).isFalse();
        }
    }

    DefaultJWTProcessor<SecurityContext> nimbusFromDiscovery() throws Exception {
        String jwksUri = (String) discovery("/.well-known/openid-configuration").get("jwks_uri");
        String issuer = (String) discovery("/.well-known/openid-configuration").get("issuer");
        JWKSource<SecurityContext> keys = JWKSourceBuilder.create(URI.create(jwksUri).toURL()).build();
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("at+jwt")));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256, keys));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("sub", "exp", "iat", "jti", "client_id")));
        return processor;
    }

    @Test
    void aNimbusResourceServerConfiguredOnlyFromDiscoveryAcceptsOurAccessTokens() throws Exception {
        DefaultJWTProcessor<SecurityContext> processor = nimbusFromDiscovery();
        JWTClaimsSet claims = processor.process(accessToken(), null);
        assertThat(claims.getIssuer()).isEqualTo(t.server.issuer());
        assertThat(claims.getStringClaim("client_id")).isEqualTo(FIRST_PARTY);
        assertThat(claims.getStringClaim("scope")).isEqualTo("read");
        assertThat(claims.getAudience()).containsExactly("orders-api");
    }

    @Test
    void theNimbusVerifierRefusesTamperedTokensAndOtherTypes() throws Exception {
        DefaultJWTProcessor<SecurityContext> processor = nimbusFromDiscovery();
        String token = accessToken();
        String[] parts = token.split("\\.");
        String otherPayload = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"iss\":\"" + t.base() + "\",\"sub\":\"x\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThatThrownBy(() -> processor.process(parts[0] + "." + otherPayload + "." + parts[2], null))
                .isInstanceOf(BadJOSEException.class);
        DefaultJWTProcessor<SecurityContext> plainJwt = nimbusFromDiscovery();
        plainJwt.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT));
        assertThatThrownBy(() -> plainJwt.process(token, null)).isInstanceOf(BadJOSEException.class);
    }
}
