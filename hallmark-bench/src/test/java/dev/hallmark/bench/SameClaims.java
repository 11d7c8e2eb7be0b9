package dev.hallmark.bench;

import com.auth0.jwt.interfaces.Claim;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compares the claims each library returns with the claims signed, across the libraries' own representations: dates
 * as {@link Date} or {@link Instant}, integers as Integer or Long, a single audience as a one-element list or set,
 * java-jwt's {@link Claim} wrappers.
 */
final class SameClaims {

    private SameClaims() {
    }

    static void assertSame(Map<?, ?> actual, Map<String, Object> expected) {
        assertThat(normalize(actual)).isEqualTo(normalize(expected));
    }

    static void assertSameAuth0(Map<String, Claim> actual, Map<String, Object> expected) {
        Map<String, Object> plain = new LinkedHashMap<>();
        actual.forEach((k, v) -> plain.put(k, v.as(Object.class)));
        assertSame(plain, expected);
    }

    static Object normalize(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new java.util.TreeMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), k.equals("aud") ? audience(x) : normalize(x)));
            return out;
        }
        if (v instanceof Collection<?> c) {
            List<Object> out = new ArrayList<>();
            c.forEach(x -> out.add(normalize(x)));
            return out;
        }
        if (v instanceof Date d) {
            return d.getTime() / 1000;
        }
        if (v instanceof Instant i) {
            return i.getEpochSecond();
        }
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        return v;
    }

    private static Object audience(Object aud) {
        if (aud instanceof Collection<?> c && c.size() == 1) {
            return c.iterator().next();
        }
        return normalize(aud);
    }

    /** The same token with its subject changed and the old signature kept. */
    static String forgeSubject(String token) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace(Fixtures.SUBJECT, "user-9999");
        assertThat(payload).contains("user-9999");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }
}
