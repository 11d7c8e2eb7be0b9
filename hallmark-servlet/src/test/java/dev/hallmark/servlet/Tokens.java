package dev.hallmark.servlet;

import dev.hallmark.jwk.Jwk;
import dev.hallmark.jwk.KeyGenerator;
import dev.hallmark.jwk.KeySource;
import dev.hallmark.jwt.Claims;
import dev.hallmark.jwt.JwtSigner;
import dev.hallmark.jwt.JwtVerifier;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** Real ES256 keys and RFC 9068 access tokens for the filter tests. */
final class Tokens {

    static final String ISSUER = "https://issuer.test";
    static final String AUDIENCE = "orders-api";

    final Jwk key = KeyGenerator.forAlgorithm("ES256").generate();
    final Jwk otherKey = KeyGenerator.forAlgorithm("ES256").generate();

    JwtVerifier verifier() {
        return JwtVerifier.builder().keys(KeySource.of(key.toPublicJwk())).expectIssuer(ISSUER)
                .expectAudience(AUDIENCE).expectType("at+jwt").build();
    }

    /** A valid access token for alice with these scopes and roles, changed by {@code edit}. */
    String token(String scope, List<String> roles, UnaryOperator<Claims.Builder> edit) {
        Claims.Builder c = Claims.builder().issuer(ISSUER).subject("alice").audience(AUDIENCE)
                .jwtId(UUID.randomUUID().toString()).claim("client_id", "web-app")
                .expiresAt(Instant.now().plus(Duration.ofMinutes(5)));
        if (scope != null) {
            c.claim("scope", scope);
        }
        if (roles != null) {
            c.claim("roles", roles);
        }
        return JwtSigner.builder(key).type("at+jwt").build().sign(edit.apply(c).build());
    }

    String token(String scope) {
        return token(scope, List.of("admin"), c -> c);
    }
}
