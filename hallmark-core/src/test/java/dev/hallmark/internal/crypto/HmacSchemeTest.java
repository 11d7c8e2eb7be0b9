package dev.hallmark.internal.crypto;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Hallmark's HMAC (pre-hashed padded-key states, cloned per MAC) against the JDK's {@link Mac}: every key length
 * around the block size (where keys start being hashed), message lengths around block boundaries, keys changing
 * between calls on one thread, and several threads at once. Wycheproof's HMAC vectors run through the JWS layer.
 */
class HmacSchemeTest {

    @ParameterizedTest
    @ValueSource(strings = {"HmacSHA256", "HmacSHA384", "HmacSHA512"})
    void equalsTheJdkMacForKeyAndMessageLengthsAroundTheBlockSize(String name) throws Exception {
        HmacScheme scheme = new HmacScheme(name);
        Mac jdk = Mac.getInstance(name);
        Random random = new Random(7);
        int[] keyLengths = {1, 31, 32, 48, 63, 64, 65, 127, 128, 129, 200, 300};
        for (int keyLength : keyLengths) {
            byte[] secret = new byte[keyLength];
            random.nextBytes(secret);
            Key key = new SecretKeySpec(secret, name);
            jdk.init(key);
            for (int length = 0; length <= 300; length += 1 + length / 8) {
                byte[] data = new byte[length + 10];
                random.nextBytes(data);
                jdk.update(data, 5, length);
                byte[] expected = jdk.doFinal();
                assertThat(scheme.verify(key, data, 5, length, expected)).as("key %d, message %d", keyLength, length)
                        .isTrue();
                byte[] whole = java.util.Arrays.copyOfRange(data, 5, 5 + length);
                assertThat(scheme.sign(key, whole)).isEqualTo(expected);
            }
        }
    }

    @Test
    void rfc4231TestCase2() {
        // key "Jefe", data "what do ya want for nothing?" (RFC 4231 §4.3)
        Key key = new SecretKeySpec("Jefe".getBytes(StandardCharsets.US_ASCII), "HmacSHA256");
        byte[] tag = new HmacScheme("HmacSHA256").sign(key, "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII));
        assertThat(HexFormat.of().formatHex(tag))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void aKeyChangeOnOneThreadIsNeverServedTheOldKeysState() throws Exception {
        HmacScheme scheme = new HmacScheme("HmacSHA256");
        byte[] data = "header.payload".getBytes(StandardCharsets.US_ASCII);
        Key a = new SecretKeySpec(new byte[32], "HmacSHA256");
        byte[] other = new byte[32];
        other[31] = 1;
        Key b = new SecretKeySpec(other, "HmacSHA256");
        byte[] tagA = scheme.sign(a, data);
        byte[] tagB = scheme.sign(b, data);
        assertThat(tagA).isNotEqualTo(tagB);
        for (int i = 0; i < 5; i++) {
            assertThat(scheme.verify(a, data, 0, data.length, tagA)).isTrue();
            assertThat(scheme.verify(b, data, 0, data.length, tagA)).isFalse();
            assertThat(scheme.verify(b, data, 0, data.length, tagB)).isTrue();
        }
        Mac jdk = Mac.getInstance("HmacSHA256");
        jdk.init(b);
        assertThat(tagB).isEqualTo(jdk.doFinal(data));
    }

    @ParameterizedTest
    @ValueSource(strings = {"HmacSHA256", "HmacSHA384", "HmacSHA512"})
    void tagsReturnedEarlierSurviveLaterMacsOnTheSameThread(String name) throws Exception {
        // each thread computes its MACs in one reused buffer: a tag handed out must be the caller's own copy, and a
        // verification must not disturb it; two keys alternate (one longer than the block, so it is hashed first)
        HmacScheme scheme = new HmacScheme(name);
        Random random = new Random(11);
        byte[] shortSecret = new byte[32];
        byte[] longSecret = new byte[200];
        random.nextBytes(shortSecret);
        random.nextBytes(longSecret);
        Key[] keys = {new SecretKeySpec(shortSecret, name), new SecretKeySpec(longSecret, name)};
        List<byte[]> messages = new ArrayList<>();
        List<byte[]> tags = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            byte[] data = new byte[random.nextInt(200)];
            random.nextBytes(data);
            Key key = keys[i % 2];
            byte[] tag = scheme.sign(key, data);
            messages.add(data);
            tags.add(tag);
            // a failing and a passing verification in between, with the other key and with this one
            assertThat(scheme.verify(keys[(i + 1) % 2], data, 0, data.length, tag)).isFalse();
            assertThat(scheme.verify(key, data, 0, data.length, tag)).isTrue();
        }
        Mac jdk = Mac.getInstance(name);
        for (int i = 0; i < tags.size(); i++) {
            jdk.init(keys[i % 2]);
            assertThat(tags.get(i)).as("tag %d", i).isEqualTo(jdk.doFinal(messages.get(i)));
        }
    }

    @Test
    void threadsShareTheSchemeSafely() throws Exception {
        HmacScheme scheme = new HmacScheme("HmacSHA512");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int seed = t;
                results.add(pool.submit(() -> {
                    Random random = new Random(seed);
                    Mac jdk = Mac.getInstance("HmacSHA512");
                    for (int i = 0; i < 300; i++) {
                        byte[] secret = new byte[64];
                        random.nextBytes(secret);
                        Key key = new SecretKeySpec(secret, "HmacSHA512");
                        byte[] data = new byte[random.nextInt(400)];
                        random.nextBytes(data);
                        jdk.init(key);
                        if (!java.util.Arrays.equals(scheme.sign(key, data), jdk.doFinal(data))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> r : results) {
                assertThat(r.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void wrongLengthTagsAreFalseNotErrors() {
        HmacScheme scheme = new HmacScheme("HmacSHA256");
        Key key = new SecretKeySpec(new byte[32], "HmacSHA256");
        byte[] data = {1, 2, 3};
        byte[] tag = scheme.sign(key, data);
        assertThat(scheme.verify(key, data, 0, 3, java.util.Arrays.copyOf(tag, 16))).isFalse();
        assertThat(scheme.verify(key, data, 0, 3, new byte[0])).isFalse();
    }

    @Test
    void onlyRawSecretsAreKeys() {
        Key encodedOtherwise = new javax.crypto.SecretKey() {
            @Override
            public String getAlgorithm() {
                return "HmacSHA256";
            }

            @Override
            public String getFormat() {
                return "PKCS#8";
            }

            @Override
            public byte[] getEncoded() {
                return new byte[32];
            }
        };
        assertThatThrownBy(() -> new HmacScheme("HmacSHA256").sign(encodedOtherwise, new byte[1]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("raw secret");
    }

    @Test
    void unknownNamesAreRefused() {
        assertThatThrownBy(() -> new HmacScheme("HmacMD5")).isInstanceOf(IllegalArgumentException.class);
    }
}
