package dev.hallmark.jwt;

import dev.hallmark.JoseException;
import dev.hallmark.Reason;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * RFC 7519 §2 NumericDate: seconds since the epoch, possibly with a fraction. Only JSON numbers between 0 and the
 * end of year 9999 are accepted; strings, booleans, {@code 1e400} and the like are {@code MALFORMED}.
 */
final class NumericDate {

    static final long MAX_SECONDS = 253_402_300_799L;
    private static final BigDecimal MAX = BigDecimal.valueOf(MAX_SECONDS);

    private NumericDate() {
    }

    static Instant parse(String claim, Object value) {
        if (value instanceof Long l) {
            if (l < 0 || l > MAX_SECONDS) {
                throw outOfRange(claim);
            }
            return Instant.ofEpochSecond(l);
        }
        if (value instanceof BigDecimal d) {
            if (d.signum() < 0 || d.compareTo(MAX) > 0) {
                throw outOfRange(claim);
            }
            if (d.precision() - d.scale() < -9) {
                // below one nanosecond (e.g. 1e-999999999): the epoch. Rescaling such a value would compute a huge
                // power of ten (an ArithmeticException or seconds of CPU), and this runs on unverified input too.
                return Instant.EPOCH;
            }
            BigDecimal seconds = d.setScale(0, RoundingMode.FLOOR);
            long nanos = d.subtract(seconds).movePointRight(9).setScale(0, RoundingMode.FLOOR).longValueExact();
            return Instant.ofEpochSecond(seconds.longValueExact(), nanos);
        }
        if (value instanceof BigInteger) {
            throw outOfRange(claim);
        }
        throw new JoseException(Reason.MALFORMED, "claim \"" + claim + "\" must be a NumericDate (a JSON number, RFC 7519 §2)");
    }

    /** The JSON value for an instant: whole seconds as a long, otherwise an exact decimal. */
    static Object toJson(Instant instant) {
        if (instant.getEpochSecond() < 0 || instant.getEpochSecond() > MAX_SECONDS) {
            throw new IllegalArgumentException("NumericDate out of range: " + instant);
        }
        if (instant.getNano() == 0) {
            return instant.getEpochSecond();
        }
        return BigDecimal.valueOf(instant.getEpochSecond()).add(BigDecimal.valueOf(instant.getNano(), 9))
                .stripTrailingZeros();
    }

    private static JoseException outOfRange(String claim) {
        return new JoseException(Reason.MALFORMED, "claim \"" + claim + "\" is not a NumericDate between 0 and year 9999");
    }
}
