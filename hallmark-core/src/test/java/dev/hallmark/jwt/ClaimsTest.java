package dev.hallmark.jwt;

import dev.hallmark.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.hallmark.Rejection.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The claims set (RFC 7519 §4): typed accessors, {@code aud} forms, fractional NumericDates, custom claims. */
class ClaimsTest {

    @Test
    void registeredClaimAccessors() {
        Claims c = Claims.parse("{\"iss\":\"i\",\"sub\":\"s\",\"aud\":\"a\",\"exp\":1700000300,\"nbf\":1700000000,"
                + "\"iat\":1700000000,\"jti\":\"j\"}");
        assertThat(c.issuer()).contains("i");
        assertThat(c.subject()).contains("s");
        assertThat(c.audience()).containsExactly("a");
        assertThat(c.expiresAt()).contains(Instant.ofEpochSecond(1700000300));
        assertThat(c.notBefore()).contains(Instant.ofEpochSecond(1700000000));
        assertThat(c.issuedAt()).contains(Instant.ofEpochSecond(1700000000));
        assertThat(c.jwtId()).contains("j");
    }

    @Test
    void absentClaimsAreEmpty() {
        Claims c = Claims.parse("{}");
        assertThat(c.issuer()).isEmpty();
        assertThat(c.audience()).isEmpty();
        assertThat(c.expiresAt()).isEmpty();
        assertThat(c.get("x")).isEmpty();
        assertThat(c.getString("x")).isEmpty();
        assertThat(c.getLong("x")).isEmpty();
        assertThat(c.getDecimal("x")).isEmpty();
        assertThat(c.getBoolean("x")).isEmpty();
        assertThat(c.getStringList("x")).isEmpty();
        assertThat(c.getObject("x")).isEmpty();
        assertThat(c.getInstant("x")).isEmpty();
        assertThat(c.contains("x")).isFalse();
    }

    @Test
    void aJsonNullIsPresentButEmpty() {
        Claims c = Claims.parse("{\"x\":null}");
        assertThat(c.contains("x")).isTrue();
        assertThat(c.get("x")).isEmpty();
        assertThat(c.getString("x")).isEmpty();
    }

    @Test
    void audienceAsStringOrArray() {
        assertThat(Claims.parse("{\"aud\":\"a\"}").audience()).containsExactly("a");
        assertThat(Claims.parse("{\"aud\":[\"a\",\"b\"]}").audience()).containsExactly("a", "b");
        assertThat(Claims.parse("{\"aud\":[]}").audience()).isEmpty();
        assertThat(Claims.parse("{\"aud\":[\"a\",\"b\"]}").getStringList("aud")).contains(List.of("a", "b"));
        assertThat(Claims.parse("{\"aud\":\"a\"}").getStringList("aud")).contains(List.of("a"));
        // the builder writes one audience as a string and several as an array
        assertThat(Claims.builder().audience("a").build().toJson()).isEqualTo("{\"aud\":\"a\"}");
        assertThat(Claims.builder().audience(List.of("a", "b")).build().toJson()).isEqualTo("{\"aud\":[\"a\",\"b\"]}");
        assertThat(Claims.builder().audience(List.of("a")).build().toJson()).isEqualTo("{\"aud\":[\"a\"]}");
    }

    @Test
    void registeredClaimsOfTheWrongTypeAreMalformed() {
        for (String json : new String[] {"{\"iss\":1}", "{\"sub\":true}", "{\"jti\":[]}", "{\"aud\":1}",
            "{\"aud\":[1]}", "{\"aud\":null}", "{\"exp\":\"1\"}", "{\"nbf\":{}}", "{\"iat\":false}", "{\"exp\":null}"}) {
            assertRejected(() -> Claims.parse(json), Reason.MALFORMED);
        }
        // the builder applies the same rules, but there a wrong type is the caller's mistake, not a bad token
        assertThatThrownBy(() -> Claims.builder().claim("iss", 42).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"iss\"");
        assertThatThrownBy(() -> Claims.builder().claim("exp", "tomorrow").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"exp\"");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "1700000000.5, 2023-11-14T22:13:20.500Z",
        "1700000000.000000001, 2023-11-14T22:13:20.000000001Z",
        "1700000000.123456789, 2023-11-14T22:13:20.123456789Z",
        "1700000000.9999999999, 2023-11-14T22:13:20.999999999Z",
        "1.7e9, 2023-11-14T22:13:20Z",
        "1700000000.0, 2023-11-14T22:13:20Z",
        "0, 1970-01-01T00:00:00Z",
        "0.5, 1970-01-01T00:00:00.500Z",
    })
    void numericDatesMayBeFractional(String json, String expected) {
        // RFC 7519 §2: "seconds ... ignoring leap seconds"; non-integer values are allowed; beyond nanoseconds the
        // value is truncated, never rounded up into the next second
        Claims c = Claims.parse("{\"exp\":" + json + "}");
        assertThat(c.expiresAt()).contains(Instant.parse(expected));
        assertThat(c.getInstant("exp")).contains(Instant.parse(expected));
    }

    @Test
    void fractionalInstantsRoundTripExactly() {
        Instant t = Instant.parse("2026-11-29T10:00:00.123456789Z");
        Claims c = Claims.builder().expiresAt(t).issuedAt(Instant.ofEpochSecond(1700000000, 500_000_000)).build();
        assertThat(c.toJson()).isEqualTo("{\"exp\":1795946400.123456789,\"iat\":1700000000.5}");
        assertThat(Claims.parse(c.toJson()).expiresAt()).contains(t);
        assertThat(Claims.builder().expiresAt(Instant.ofEpochSecond(1700000000)).build().toJson())
                .isEqualTo("{\"exp\":1700000000}");
    }

    @Test
    void instantsOutsideTheNumericDateRangeAreRefusedByTheBuilder() {
        assertThatThrownBy(() -> Claims.builder().expiresAt(Instant.parse("1969-12-31T23:59:59Z")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Claims.builder().expiresAt(Instant.parse("+10000-01-01T00:00:00Z")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void customClaimsOfEveryJsonType() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("n", 1);
        nested.put("list", List.of("x", 2L, true));
        Claims c = Claims.builder()
                .claim("string", "text")
                .claim("true", true)
                .claim("false", false)
                .claim("int", 42)
                .claim("long", 9_007_199_254_740_993L)
                .claim("big", new BigInteger("123456789012345678901234567890"))
                .claim("decimal", new BigDecimal("3.14159265358979323846264338327950288"))
                .claim("double", 0.25)
                .claim("object", nested)
                .claim("array", List.of(1, "two", List.of(3)))
                .claim("null", null)
                .build();

        assertThat(c.getString("string")).contains("text");
        assertThat(c.getBoolean("true")).contains(true);
        assertThat(c.getBoolean("false")).contains(false);
        assertThat(c.getLong("int")).contains(42L);
        assertThat(c.getLong("long")).contains(9_007_199_254_740_993L);
        assertThat(c.get("big")).contains(new BigInteger("123456789012345678901234567890"));
        assertThat(c.getDecimal("big")).contains(new BigDecimal("123456789012345678901234567890"));
        assertThat(c.getDecimal("decimal")).contains(new BigDecimal("3.14159265358979323846264338327950288"));
        assertThat(c.getDecimal("double")).contains(new BigDecimal("0.25"));
        assertThat(c.getDecimal("int")).contains(BigDecimal.valueOf(42));
        assertThat(c.getObject("object")).hasValueSatisfying(o -> {
            assertThat(o).containsEntry("n", 1L);
            assertThat(o.get("list")).isEqualTo(List.of("x", 2L, true));
        });
        assertThat(c.get("array")).contains(List.of(1L, "two", List.of(3L)));
        assertThat(c.contains("null")).isTrue();
        assertThat(c.get("null")).isEmpty();

        // and the same values come back from JSON, exactly (no double rounding of big or precise numbers)
        Claims parsed = Claims.parse(c.toJson());
        assertThat(parsed).isEqualTo(c);
        assertThat(parsed.asMap()).isEqualTo(c.asMap());
        assertThat(parsed.toJson()).isEqualTo(c.toJson());
    }

    @Test
    void typedAccessorsRefuseOtherTypes() {
        Claims c = Claims.parse("{\"s\":\"x\",\"n\":1,\"f\":1.5,\"big\":123456789012345678901234567890,\"b\":true,"
                + "\"o\":{},\"a\":[1],\"sa\":[\"x\",1]}");
        assertRejected(() -> c.getString("n"), Reason.MALFORMED);
        assertRejected(() -> c.getLong("s"), Reason.MALFORMED);
        assertRejected(() -> c.getLong("f"), Reason.MALFORMED);
        assertRejected(() -> c.getLong("big"), Reason.MALFORMED);
        assertRejected(() -> c.getBoolean("s"), Reason.MALFORMED);
        assertRejected(() -> c.getDecimal("s"), Reason.MALFORMED);
        assertRejected(() -> c.getObject("a"), Reason.MALFORMED);
        assertRejected(() -> c.getStringList("a"), Reason.MALFORMED);
        assertRejected(() -> c.getStringList("sa"), Reason.MALFORMED);
        assertRejected(() -> c.getStringList("o"), Reason.MALFORMED);
        assertRejected(() -> c.getInstant("s"), Reason.MALFORMED);
    }

    @Test
    void valuesThatAreNotJsonAreRefusedByTheBuilder() {
        assertThatThrownBy(() -> Claims.builder().claim("x", Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Claims.builder().claim("x", Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Claims.builder().claim("x", new Object())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Claims.builder().claim("x", Map.of(1, "a"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Claims.builder().claim(null, "a")).isInstanceOf(NullPointerException.class);
    }

    @Test
    void builderRoundTripAndIndependence() {
        Claims.Builder b = TestKeys.validClaims().jwtId("j1").claim("roles", List.of("admin"));
        Claims first = b.build();
        b.subject("bob").remove("roles");
        Claims second = b.build();
        assertThat(first.subject()).contains("alice");
        assertThat(first.getStringList("roles")).contains(List.of("admin"));
        assertThat(second.subject()).contains("bob");
        assertThat(second.contains("roles")).isFalse();

        Claims derived = first.toBuilder().subject("carol").build();
        assertThat(first.subject()).contains("alice");
        assertThat(derived.subject()).contains("carol");
        assertThat(derived.jwtId()).contains("j1");
        assertThat(Claims.parse(first.toJson())).isEqualTo(first).hasSameHashCodeAs(first);
    }

    @Test
    void claimsAreUnmodifiable() {
        Claims c = Claims.parse("{\"a\":[1],\"o\":{\"k\":1}}");
        assertThatThrownBy(() -> c.asMap().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ((List<?>) c.get("a").orElseThrow()).clear())
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> c.getObject("o").orElseThrow().put("k", 2))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void toStringShowsNamesOnly() {
        Claims c = TestKeys.validClaims().claim("email", "alice@example.com").claim("ssn", "078-05-1120").build();
        assertThat(c.toString()).contains("iss", "aud", "sub", "email", "ssn")
                .doesNotContain("alice", "078-05-1120", "example.com", "orders-api", "1795946");
    }
}
