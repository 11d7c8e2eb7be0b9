package dev.hallmark.jws;

import dev.hallmark.JoseException;
import dev.hallmark.Reason;
import dev.hallmark.jwk.Jwk;
import dev.hallmark.jwk.KeyGenerator;
import dev.hallmark.jwk.KeySource;
import dev.hallmark.jwt.TokenForge;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A verifier remembers headers it accepted by their exact bytes; these tests hold it to giving the result a fresh
 * parse gives: a refused header stays refused, a header one byte away is parsed afresh, and many threads sharing a
 * verifier across more headers than it keeps all get the right answers.
 */
class HeaderCacheTest {

    private static final byte[] PAYLOAD = "{\"sub\":\"alice\"}".getBytes(StandardCharsets.UTF_8);

    private static Jwk hmacKey(String kid) {
        return KeyGenerator.forAlgorithm("HS256").keyId(kid).generate();
    }

    @Test
    void aRefusedHeaderIsRefusedEveryTime() {
        Jwk key = hmacKey("k1");
        JwsVerifier verifier = JwsVerifier.builder().key(key).build();
        String header = "{\"alg\":\"HS256\",\"kid\":\"k1\",\"crit\":[\"exp\"],\"exp\":1}";
        String token = TokenForge.sign(key, "HS256", header, "{}");
        for (int n = 0; n < 3; n++) {
            assertThat(catchThrowableOfType(JoseException.class, () -> verifier.verify(token)).reason())
                    .isEqualTo(Reason.UNSUPPORTED_CRITICAL);
        }
    }

    @Test
    void aHeaderOneByteAwayFromACachedOneIsParsedAfresh() {
        Jwk key = hmacKey("k1");
        JwsVerifier verifier = JwsVerifier.builder().key(key).build();
        String good = TokenForge.sign(key, "HS256", "{\"alg\":\"HS256\",\"kid\":\"k1\"}", "{}");
        assertThat(verifier.verify(good).header().keyId()).contains("k1");
        assertThat(verifier.verify(good).header().keyId()).contains("k1");
        // same length, one character changed: the kid no longer names a trusted key
        String otherKid = TokenForge.sign(key, "HS256", "{\"alg\":\"HS256\",\"kid\":\"k2\"}", "{}");
        assertThat(catchThrowableOfType(JoseException.class, () -> verifier.verify(otherKid)).reason())
                .isEqualTo(Reason.KEY_NOT_FOUND);
        // and a header the parser refuses, of the same length as the cached one
        String broken = TokenForge.sign(key, "HS256", "{\"alg\":\"HS256\",\"kid\":\"k1\"]", "{}");
        assertThat(catchThrowableOfType(JoseException.class, () -> verifier.verify(broken)).reason())
                .isEqualTo(Reason.MALFORMED);
        assertThat(verifier.verify(good).payload()).isEqualTo("{}".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aCachedHeaderStillNeedsItsOwnSignature() {
        Jwk key = hmacKey("k1");
        JwsVerifier verifier = JwsVerifier.builder().key(key).build();
        String good = TokenForge.sign(key, "HS256", "{\"alg\":\"HS256\",\"kid\":\"k1\"}", "{\"n\":1}");
        verifier.verify(good);
        String forged = good.substring(0, good.indexOf('.')) + "." + TokenForge.b64("{\"n\":2}")
                + good.substring(good.lastIndexOf('.'));
        assertThat(catchThrowableOfType(JoseException.class, () -> verifier.verify(forged)).reason())
                .isEqualTo(Reason.BAD_SIGNATURE);
    }

    @Test
    void manyThreadsAcrossMoreHeadersThanTheCacheHoldsAllGetTheRightAnswer() throws Exception {
        List<Jwk> keys = new ArrayList<>();
        for (int k = 0; k < 40; k++) {
            keys.add(hmacKey("key-" + k));
        }
        JwsVerifier verifier = JwsVerifier.builder().keys(KeySource.of(keys.toArray(Jwk[]::new))).build();
        List<String> tokens = new ArrayList<>();
        for (Jwk key : keys) {
            tokens.add(JwsSigner.builder(key).build().sign(PAYLOAD));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int offset = t;
                runs.add(pool.submit(() -> {
                    for (int n = 0; n < 2_000; n++) {
                        int k = (n * 7 + offset) % tokens.size();
                        VerifiedJws v = verifier.verify(tokens.get(k));
                        assertThat(v.header().keyId()).contains("key-" + k);
                        assertThat(v.payload()).isEqualTo(PAYLOAD);
                    }
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
