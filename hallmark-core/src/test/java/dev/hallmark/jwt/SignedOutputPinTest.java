package dev.hallmark.jwt;

import dev.hallmark.jwk.Jwk;
import dev.hallmark.jws.JwsHeader;
import dev.hallmark.jws.JwsSigner;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Exact output of the signers for fixed keys and inputs, captured from the jackson-based writer before the signing
 * path was rewritten: any change in JSON bytes, header encoding or token assembly shows up here. HMAC and EdDSA
 * are deterministic, so the whole token is pinned.
 */
class SignedOutputPinTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-29T10:00:00Z"), ZoneOffset.UTC);
    private static final Jwk HMAC_KEY = Jwk.parse("{\"kty\":\"oct\",\"kid\":\"pin-1\",\"alg\":\"HS256\","
            + "\"k\":\"AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow\"}");
    // RFC 8037 Appendix A.1
    private static final Jwk ED25519_KEY = Jwk.parse("{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"kid\":\"ed\","
            + "\"d\":\"nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A\","
            + "\"x\":\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\"}");

    static Claims claims() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("text", "caf\u00e9 \u20ac \ud83d\ude00 \"q\" \\ / \t\n\u0001\u001f\u007f\u2028");
        nested.put("big", new BigInteger("123456789012345678901234567890"));
        nested.put("dec", new BigDecimal("1.5E+10"));
        nested.put("neg", -42L);
        nested.put("ok", true);
        nested.put("none", null);
        nested.put("list", List.of(1, 2.5, "x", false, List.of(), Map.of()));
        return Claims.builder().issuer("https://auth.example.com").subject("user-42")
                .audience(List.of("orders-api", "billing")).expiresAt(Instant.parse("2026-11-29T10:15:00Z"))
                .notBefore(Instant.parse("2026-11-29T09:59:00Z")).jwtId("j-1").claim("scope", "orders:read orders:write")
                .claim("roles", List.of("admin", "user")).claim("nested", nested).build();
    }

    @Test
    void aClaimWithAnUnpairedSurrogateIsRefusedAtSigningNotAtVerification() {
        // jackson would have written it, and every Hallmark verifier would then refuse the token as MALFORMED
        Claims lone = Claims.builder().subject("x\ud83d").build();
        assertThatThrownBy(() -> JwtSigner.builder(HMAC_KEY).clock(CLOCK).build().sign(lone))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unpaired UTF-16 surrogate");
        assertThat(JwtSigner.builder(HMAC_KEY).clock(CLOCK).build().sign(Claims.builder().subject("x\ud83d\ude00").build()))
                .isNotEmpty();
    }

    @Test
    void hs256Jwt() {
        String token = JwtSigner.builder(HMAC_KEY).clock(CLOCK).build().sign(claims());
        assertThat(token).isEqualTo(
                "eyJhbGciOiJIUzI1NiIsImtpZCI6InBpbi0xIiwidHlwIjoiSldUIn0.eyJpc3MiOiJodHRwczovL2F1dGguZXhhbXBsZS5jb20i"
                + "LCJzdWIiOiJ1c2VyLTQyIiwiYXVkIjpbIm9yZGVycy1hcGkiLCJiaWxsaW5nIl0sImV4cCI6MTc5NTk0NzMwMCwibmJmIjoxNzk1"
                + "OTQ2MzQwLCJqdGkiOiJqLTEiLCJzY29wZSI6Im9yZGVyczpyZWFkIG9yZGVyczp3cml0ZSIsInJvbGVzIjpbImFkbWluIiwidXNl"
                + "ciJdLCJuZXN0ZWQiOnsidGV4dCI6ImNhZsOpIOKCrCBcdUQ4M0RcdURFMDAgXCJxXCIgXFwgLyBcdFxuXHUwMDAxXHUwMDFGf-KA"
                + "qCIsImJpZyI6MTIzNDU2Nzg5MDEyMzQ1Njc4OTAxMjM0NTY3ODkwLCJkZWMiOjEuNUUrMTAsIm5lZyI6LTQyLCJvayI6dHJ1ZSwi"
                + "bm9uZSI6bnVsbCwibGlzdCI6WzEsMi41LCJ4IixmYWxzZSxbXSx7fV19LCJpYXQiOjE3OTU5NDY0MDB9.5cVOhylKyRSFtUfGRIB"
                + "rX5_TBFpa3xGlho5N9OJValc");
    }

    @Test
    void hs256JwtWithoutTypeAndWithHeaderParameters() {
        String token = JwtSigner.builder(HMAC_KEY).clock(CLOCK).type(null).headerParameter("x5t#S256", "abc")
                .headerParameter("n", 7).build().sign(Claims.builder().subject("s").build());
        assertThat(token).isEqualTo(
                "eyJhbGciOiJIUzI1NiIsImtpZCI6InBpbi0xIiwieDV0I1MyNTYiOiJhYmMiLCJuIjo3fQ.eyJzdWIiOiJzIiwiaWF0IjoxNzk1O"
                + "TQ2NDAwfQ.RlcaFV4Q4KZi8p7MUhWSlOzxqECbY4uG3X7duNVKbU8");
    }

    @Test
    void ed25519Jwt() {
        String token = JwtSigner.builder(ED25519_KEY).clock(CLOCK).type("at+jwt").build().sign(claims());
        assertThat(token).isEqualTo(
                "eyJhbGciOiJFZERTQSIsImtpZCI6ImVkIiwidHlwIjoiYXQrand0In0.eyJpc3MiOiJodHRwczovL2F1dGguZXhhbXBsZS5jb20i"
                + "LCJzdWIiOiJ1c2VyLTQyIiwiYXVkIjpbIm9yZGVycy1hcGkiLCJiaWxsaW5nIl0sImV4cCI6MTc5NTk0NzMwMCwibmJmIjoxNzk1"
                + "OTQ2MzQwLCJqdGkiOiJqLTEiLCJzY29wZSI6Im9yZGVyczpyZWFkIG9yZGVyczp3cml0ZSIsInJvbGVzIjpbImFkbWluIiwidXNl"
                + "ciJdLCJuZXN0ZWQiOnsidGV4dCI6ImNhZsOpIOKCrCBcdUQ4M0RcdURFMDAgXCJxXCIgXFwgLyBcdFxuXHUwMDAxXHUwMDFGf-KA"
                + "qCIsImJpZyI6MTIzNDU2Nzg5MDEyMzQ1Njc4OTAxMjM0NTY3ODkwLCJkZWMiOjEuNUUrMTAsIm5lZyI6LTQyLCJvayI6dHJ1ZSwi"
                + "bm9uZSI6bnVsbCwibGlzdCI6WzEsMi41LCJ4IixmYWxzZSxbXSx7fV19LCJpYXQiOjE3OTU5NDY0MDB9.d4rxNhDSJ7ZodX-yUNp"
                + "DWFEHB5h1peaxq5oSxtwCN2eicHLmb41Q7Jd1ldZBpeNYU2O_lmIhehmnXsk1jShWDQ");
    }

    @Test
    void claimsWithTheirOwnIatAndExpAreWrittenInTheirOrderAndNotStamped() {
        Claims c = Claims.builder().claim("exp", 1795947300L).subject("s").claim("iat", 1L).build();
        JwtSigner signer = JwtSigner.builder(HMAC_KEY).clock(CLOCK).expiresAfter(java.time.Duration.ofMinutes(5)).build();
        String payload = signer.sign(c).split("\\.")[1];
        assertThat(new String(java.util.Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8))
                .isEqualTo("{\"exp\":1795947300,\"sub\":\"s\",\"iat\":1}");
        String stamped = signer.sign(Claims.builder().subject("s").build()).split("\\.")[1];
        assertThat(new String(java.util.Base64.getUrlDecoder().decode(stamped), StandardCharsets.UTF_8))
                .isEqualTo("{\"sub\":\"s\",\"iat\":1795946400,\"exp\":1795946700}");
    }

    @Test
    void jwsSerializations() {
        byte[] payload = "Hello, \u00fcber / world".getBytes(StandardCharsets.UTF_8);
        JwsSigner signer = JwsSigner.builder(HMAC_KEY).header(JwsHeader.builder().type("JOSE").build())
                .unprotectedParameter("u", "v").build();
        JwsSigner plain = JwsSigner.builder(HMAC_KEY).build();
        JwsSigner unencoded = JwsSigner.builder(HMAC_KEY).header(JwsHeader.builder().unencodedPayload().build()).build();
        List<String> out = List.of(plain.sign(payload), plain.sign(new byte[0]), plain.signDetached(payload),
                unencoded.sign("$-02".getBytes(StandardCharsets.US_ASCII)), signer.signFlattenedJson(payload),
                JwsSigner.signGeneralJson(payload, List.of(signer, plain)));
        byte[] framed = ("[[" + new String(payload, StandardCharsets.ISO_8859_1) + "]]").getBytes(StandardCharsets.ISO_8859_1);
        assertThat(plain.sign(framed, 2, payload.length)).as("a slice signs as the same bytes alone")
                .isEqualTo(plain.sign(payload));
        assertThat(out).containsExactly(
                "eyJhbGciOiJIUzI1NiIsImtpZCI6InBpbi0xIn0.SGVsbG8sIMO8YmVyIC8gd29ybGQ.lbAZ_h97NsFIw4hZgu6ynXPf3oxv"
                        + "LfPZGZLH1mStqaI",
                "eyJhbGciOiJIUzI1NiIsImtpZCI6InBpbi0xIn0..c_Sgwi0i6AjrfuNR_XvA_MT_mbCC5S31HAgKMJNuY5Y",
                "eyJhbGciOiJIUzI1NiIsImtpZCI6InBpbi0xIn0..lbAZ_h97NsFIw4hZgu6ynXPf3oxvLfPZGZLH1mStqaI",
                "eyJhbGciOiJIUzI1NiIsImtpZCI6InBpbi0xIiwiYjY0IjpmYWxzZSwiY3JpdCI6WyJiNjQiXX0.$-02.w5092f7_3Z4V3eA"
                        + "a2Z_KYiY2hCXqrsl6xGbvaU8OZgc",
                "{\"payload\":\"SGVsbG8sIMO8YmVyIC8gd29ybGQ\",\"protected\":\"eyJhbGciOiJIUzI1NiIsImtpZCI6InBpbi0"
                        + "xIiwidHlwIjoiSk9TRSJ9\",\"header\":{\"u\":\"v\"},\"signature\":\"vPgOxRUNbUm_-wt517nAG0lvMFbu3DR"
                        + "GQ7H_xhSQuaA\"}",
                "{\"payload\":\"SGVsbG8sIMO8YmVyIC8gd29ybGQ\",\"signatures\":[{\"protected\":\"eyJhbGciOiJIUzI1Ni"
                        + "IsImtpZCI6InBpbi0xIiwidHlwIjoiSk9TRSJ9\",\"header\":{\"u\":\"v\"},\"signature\":\"vPgOxRUNbUm_-w"
                        + "t517nAG0lvMFbu3DRGQ7H_xhSQuaA\"},{\"protected\":\"eyJhbGciOiJIUzI1NiIsImtpZCI6InBpbi0xIn0\",\"si"
                        + "gnature\":\"lbAZ_h97NsFIw4hZgu6ynXPf3oxvLfPZGZLH1mStqaI\"}]}");
    }
}
