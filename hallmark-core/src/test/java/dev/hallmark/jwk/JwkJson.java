package dev.hallmark.jwk;

import dev.hallmark.JoseException;
import dev.hallmark.Limits;
import dev.hallmark.Reason;
import dev.hallmark.internal.json.JsonWriter;
import dev.hallmark.internal.json.StrictJson;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** JWK JSON as an editable map, and the assertions the JWK tests share. */
final class JwkJson {

    private JwkJson() {
    }

    /** The members of the key's private JSON, editable. */
    static Map<String, Object> members(Jwk key) {
        return new LinkedHashMap<>(StrictJson.parseObject(key.toPrivateJson(), Limits.DEFAULT, "test"));
    }

    static String json(Map<String, ?> members) {
        return JsonWriter.writeString(members);
    }

    static String b64(byte[] b) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static byte[] bytes(Object b64) {
        return Base64.getUrlDecoder().decode((String) b64);
    }

    static BigInteger uint(Object b64) {
        return new BigInteger(1, bytes(b64));
    }

    /** Base64urlUInt: minimal big-endian octets. */
    static String uint(BigInteger v) {
        byte[] b = v.toByteArray();
        return b64(b[0] == 0 && b.length > 1 ? Arrays.copyOfRange(b, 1, b.length) : b);
    }

    /** Big-endian octets left-padded to {@code size}. */
    static String fixed(BigInteger v, int size) {
        byte[] b = v.toByteArray();
        if (b[0] == 0 && b.length > 1) {
            b = Arrays.copyOfRange(b, 1, b.length);
        }
        byte[] out = new byte[size];
        System.arraycopy(b, 0, out, size - b.length, b.length);
        return b64(out);
    }

    /** Jwk.parse must refuse the JSON with this reason and a message containing {@code fragment}. */
    static JoseException assertRefused(String json, Reason reason, String fragment) {
        Throwable t = catchThrowable(() -> Jwk.parse(json));
        assertThat(t).as("Jwk.parse(%s)", json.length() > 200 ? json.substring(0, 200) + "..." : json)
                .isInstanceOf(JoseException.class);
        JoseException e = (JoseException) t;
        assertThat(e.reason()).as(e.getMessage()).isEqualTo(reason);
        assertThat(e.getMessage()).contains(fragment);
        return e;
    }

    static JoseException assertRefused(Map<String, ?> members, Reason reason, String fragment) {
        return assertRefused(json(members), reason, fragment);
    }
}
