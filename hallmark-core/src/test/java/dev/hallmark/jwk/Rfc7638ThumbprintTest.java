package dev.hallmark.jwk;

import dev.hallmark.internal.json.JsonWriter;
import dev.hallmark.vectors.VectorFiles;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * JWK thumbprints: RFC 7638 §3.1 (latchset {@code rfc7638_3.1.jwk}/{@code .thp}), its RFC 9278 URI, and the
 * RFC 8037 Appendix A.3 Ed25519 thumbprint.
 */
class Rfc7638ThumbprintTest {

    private static final String RFC7638_JWK = "latchset-jose/vectors/rfc7638_3.1.jwk";
    private static final String RFC7638_THP = "latchset-jose/vectors/rfc7638_3.1.thp";

    /** RFC 8037 Appendix A.2, the public half of the A.1 key (transcribed from the RFC; no data file has A.3). */
    private static final String RFC8037_A2_PUBLIC =
            "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\"}";
    /** RFC 8037 Appendix A.3. */
    private static final String RFC8037_A3_THUMBPRINT = "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k";

    @Test
    void rsaThumbprintOfRfc7638Section3_1() {
        Jwk key = Jwk.parse(VectorFiles.text(RFC7638_JWK));
        assertThat(Thumbprint.of(key)).isEqualTo(VectorFiles.text(RFC7638_THP).strip());
    }

    /** RFC 7638 §3.1 prints the exact JSON that is hashed: required members only, sorted, no whitespace. */
    @Test
    void hashInputIsTheRequiredMembersInLexicographicOrder() {
        Jwk key = Jwk.parse(VectorFiles.text(RFC7638_JWK));
        String n = (String) VectorFiles.jsonObject(RFC7638_JWK).get("n");

        String hashed = new String(JsonWriter.write(key.thumbprintMembers()), StandardCharsets.UTF_8);

        assertThat(hashed).isEqualTo("{\"e\":\"AQAB\",\"kty\":\"RSA\",\"n\":\"" + n + "\"}");
    }

    /** {@code alg} and {@code kid} are not hashed (RFC 7638 §3.2), and a private key has its public key's thumbprint. */
    @Test
    void optionalMembersDoNotChangeTheThumbprint() {
        Jwk key = Jwk.parse(VectorFiles.text(RFC7638_JWK));
        assertThat(key.algorithm()).contains("RS256");
        assertThat(key.keyId()).contains("2011-04-29");
        String expected = VectorFiles.text(RFC7638_THP).strip();

        assertThat(Thumbprint.of(key.withKeyId(null).withAlgorithm(null).withUse("sig"))).isEqualTo(expected);
        // RFC 7517 A.2 has the private key of this very modulus
        Map<?, ?> privateRsa = (Map<?, ?>) ((java.util.List<?>) VectorFiles.jsonObject(
                "latchset-jose/vectors/rfc7517_A.2.jwkset").get("keys")).get(1);
        Jwk privateKey = Jwk.parse(VectorFiles.write(privateRsa));
        assertThat(privateKey.isPrivate()).isTrue();
        assertThat(Thumbprint.of(privateKey)).isEqualTo(expected);
    }

    /** RFC 9278 §3: the URI of the SHA-256 thumbprint. */
    @Test
    void thumbprintUriOfRfc7638Key() {
        Jwk key = Jwk.parse(VectorFiles.text(RFC7638_JWK));
        assertThat(Thumbprint.uriOf(key))
                .isEqualTo("urn:ietf:params:oauth:jwk-thumbprint:sha-256:NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs");
    }

    @Test
    void ed25519ThumbprintOfRfc8037AppendixA3() {
        Jwk key = Jwk.parse(RFC8037_A2_PUBLIC);
        assertThat(Thumbprint.of(key)).isEqualTo(RFC8037_A3_THUMBPRINT);
        assertThat(new String(JsonWriter.write(key.thumbprintMembers()), StandardCharsets.UTF_8))
                .isEqualTo("{\"crv\":\"Ed25519\",\"kty\":\"OKP\",\"x\":\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\"}");
    }

    /** The cookbook's RFC 8037 private key (A.1: d and x) has the same thumbprint as its public half. */
    @Test
    void ed25519PrivateKeyOfRfc8037A1HasTheSameThumbprint() {
        Map<?, ?> example = VectorFiles.jsonObject("rfc7520-cookbook/curve25519/jws.json");
        Jwk key = Jwk.parse(VectorFiles.write(((Map<?, ?>) example.get("input")).get("key")));
        assertThat(key.isPrivate()).isTrue();
        assertThat(Thumbprint.of(key)).isEqualTo(RFC8037_A3_THUMBPRINT);
        assertThat(Thumbprint.uriOf(key)).isEqualTo("urn:ietf:params:oauth:jwk-thumbprint:sha-256:" + RFC8037_A3_THUMBPRINT);
    }
}
