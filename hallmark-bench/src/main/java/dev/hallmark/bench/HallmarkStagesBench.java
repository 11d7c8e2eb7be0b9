package dev.hallmark.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import dev.hallmark.Limits;
import dev.hallmark.internal.codec.Base64Url;
import dev.hallmark.internal.crypto.HmacScheme;
import dev.hallmark.internal.crypto.SignatureScheme;
import dev.hallmark.internal.json.JsonOutput;
import dev.hallmark.internal.json.JsonWriter;
import dev.hallmark.internal.json.StrictJson;
import dev.hallmark.jwk.KeySource;
import dev.hallmark.jwk.OctJwk;
import dev.hallmark.jws.JwsHeader;
import dev.hallmark.jws.JwsSigner;
import dev.hallmark.jws.JwsVerifier;
import dev.hallmark.jws.UnverifiedJws;
import dev.hallmark.jwt.Claims;
import dev.hallmark.jwt.JwtVerifier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.util.Base64;

/**
 * Where Hallmark's HS256 time goes, stage by stage. For verifying: decoding without verifying, the JWS layer alone
 * and parsing the claims. For signing: writing the claims as JSON and the JWS of JSON bytes. Also measuring sticks
 * that are not Hallmark's path: the least work any verifier or signer must do, and jackson-core walking the claims.
 * Compare with {@code HallmarkBench} and {@code FloorBench}'s {@code verifyHS256} and {@code signHS256};
 * {@code HallmarkStagesBenchTest} checks that each stage does the work its name says.
 */
@State(Scope.Benchmark)
public class HallmarkStagesBench extends BenchDefaults {

    Fixtures f;
    JwsVerifier jws;
    JwtVerifier jwt;
    byte[] claimsJson;
    byte[] tokenBytes;
    int firstDot;
    int secondDot;
    byte[] signature;
    Key hmacKey;
    SignatureScheme hmac;
    JsonFactory jackson;
    byte[] headerSegment;
    Claims claims;
    JwsSigner jwsSigner;

    @Setup
    public void setup() {
        f = Fixtures.shared();
        jws = JwsVerifier.builder().keys(KeySource.of(f.hs256)).build();
        jwt = HallmarkBench.verifier(f.hs256);
        claimsJson = UnverifiedJws.decode(f.tokenHS256, Limits.DEFAULT).payload();
        tokenBytes = f.tokenHS256.getBytes(StandardCharsets.US_ASCII);
        firstDot = f.tokenHS256.indexOf('.');
        secondDot = f.tokenHS256.lastIndexOf('.');
        signature = Base64.getUrlDecoder().decode(f.tokenHS256.substring(secondDot + 1));
        hmacKey = ((OctJwk) f.hs256).toSecretKey();
        hmac = new HmacScheme("HmacSHA256");
        jackson = new JsonFactory();
        headerSegment = f.tokenHS256.substring(0, firstDot).getBytes(StandardCharsets.US_ASCII);
        Claims.Builder b = Claims.builder();
        f.claims.forEach(b::claim);
        claims = b.build();
        jwsSigner = JwsSigner.builder(f.hs256).header(JwsHeader.builder().type("JWT").build()).build();
    }

    /** The HMAC over the signing input and the tag comparison, as the verifier does it. */
    @Benchmark
    public boolean hmacHS256() {
        return hmac.verify(hmacKey, tokenBytes, 0, secondDot, signature);
    }

    /** Base64url decoding of the payload segment alone. */
    @Benchmark
    public Object decodePayload() {
        return Base64Url.decode(tokenBytes, firstDot + 1, secondDot - firstDot - 1, "p");
    }

    /** The JSON parse of the claims alone, without the registered-claim conversions. */
    @Benchmark
    public Object parseClaimsJson() {
        return StrictJson.parseObject(claimsJson, Limits.DEFAULT, "p");
    }

    /** The token's bulk conversion to bytes, as the verifier's split does it. */
    @Benchmark
    public Object tokenToBytes() {
        return f.tokenHS256.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Split, base64url, header JSON and payload decoding, no signature, no claims. */
    @Benchmark
    public Object decodeHS256() {
        return UnverifiedJws.decode(f.tokenHS256, Limits.DEFAULT);
    }

    /**
     * {@code HallmarkBench.verifyHS256} plus reading what a service typically reads after verifying: the subject,
     * scope, roles and token id. The verifier makes the claims' plain strings only when read, so this shows what
     * reading them costs on top.
     */
    @Benchmark
    public void verifyHS256ReadingFourClaims(Blackhole bh) {
        Claims claims = jwt.verify(f.tokenHS256).claims();
        bh.consume(claims.subject());
        bh.consume(claims.getString("scope"));
        bh.consume(claims.getStringList("roles"));
        bh.consume(claims.jwtId());
    }

    /** The whole JWS pipeline (through the signature), without claims parsing or checks. */
    @Benchmark
    public Object jwsVerifyHS256() {
        return jws.verify(f.tokenHS256);
    }

    /** Parsing and type-checking the claims JSON of the fixture token. */
    @Benchmark
    public Object parseClaims() {
        return Claims.parse(claimsJson, Limits.DEFAULT);
    }

    /** The claims JSON as bytes, to see the cost of one string conversion for scale. */
    @Benchmark
    public Object claimsToString() {
        return new String(claimsJson, StandardCharsets.UTF_8);
    }

    /** The retained parse a verifier makes of the claims (plain strings left in the payload), no conversions. */
    @Benchmark
    public Object parseClaimsRetained() {
        return StrictJson.parseRetained(claimsJson, Limits.DEFAULT, "p");
    }

    /**
     * A measuring stick, not a verifier: jackson-core's streaming parser walking the claims' tokens without making
     * a value, a map or a duplicate check. What the fastest general Java JSON reader spends on these 226 bytes
     * before doing any of the work a strict claims parse must do.
     */
    @Benchmark
    public int jacksonTokenizeClaims() throws IOException {
        int tokens = 0;
        try (JsonParser p = jackson.createParser(claimsJson)) {
            while (p.nextToken() != null) {
                tokens++;
            }
        }
        return tokens;
    }

    /**
     * A measuring stick, not a verifier, and unsafe as one: less than any HS256 verifier that reads the whole
     * payload can do. The token as bytes, the signature decoded, the HMAC compared, the payload decoded, then
     * {@code exp} found by searching the bytes for {@code "exp":} with no JSON parse, no validation, no header, no
     * other claim and no result object. Everything a real verifier adds costs more than this.
     */
    @Benchmark
    public boolean leastVerifierWithoutJson() {
        return leastVerifierWithoutJson(f.tokenHS256);
    }

    boolean leastVerifierWithoutJson(String token) {
        byte[] bytes = token.getBytes(StandardCharsets.ISO_8859_1);
        int dot1 = token.indexOf('.');
        int dot2 = token.indexOf('.', dot1 + 1);
        byte[] sig = Base64Url.decode(bytes, dot2 + 1, bytes.length - dot2 - 1, "s");
        if (!hmac.verify(hmacKey, bytes, 0, dot2, sig)) {
            return false;
        }
        byte[] payload = Base64Url.decode(bytes, dot1 + 1, dot2 - dot1 - 1, "p");
        long exp = numberAfter(payload, EXP);
        return exp > System.currentTimeMillis() / 1000;
    }

    /** Made once: {@code withoutPadding()} returns a new encoder on every call. */
    private static final Base64.Encoder URL_ENCODER = Base64.getUrlEncoder().withoutPadding();

    private static final byte[] EXP = "\"exp\":".getBytes(StandardCharsets.US_ASCII);

    /** The digits after the first occurrence of {@code key}, or -1. */
    private static long numberAfter(byte[] json, byte[] key) {
        outer:
        for (int i = 0; i + key.length <= json.length; i++) {
            for (int k = 0; k < key.length; k++) {
                if (json[i + k] != key[k]) {
                    continue outer;
                }
            }
            long v = 0;
            for (int d = i + key.length; d < json.length && json[d] >= '0' && json[d] <= '9'; d++) {
                v = v * 10 + (json[d] - '0');
            }
            return v;
        }
        return -1;
    }

    /**
     * A measuring stick for signing, not a signer: the least any HS256 signer does once its claims are JSON bytes
     * already (these are the fixture token's, made once). The header segment is made once too; per token only the
     * payload's base64url, the HMAC, the signature's base64url and the token string, with the JDK's encoder.
     */
    @Benchmark
    public String leastSignerFromJsonBytes() {
        Base64.Encoder b64 = URL_ENCODER;
        byte[] payload = b64.encode(claimsJson);
        byte[] input = new byte[headerSegment.length + 1 + payload.length];
        System.arraycopy(headerSegment, 0, input, 0, headerSegment.length);
        input[headerSegment.length] = '.';
        System.arraycopy(payload, 0, input, headerSegment.length + 1, payload.length);
        byte[] sig = b64.encode(hmac.sign(hmacKey, input));
        byte[] token = new byte[input.length + 1 + sig.length];
        System.arraycopy(input, 0, token, 0, input.length);
        token[input.length] = '.';
        System.arraycopy(sig, 0, token, input.length + 1, sig.length);
        return new String(token, StandardCharsets.ISO_8859_1);
    }

    /** The signer's first stage alone: the claims map written as JSON bytes (what {@code JwtSigner.sign} does). */
    @Benchmark
    public Object writeClaimsJson() {
        JsonOutput out = new JsonOutput(512);
        JsonWriter.startObject(out);
        JsonWriter.members(out, claims.asMap());
        JsonWriter.endObject(out);
        return out;
    }

    /** The signer's second stage alone: the JWS of claims that are JSON bytes already (compare the least signer). */
    @Benchmark
    public String jwsSignHS256FromJsonBytes() {
        return jwsSigner.sign(claimsJson);
    }
}
