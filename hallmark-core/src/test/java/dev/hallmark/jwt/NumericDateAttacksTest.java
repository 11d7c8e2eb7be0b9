package dev.hallmark.jwt;

import dev.hallmark.Reason;
import dev.hallmark.jwk.Jwk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static dev.hallmark.Rejection.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code exp}, {@code nbf} and {@code iat} must be NumericDates (RFC 7519 §2: a JSON number of seconds, possibly
 * fractional). Strings, booleans, {@code 1e400}, integers beyond any date, negative numbers and the non-JSON
 * {@code NaN}/{@code Infinity} are {@code MALFORMED} even in a correctly signed token: a lenient reader might turn
 * them into "never expires".
 */
class NumericDateAttacksTest {

    private static final Jwk KEY = TestKeys.ES256;
    private static final String HEADER = "{\"alg\":\"ES256\",\"kid\":\"es256\"}";

    /** A signed token whose {@code claim} has exactly this JSON text as its value. */
    private static String tokenWith(String claim, String jsonValue) {
        String payload = "{\"iss\":\"" + TestKeys.ISSUER + "\",\"aud\":\"" + TestKeys.AUDIENCE + "\",\"sub\":\"alice\""
                + (claim.equals("exp") ? "" : ",\"exp\":" + TestKeys.NOW.plusSeconds(300).getEpochSecond())
                + ",\"" + claim + "\":" + jsonValue + "}";
        return TokenForge.sign(KEY, "ES256", HEADER, payload);
    }

    private static JwtVerifier verifier() {
        return TestKeys.verifier(KEY).build();
    }

    @ParameterizedTest(name = "exp: {0}")
    @ValueSource(strings = {
        "\"1795946700\"", "\"2026-11-29T10:05:00Z\"", "\"\"", "1e400", "-1e400", "99999999999999999999999",
        "340282366920938463463374607431768211456", "9223372036854775807", "9223372036854775808", "-1", "-1795946700",
        "-0.5", "253402300800", "253402300799.5", "NaN", "Infinity", "-Infinity", "\"NaN\"", "\"Infinity\"", "true",
        "false", "null", "[1795946700]", "{\"t\":1795946700}", "0x6B0D1E4C", "1_795_946_700", "+1795946700", "01795946700",
    })
    void expThatIsNotANumericDate(String value) {
        assertRejected(() -> verifier().verify(tokenWith("exp", value)), Reason.MALFORMED);
        assertRejected(() -> Jwt.decodeUnverified(tokenWith("exp", value)), Reason.MALFORMED);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"nbf", "iat"})
    void nbfAndIatFollowTheSameRules(String claim) {
        for (String value : new String[] {"\"1795946400\"", "1e400", "99999999999999999999999", "-1", "NaN", "true", "null"}) {
            assertRejected(() -> verifier().verify(tokenWith(claim, value)), Reason.MALFORMED);
        }
    }

    @Test
    void numericDateBoundaries() {
        // the largest accepted value is the last second of year 9999, which is never "expired" here
        assertThat(verifier().verify(tokenWith("exp", "253402300799")).claims().expiresAt())
                .contains(Instant.parse("9999-12-31T23:59:59Z"));
        // 0 is a valid NumericDate (the epoch), so a token with exp 0 is simply expired
        assertRejected(() -> verifier().verify(tokenWith("exp", "0")), Reason.EXPIRED);
        assertRejected(() -> verifier().verify(tokenWith("exp", "0.0")), Reason.EXPIRED);
        assertRejected(() -> verifier().verify(tokenWith("exp", "1e-400")), Reason.EXPIRED);
    }

    @ParameterizedTest(name = "exp {0}")
    @ValueSource(strings = {"1e-999999999", "1E-2147483647", "0e-999999999", "0e999999999", "0E2147483647", "1e-2000000", "0.5e-1000000000",
        "1700000000e-999999990"})
    void tinyNumbersWithHugeExponentsAreTheEpochAndCostNothing(String value) {
        // valid JSON numbers below one nanosecond: the instant is the epoch, so the token is expired. A careless
        // BigDecimal.setScale on such a value computes 10^999999999 (ArithmeticException, or seconds of CPU for
        // 1e-2000000), and Jwt.decodeUnverified runs on attacker input before any signature check.
        assertThat(Jwt.decodeUnverified(tokenWith("exp", value)).claims().expiresAt()).contains(Instant.EPOCH);
        assertThat(Claims.parse("{\"exp\":" + value + "}").expiresAt()).contains(Instant.EPOCH);
        assertRejected(() -> verifier().verify(tokenWith("exp", value)), Reason.EXPIRED);
        assertThat(verifier().verify(tokenWith("nbf", value)).claims().notBefore()).contains(Instant.EPOCH);
    }

    @ParameterizedTest(name = "exp {0}")
    @ValueSource(strings = {"1e999999999", "1E2147483647", "1795946700e999999999"})
    void hugeNumbersAreMalformedAndCostNothing(String value) {
        assertRejected(() -> Jwt.decodeUnverified(tokenWith("exp", value)), Reason.MALFORMED);
    }

    @ParameterizedTest(name = "exp {0}")
    @ValueSource(strings = {"1795946700", "1795946700.0", "1795946700.999999999", "1.7959467E9", "17959467e2",
        "1795946400.000000001"})
    void everyNumberSpellingOfAFutureDateIsAccepted(String value) {
        assertThat(verifier().verify(tokenWith("exp", value)).claims().expiresAt()).isPresent();
    }
}
