package dev.hallmark.server.http;

import dev.hallmark.JoseException;
import dev.hallmark.jwt.JwtVerifier;
import dev.hallmark.jwt.VerifiedJwt;
import dev.hallmark.server.keys.KeyManager;
import dev.hallmark.server.store.RevocationStore;

import java.time.Clock;
import java.util.Optional;

/** Recognises this issuer's own access tokens: signature by one of its keys, its {@code iss}, {@code at+jwt}. */
final class AccessTokens {

    private final KeyManager keys;
    private final RevocationStore revocations;
    private final Clock clock;
    private final String issuer;

    AccessTokens(KeyManager keys, RevocationStore revocations, Clock clock, String issuer) {
        this.keys = keys;
        this.revocations = revocations;
        this.clock = clock;
        this.issuer = issuer;
    }

    /** The verified token if it is one of ours, signed, unexpired; revocation is checked when asked. */
    Optional<VerifiedJwt> verify(String token, boolean checkRevoked) {
        try {
            JwtVerifier.Builder b = JwtVerifier.builder().keys(keys.verificationKeys()).expectIssuer(issuer)
                    .ignoreAudience().expectType("at+jwt").requireClaims("jti", "client_id").clock(clock);
            if (checkRevoked) {
                b.revocationCheck(claims -> revocations.isRevoked(claims.jwtId().orElse("")));
            }
            return Optional.of(b.build().verify(token));
        } catch (JoseException e) {
            return Optional.empty();
        }
    }
}
