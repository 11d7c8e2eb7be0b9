package dev.hallmark.jwt;

import dev.hallmark.JoseException;
import dev.hallmark.jwk.Jwk;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Random;

import static dev.hallmark.jwt.TestKeys.validClaims;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * With strict base64url every token has one encoding, so no single-character change to a genuine token verifies:
 * not in the signature's spare bits, not in the header, not anywhere. Every such change is a {@link JoseException},
 * never another exception. Each position gets a few replacement characters from a seeded generator.
 */
class SingleCharacterMutationTest {

    private static final String CHARS =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ \u0000\u00e9";

    static List<Jwk> keys() {
        return List.of(TestKeys.HS256, TestKeys.ES256, TestKeys.ED25519);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keys")
    void noSingleCharacterChangeVerifies(Jwk key) {
        String token = TestKeys.signer(key).sign(validClaims().build());
        JwtVerifier verifier = TestKeys.verifier(key).build();
        assertThat(verifier.verify(token)).isNotNull();
        Random random = new Random(token.length());
        int tried = 0;
        for (int i = 0; i < token.length(); i++) {
            for (int r = 0; r < 4; r++) {
                char c = CHARS.charAt(random.nextInt(CHARS.length()));
                if (c == token.charAt(i)) {
                    continue;
                }
                String mutated = token.substring(0, i) + c + token.substring(i + 1);
                Throwable t = catchThrowable(() -> verifier.verify(mutated));
                assertThat(t).as("position %d replaced by U+%04X", i, (int) c).isInstanceOf(JoseException.class);
                tried++;
            }
        }
        assertThat(tried).isGreaterThan(token.length() * 3);
    }
}
