package dev.hallmark.jwt;

import dev.hallmark.jwe.JweEncrypter;

import java.util.Objects;

/**
 * Signs claims, then encrypts the signed JWT to a recipient: a nested JWT (RFC 7519 §5.2), with {@code cty: JWT}
 * on the outer JWE so the recipient knows a JWS is inside. Signing first means the recipient learns who issued
 * the claims, not only that someone knew its public key. Immutable and thread-safe.
 *
 * <pre>{@code
 * NestedJwtSigner nested = NestedJwtSigner.of(
 *         JwtSigner.builder(issuerPrivateJwk).expiresAfter(Duration.ofMinutes(5)).build(),
 *         JweEncrypter.builder(recipientPublicJwk).encryption(ContentEncryption.A256GCM));
 * String token = nested.sign(claims);
 * }</pre>
 */
public final class NestedJwtSigner {

    private final JwtSigner signer;
    private final JweEncrypter encrypter;

    private NestedJwtSigner(JwtSigner signer, JweEncrypter encrypter) {
        this.signer = signer;
        this.encrypter = encrypter;
    }

    /** Signs with {@code signer}, encrypts with what {@code encryption} builds, given {@code cty: JWT} here. */
    public static NestedJwtSigner of(JwtSigner signer, JweEncrypter.Builder encryption) {
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(encryption, "encryption");
        return new NestedJwtSigner(signer, encryption.contentType("JWT").build());
    }

    /** The compact JWE holding the compact JWS of these claims. */
    public String sign(Claims claims) {
        return encrypter.encrypt(signer.sign(claims));
    }

    @Override
    public String toString() {
        return "NestedJwtSigner{" + signer + " inside " + encrypter + "}";
    }
}
