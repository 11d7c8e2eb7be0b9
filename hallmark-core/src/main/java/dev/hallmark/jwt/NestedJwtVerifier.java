package dev.hallmark.jwt;

import dev.hallmark.JoseException;
import dev.hallmark.Reason;
import dev.hallmark.jwe.DecryptedJwe;
import dev.hallmark.jwe.JweDecrypter;

import java.util.Objects;

/**
 * Decrypts a nested JWT (RFC 7519 §5.2) and verifies the JWT inside, in one call: the outer token must be a JWE
 * with {@code cty: JWT}, and the inner one a JWS that the {@link JwtVerifier} accepts: signed (never
 * {@code alg: none}) by a key that verifier trusts, with valid claims. A key that merely decrypts proves nothing
 * about who wrote the claims, so decryption alone never yields a {@link VerifiedJwt}. Immutable and thread-safe.
 *
 * <pre>{@code
 * NestedJwtVerifier verifier = NestedJwtVerifier.of(
 *         JweDecrypter.builder().key(myPrivateJwk).build(),
 *         JwtVerifier.builder().keys(issuerKeys).expectIssuer(ISSUER).expectAudience("me").build());
 * VerifiedJwt jwt = verifier.verify(token);
 * }</pre>
 *
 * <p>A plain JWS given here is {@code MALFORMED} (a JWE was expected), and so is a JWE whose plaintext is not a
 * compact JWS.
 */
public final class NestedJwtVerifier {

    private final JweDecrypter decrypter;
    private final JwtVerifier verifier;

    private NestedJwtVerifier(JweDecrypter decrypter, JwtVerifier verifier) {
        this.decrypter = decrypter;
        this.verifier = verifier;
    }

    public static NestedJwtVerifier of(JweDecrypter decrypter, JwtVerifier verifier) {
        return new NestedJwtVerifier(Objects.requireNonNull(decrypter, "decrypter"),
                Objects.requireNonNull(verifier, "verifier"));
    }

    /** Decrypts, then verifies the inner JWT; the reason of the first failed step is thrown. */
    public VerifiedJwt verify(String token) {
        DecryptedJwe outer = decrypter.decrypt(token);
        String cty = outer.header().contentType().orElse(null);
        if (cty == null || !(cty.equalsIgnoreCase("JWT") || cty.equalsIgnoreCase("application/jwt"))) {
            throw new JoseException(Reason.MALFORMED, "a nested JWT has \"cty\": \"JWT\" in its JWE header "
                    + "(RFC 7519 §5.2)");
        }
        byte[] inner = outer.plaintext();
        for (byte b : inner) {
            if (b < 0x21 || b > 0x7e) {
                throw new JoseException(Reason.MALFORMED, "the plaintext of a nested JWT is not a compact JWS");
            }
        }
        return verifier.verify(new String(inner, java.nio.charset.StandardCharsets.US_ASCII));
    }

    @Override
    public String toString() {
        return "NestedJwtVerifier";
    }
}
