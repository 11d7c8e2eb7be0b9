package dev.hallmark.jws;

import dev.hallmark.Limits;
import dev.hallmark.internal.codec.Base64Url;
import dev.hallmark.internal.json.StrictJson;

import java.util.Map;

/**
 * A compact JWS decoded without checking its signature, under the same size and parsing rules as verification.
 * Nothing in it can be trusted; there is no way to turn it into a {@link VerifiedJws}.
 *
 * <pre>{@code
 * UnverifiedJws peek = UnverifiedJws.decode(compact, Limits.DEFAULT);
 * String kid = peek.header().keyId().orElse("none");
 * }</pre>
 */
public final class UnverifiedJws {

    private final JwsHeader header;
    private final byte[] payload;

    private UnverifiedJws(JwsHeader header, byte[] payload) {
        this.header = header;
        this.payload = payload;
    }

    public static UnverifiedJws decode(String compact, Limits limits) {
        CompactParts parts = CompactParts.split(compact, limits);
        byte[] headerJson = Base64Url.decode(parts.bytes, 0, parts.firstDot, "JWS header");
        Base64Url.decode(parts.bytes, parts.secondDot + 1, parts.bytes.length - parts.secondDot - 1, "JWS signature");
        Map<String, Object> params = StrictJson.parseObject(headerJson, limits, "JWS header");
        JwsHeader header = JwsHeader.validated(params);
        int payloadLen = parts.secondDot - parts.firstDot - 1;
        byte[] payload = header.base64EncodedPayload()
                ? Base64Url.decode(parts.bytes, parts.firstDot + 1, payloadLen, "JWS payload")
                : java.util.Arrays.copyOfRange(parts.bytes, parts.firstDot + 1, parts.secondDot);
        return new UnverifiedJws(header, payload);
    }

    public JwsHeader header() {
        return header;
    }

    public byte[] payload() {
        return payload.clone();
    }

    @Override
    public String toString() {
        return "UnverifiedJws{header=" + header + ", payload=" + payload.length + " bytes}";
    }
}
