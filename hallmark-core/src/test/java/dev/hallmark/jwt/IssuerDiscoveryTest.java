package dev.hallmark.jwt;

import dev.hallmark.Reason;
import dev.hallmark.Rejection;
import dev.hallmark.jwk.Jwk;
import dev.hallmark.jwk.JwkSet;
import dev.hallmark.testing.LoopbackServer;
import dev.hallmark.testing.LoopbackServer.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;

import static dev.hallmark.jwt.TestKeys.AUDIENCE;
import static dev.hallmark.jwt.TestKeys.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issuer discovery (RFC 8414) against a real metadata server on loopback. */
class IssuerDiscoveryTest {

    static final Jwk KEY = TestKeys.ES256;
    static final String OAUTH = "/.well-known/oauth-authorization-server";
    static final String OPENID = "/.well-known/openid-configuration";

    LoopbackServer server;
    String issuer;

    @BeforeEach
    void start() {
        server = LoopbackServer.start();
        issuer = server.base();
        server.reply("/jwks", Reply.json(JwkSet.of(KEY.toPublicJwk()).toPublicJson()));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    String metadata(String named, String jwksUri) {
        return "{\"issuer\":\"" + named + "\",\"jwks_uri\":\"" + jwksUri + "\",\"response_types_supported\":[]}";
    }

    JwtVerifier.Builder discovering() {
        return JwtVerifier.builder().issuerDiscovery(issuer).expectAudience(AUDIENCE).clock(CLOCK);
    }

    String token(String iss) {
        return TestKeys.signer(KEY).sign(TestKeys.validClaims().issuer(iss).build());
    }

    @Test
    void rfc8414MetadataGivesTheKeysAndPinsTheIssuer() {
        server.reply(OAUTH, Reply.json(metadata(issuer, issuer + "/jwks")));
        try (JwtVerifier verifier = discovering().build()) {
            assertThat(verifier.verify(token(issuer)).claims().issuer()).contains(issuer);
            Rejection.assertRejected(() -> verifier.verify(token("https://evil.example")), Reason.ISSUER_MISMATCH);
            assertThat(server.count(OAUTH)).isEqualTo(1);
            assertThat(server.count(OPENID)).isZero();
            assertThat(server.count("/jwks")).isEqualTo(1);
        }
    }

    @Test
    void openIdConfigurationIsTheFallback() {
        server.reply(OPENID, Reply.json(metadata(issuer, issuer + "/jwks")));
        try (JwtVerifier verifier = discovering().build()) {
            assertThat(verifier.verify(token(issuer))).isNotNull();
        }
        assertThat(server.count(OAUTH)).isEqualTo(1);
        assertThat(server.count(OPENID)).isEqualTo(1);
    }

    @Test
    void rfc8414Section33TheDocumentMustNameTheIssuerExactly() {
        for (String other : new String[] {issuer + "/", "https://evil.example", issuer.toUpperCase()}) {
            server.reply(OAUTH, Reply.json(metadata(other, issuer + "/jwks")));
            assertThatThrownBy(() -> discovering().build()).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("RFC 8414 §3.3");
        }
        server.reply(OAUTH, Reply.json("{\"jwks_uri\":\"" + issuer + "/jwks\"}"));
        assertThatThrownBy(() -> discovering().build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("RFC 8414 §3.3");
    }

    @Test
    void aJwksUriThatIsNotHttpsIsRefused() {
        server.reply(OAUTH, Reply.json(metadata(issuer, "http://keys.example.com/jwks")));
        assertThatThrownBy(() -> discovering().build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("https");
        server.reply(OAUTH, Reply.json("{\"issuer\":\"" + issuer + "\"}"));
        assertThatThrownBy(() -> discovering().build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("jwks_uri");
    }

    @Test
    void anUnreachableOrBrokenIssuerFailsTheBuildNamingBothAttempts() {
        assertThatThrownBy(() -> discovering().build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(OAUTH).hasMessageContaining(OPENID).hasMessageContaining("404");
        server.reply(OAUTH, Reply.json("not json"));
        server.reply(OPENID, Reply.status(500));
        assertThatThrownBy(() -> discovering().build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("500");
        server.reply(OAUTH, Reply.status(301).header("Location", issuer + "/elsewhere"));
        assertThatThrownBy(() -> discovering().build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("redirect");
    }

    @Test
    void theIssuerMustBeHttpsOrLoopback() {
        assertThatThrownBy(() -> JwtVerifier.builder().issuerDiscovery("http://auth.example.com")
                .expectAudience(AUDIENCE).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JwtVerifier.builder().issuerDiscovery("https://auth.example.com?x=1")
                .expectAudience(AUDIENCE).build()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rfc8414Section31InsertsTheWellKnownSegmentBeforeAPath() {
        assertThat(IssuerDiscovery.metadataUrls("https://auth.example.com/tenant/a")).containsExactly(
                URI.create("https://auth.example.com/.well-known/oauth-authorization-server/tenant/a"),
                URI.create("https://auth.example.com/tenant/a/.well-known/openid-configuration"));
        assertThat(IssuerDiscovery.metadataUrls("https://auth.example.com:8443")).containsExactly(
                URI.create("https://auth.example.com:8443/.well-known/oauth-authorization-server"),
                URI.create("https://auth.example.com:8443/.well-known/openid-configuration"));
    }

    @Test
    void discoveryContradictsOtherKeyAndIssuerSettings() {
        assertThatThrownBy(() -> discovering().key(KEY.toPublicJwk()).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("keys(..)");
        assertThatThrownBy(() -> discovering().expectIssuer(issuer).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("pins the issuer");
        assertThatThrownBy(() -> discovering().ignoreIssuer().build())
                .isInstanceOf(IllegalStateException.class);
        // contradictions are reported before any network traffic
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void jwksSettingsReachTheRemoteSetAndCloseStopsIt() {
        server.reply(OAUTH, Reply.json(metadata(issuer, issuer + "/jwks")));
        assertThatThrownBy(() -> JwtVerifier.builder().issuerDiscovery(issuer, jwks -> jwks
                        .minimumCacheTime(Duration.ofHours(2)).maximumCacheTime(Duration.ofHours(1)))
                .expectAudience(AUDIENCE).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("minimumCacheTime");
        JwtVerifier verifier = discovering().build();
        verifier.verify(token(issuer));
        verifier.close();
        assertThatThrownBy(() -> verifier.verify(token(issuer))).isInstanceOf(IllegalStateException.class);
    }
}
