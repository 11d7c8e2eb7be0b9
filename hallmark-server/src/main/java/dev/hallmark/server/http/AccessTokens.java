package dev.hallmark.server.http;

import dev.hallmark.JoseException;
import dev.hallmark.jwk.KeySource;
import dev.hallmark.jwt.JwtVerifier;
import dev.hallmark.jwt.VerifiedJwt;
import dev.hallmark.server.keys.KeyManager;
import dev.hallmark.server.store.RevocationStore;

import java.time.Clock;
import java.util.Optional;

/** Recognises this issuer's own access tokens: signature by one of its keys, its {@code iss}, {@code at+jwt}. */
final class AccessTokens {

    private final JwtVerifier withRevocation;
    private final JwtVerifier withoutRevocation;

    /**
     * Both verifiers are built once; their key source asks the key manager on every call, so a rotation (or a
     * reload after another instance rotated) is seen at once.
     */
    AccessTokens(KeyManager keys, RevocationStore revocations, Clock clock, String issuer) {
        KeySource current = matcher -> keys.verificationKeys().select(matcher);
        this.withoutRevocation = builder(current, clock, issuer).build();
        this.withRevocation = builder(current, clock, issuer)
                .revocationCheck(claims -> revocations.isRevoked(claims.jwtId().orElse(""))).build();
    }

    private static JwtVerifier.Builder builder(KeySource keys, Clock clock, String issuer) {
        return JwtVerifier.builder().keys(keys).expectIssuer(issuer).ignoreAudience().expectType("at+jwt")
                .requireClaims("jti", "client_id").clock(clock);
    }

    /** The verified token if it is one of ours, signed, unexpired; revocation is checked when asked. */
    Optional<VerifiedJwt> verify(String token, boolean checkRevoked) {
        try {
            return Optional.of((checkRevoked ? withRevocation : withoutRevocation).verify(token));
        } catch (JoseException e) {
            return Optional.empty();
        }
    }
}
