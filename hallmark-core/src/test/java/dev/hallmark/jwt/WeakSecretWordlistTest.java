package dev.hallmark.jwt;

import dev.hallmark.Reason;
import dev.hallmark.jwk.Jwk;
import dev.hallmark.jwk.OctJwk;
import dev.hallmark.jws.JwsAlgorithm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static dev.hallmark.Rejection.assertRejected;
import static dev.hallmark.jwt.TokenForge.b64;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Publicly leaked JWT secrets (a 205-line sample of wallarm/jwt-secrets, see the README beside it): every entry
 * shorter than 32 bytes is refused as an HS256 key ({@code WEAK_KEY}, RFC 7518 §3.2), whichever way it is turned
 * into a key. Entries of 32 bytes or more are accepted: strength is judged by length, not by guessability, so a
 * long leaked secret is only as safe as its secrecy.
 */
class WeakSecretWordlistTest {

    private static final String LIST = "/vectors/jwt-attack-wordlists/wallarm-jwt-secrets/jwt.secrets.sample.list";

    /** The lines of the list (CRLF, first line empty), each with its 1-based line number in the sample file. */
    static Stream<Arguments> secrets() throws IOException {
        try (InputStream in = WeakSecretWordlistTest.class.getResourceAsStream(LIST)) {
            assertThat(in).as(LIST).isNotNull();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String[] lines = text.split("\r\n", -1);
            List<Arguments> out = new ArrayList<>();
            // the file ends with CRLF, so the split leaves one empty string after the last line
            for (int i = 0; i < lines.length - 1; i++) {
                byte[] secret = lines[i].getBytes(StandardCharsets.UTF_8);
                out.add(Arguments.of("jwt.secrets.sample.list line " + (i + 1) + " (" + secret.length + " bytes)", secret));
            }
            return out.stream();
        }
    }

    @Test
    void theSampleIsTheOneTheReadmeDescribes() throws IOException {
        assertThat(secrets()).hasSize(205);
        // 7 entries have 32 bytes or more in UTF-8 (counted with LC_ALL=C awk), one is empty, 197 are short
        assertThat(secrets().filter(a -> ((byte[]) a.get()[1]).length >= 32)).hasSize(7);
        assertThat(secrets().filter(a -> ((byte[]) a.get()[1]).length == 0)).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("secrets")
    void hs384AndHs512NeedTheirOwnHashSize(String name, byte[] secret) {
        if (secret.length == 0) {
            return; // no OctJwk at all; covered below
        }
        for (String alg : new String[] {"HS384", "HS512"}) {
            int min = Integer.parseInt(alg.substring(2)) / 8;
            if (secret.length < min) {
                assertRejected(() -> OctJwk.of(secret).withAlgorithm(alg), Reason.WEAK_KEY);
            } else {
                assertThat(OctJwk.of(secret).withAlgorithm(alg).algorithm()).contains(alg);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("secrets")
    void shortLeakedSecretsAreRefusedForHs256(String name, byte[] secret) {
        if (secret.length >= 32) {
            OctJwk key = OctJwk.of(secret).withAlgorithm("HS256");
            String token = JwtSigner.builder(key).clock(TestKeys.CLOCK).build().sign(TestKeys.validClaims().build());
            assertThat(TestKeys.verifier(key).build().verify(token)).isNotNull();
            return;
        }
        if (secret.length == 0) {
            assertRejected(() -> OctJwk.of(secret), Reason.WEAK_KEY);
            return;
        }
        assertRejected(() -> OctJwk.of(secret).withAlgorithm("HS256"), Reason.WEAK_KEY);
        assertRejected(() -> JwtSigner.builder(OctJwk.of(secret)).algorithm(JwsAlgorithm.HS256).build(), Reason.WEAK_KEY);
        assertRejected(() -> Jwk.parse("{\"kty\":\"oct\",\"alg\":\"HS256\",\"k\":\"" + b64(secret) + "\"}"),
                Reason.WEAK_KEY);
        // and a verifier holding it (imported without alg) refuses to use it for an HS256 token it MACed
        String token = TokenForge.signHmac("HS256", secret, "{\"alg\":\"HS256\"}", TestKeys.validPayloadJson());
        assertRejected(() -> TestKeys.verifier(OctJwk.of(secret)).build().verify(token), Reason.WEAK_KEY);
    }
}
