package dev.hallmark.server.issue;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link PasswordHasher}: Argon2id in PHC string format, checked against RFC 9106 and the Argon2 reference
 * implementation's vectors, with strict parsing, rehash detection and a dummy verification for unknown users.
 */
class PasswordHasherTest {

    /** Cheap parameters for tests that are about format and logic rather than cost. */
    private static final PasswordHasher CHEAP = new PasswordHasher(256, 1, 1);
    private static final PasswordHasher DEFAULT = new PasswordHasher();

    // --- known answers ---

    /**
     * RFC 9106 §5.3: Argon2id v0x13, m=32 KiB, t=3, p=4, 32-byte tag, password 32×0x01, salt 16×0x02, secret 8×0x03,
     * associated data 12×0x04. Bouncy Castle takes the secret and associated data, so the RFC's own vector applies
     * to the generator the hasher is built on.
     */
    @Test
    void rfc9106Section53Argon2idTagIsReproducedByBouncyCastle() {
        byte[] password = filled(32, 0x01);
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(32)
                .withIterations(3)
                .withParallelism(4)
                .withSalt(filled(16, 0x02))
                .withSecret(filled(8, 0x03))
                .withAdditional(filled(12, 0x04))
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] tag = new byte[32];
        generator.generateBytes(password, tag);

        assertThat(HexFormat.of().formatHex(tag))
                .isEqualTo("0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659");
    }

    /**
     * Argon2id v=19 vectors from the reference implementation's test suite (phc-winner-argon2, src/test.c): password
     * "password" or "differentpassword", salt "somesalt" or "diffsalt", no secret or associated data (the form the
     * hasher uses). The 256 MiB and 1 GiB vectors are left out to keep the suite fast.
     */
    @ParameterizedTest(name = "m={1} t={2} p={3} {0}/{4}")
    @CsvSource(delimiter = '|', value = {
        "password | 65536 | 2 | 1 | somesalt | 09316115d5cf24ed5a15a31a3ba326e5cf32edc24702987c02b6566f61913cf7 | "
                + "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
        "password | 256 | 2 | 1 | somesalt | 9dfeb910e80bad0311fee20f9c0e2b12c17987b4cac90c2ef54d5b3021c68bfe | "
                + "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
        "password | 256 | 2 | 2 | somesalt | 6d093c501fd5999645e0ea3bf620d7b8be7fd2db59c20d9fff9539da2bf57037 | "
                + "$argon2id$v=19$m=256,t=2,p=2$c29tZXNhbHQ$bQk8UB/VmZZF4Oo79iDXuL5/0ttZwg2f/5U52iv1cDc",
        "password | 65536 | 1 | 1 | somesalt | f6a5adc1ba723dddef9b5ac1d464e180fcd9dffc9d1cbf76cca2fed795d9ca98 | "
                + "$argon2id$v=19$m=65536,t=1,p=1$c29tZXNhbHQ$9qWtwbpyPd3vm1rB1GThgPzZ3/ydHL92zKL+15XZypg",
        "password | 65536 | 4 | 1 | somesalt | 9025d48e68ef7395cca9079da4c4ec3affb3c8911fe4f86d1a2520856f63172c | "
                + "$argon2id$v=19$m=65536,t=4,p=1$c29tZXNhbHQ$kCXUjmjvc5XMqQedpMTsOv+zyJEf5PhtGiUghW9jFyw",
        "differentpassword | 65536 | 2 | 1 | somesalt | "
                + "0b84d652cf6b0c4beaef0dfe278ba6a80df6696281d7e0d2891b817d8c458fde | "
                + "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$C4TWUs9rDEvq7w3+J4umqA32aWKB1+DSiRuBfYxFj94",
        "password | 65536 | 2 | 1 | diffsalt | bdf32b05ccc42eb15d58fd19b1f856b113da1e9a5874fdcc544308565aa8141c | "
                + "$argon2id$v=19$m=65536,t=2,p=1$ZGlmZnNhbHQ$vfMrBczELrFdWP0ZsfhWsRPaHppYdP3MVEMIVlqoFBw"
    })
    void referenceImplementationVectors(String password, int memory, int iterations, int parallelism, String salt,
                                        String tagHex, String phc) {
        PasswordHasher hasher = new PasswordHasher(memory, iterations, parallelism);

        // hashing with the vector's salt gives exactly the reference encoding ...
        assertThat(hasher.hash(password.toCharArray(), salt.getBytes(UTF_8))).isEqualTo(phc);
        // ... whose hash part is the reference tag ...
        String hashPart = phc.substring(phc.lastIndexOf('$') + 1);
        assertThat(HexFormat.of().formatHex(Base64.getDecoder().decode(hashPart))).isEqualTo(tagHex);
        // ... and the reference string verifies, with any hasher: parameters come from the string.
        assertThat(CHEAP.verify(password.toCharArray(), phc)).isTrue();
    }

    // --- hashing ---

    @Test
    void defaultHashHasOwaspParametersAndPhcShape() {
        String phc = DEFAULT.hash("correct horse battery staple".toCharArray());

        assertThat(phc).matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        String[] parts = phc.split("\\$");
        assertThat(Base64.getDecoder().decode(parts[4])).hasSize(16);
        assertThat(Base64.getDecoder().decode(parts[5])).hasSize(32);
        assertThat(DEFAULT.verify("correct horse battery staple".toCharArray(), phc)).isTrue();
        assertThat(DEFAULT.needsRehash(phc)).isFalse();
    }

    @Test
    void sameParametersAreReportedAsTheOwaspMinimum() {
        assertThat(PasswordHasher.DEFAULT_MEMORY_KIB).isEqualTo(19456);
        assertThat(PasswordHasher.DEFAULT_ITERATIONS).isEqualTo(2);
        assertThat(PasswordHasher.DEFAULT_PARALLELISM).isEqualTo(1);
        assertThat(DEFAULT.toString()).isEqualTo("PasswordHasher[argon2id m=19456,t=2,p=1]");
    }

    @Test
    void everyHashHasItsOwnSalt() {
        String a = CHEAP.hash("same".toCharArray());
        String b = CHEAP.hash("same".toCharArray());
        assertThat(a).isNotEqualTo(b);
        assertThat(a.split("\\$")[4]).isNotEqualTo(b.split("\\$")[4]);
        assertThat(CHEAP.verify("same".toCharArray(), a)).isTrue();
        assertThat(CHEAP.verify("same".toCharArray(), b)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "a", "pässwörd", "пароль", "密码", "🔐 emoji 🔑", "tab\tand\nnewline",
        "a very long password that goes on and on well past any block size of the underlying hash function at all"})
    void roundTripsAnyText(String password) {
        String phc = CHEAP.hash(password.toCharArray());
        assertThat(CHEAP.verify(password.toCharArray(), phc)).isTrue();
        assertThat(CHEAP.verify((password + " ").toCharArray(), phc)).isFalse();
    }

    @Test
    void wrongPasswordsFail() {
        String phc = CHEAP.hash("Secret1".toCharArray());
        for (String attempt : List.of("secret1", "Secret", "Secret1 ", " Secret1", "Secret2", "")) {
            assertThat(CHEAP.verify(attempt.toCharArray(), phc)).as(attempt).isFalse();
        }
    }

    @Test
    void passwordsAreUtf8WithoutNormalization() {
        String composed = "caf\u00e9";     // é as one code point
        String decomposed = "cafe\u0301";  // e + combining acute
        String phc = CHEAP.hash(composed.toCharArray());
        assertThat(CHEAP.verify(composed.toCharArray(), phc)).isTrue();
        assertThat(CHEAP.verify(decomposed.toCharArray(), phc)).isFalse();
        // the bytes hashed are UTF-8: same result as hashing the UTF-8 encoding with the reference salt
        PasswordHasher reference = new PasswordHasher(256, 2, 1);
        String viaHasher = reference.hash(composed.toCharArray(), "somesalt".getBytes(UTF_8));
        byte[] tag = new byte[32];
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13).withMemoryAsKB(256).withIterations(2)
                .withParallelism(1).withSalt("somesalt".getBytes(UTF_8)).build());
        generator.generateBytes(composed.getBytes(UTF_8), tag);
        assertThat(viaHasher).endsWith("$" + Base64.getEncoder().withoutPadding().encodeToString(tag));
    }

    @Test
    void loneSurrogateCannotBeHashedAndNeverVerifies() {
        char[] broken = {'a', '\ud800', 'b'};
        assertThatThrownBy(() -> CHEAP.hash(broken))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("surrogate");
        String phc = CHEAP.hash("a?b".toCharArray());
        assertThat(CHEAP.verify(broken, phc)).isFalse();
        assertThatCode(() -> CHEAP.verifyDummy(broken)).doesNotThrowAnyException();
    }

    @Test
    void callerArraysAreNotModified() {
        char[] password = "keep me".toCharArray();
        String phc = CHEAP.hash(password);
        assertThat(password).containsExactly("keep me".toCharArray());
        CHEAP.verify(password, phc);
        CHEAP.verifyDummy(password);
        assertThat(password).containsExactly("keep me".toCharArray());
    }

    // --- strict parsing ---

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "password",
        "$argon2id$",
        // another Argon2 type, or version 1.0
        "$argon2i$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
        "$argon2d$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
        "$argon2id$v=16$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
        // version missing, parameters reordered, leading zeros, extra parameter, spaces
        "$argon2id$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
        "$argon2id$v=19$t=2,m=256,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
        "$argon2id$v=19$m=0256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
        "$argon2id$v=19$m=256,t=2,p=1,keyid=x$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
        " $argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
        "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4 ",
        // parameters out of bounds: zero, below 8 KiB per lane, huge (must not allocate), overflow
        "$argon2id$v=19$m=256,t=0,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
        "$argon2id$v=19$m=256,t=2,p=0$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
        "$argon2id$v=19$m=7,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
        "$argon2id$v=19$m=256,t=2,p=64$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
        "$argon2id$v=19$m=4294967295,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
        "$argon2id$v=19$m=9999999999,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
        "$argon2id$v=19$m=256,t=1000000,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
        "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4$extra",
        // base64: padding, url alphabet, non-canonical last character, empty, too short salt or hash
        "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ=$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
        "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR_uIPnA4rEsF5h7TKyQwu9U1bMCHGi_4",
        "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHR$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
        "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/5",
        "$argon2id$v=19$m=256,t=2,p=1$$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
        "$argon2id$v=19$m=256,t=2,p=1$c29tZQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
        "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR",
        "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$n"
    })
    @Timeout(5)
    void malformedOrUnsupportedStringsAreFalseNotExceptions(String phc) {
        assertThat(CHEAP.verify("password".toCharArray(), phc)).isFalse();
        assertThat(CHEAP.needsRehash(phc)).isTrue();
    }

    @Test
    void theWellFormedBaselineOfTheMalformedCasesVerifies() {
        // guards the list above: each case differs from this valid string in one respect only
        assertThat(CHEAP.verify("password".toCharArray(),
                "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4")).isTrue();
    }

    @Test
    void nullsAreIllegalArguments() {
        String phc = CHEAP.hash("x".toCharArray());
        assertThatThrownBy(() -> CHEAP.verify(null, phc)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CHEAP.verify("x".toCharArray(), null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CHEAP.hash(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CHEAP.needsRehash(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CHEAP.verifyDummy(null)).isInstanceOf(IllegalArgumentException.class);
    }

    // --- rehash ---

    @ParameterizedTest(name = "stored m={0} t={1} p={2}: {3}")
    @CsvSource({
        "19456, 2, 1, false",
        "65536, 3, 2, false",
        "19455, 2, 1, true",
        "12288, 3, 1, true",
        "19456, 1, 1, true",
        "65536, 1, 1, true"
    })
    void needsRehashWhenAnyParameterIsBelowTheCurrentOnes(int memory, int iterations, int parallelism,
                                                          boolean expected) {
        String phc = "$argon2id$v=19$m=" + memory + ",t=" + iterations + ",p=" + parallelism
                + "$c29tZXNhbHRzb21lc2FsdA$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";
        assertThat(DEFAULT.needsRehash(phc)).isEqualTo(expected);
    }

    @Test
    void needsRehashWhenParallelismIsBelowAHasherThatUsesMoreLanes() {
        PasswordHasher twoLanes = new PasswordHasher(19456, 2, 2);
        assertThat(twoLanes.needsRehash(DEFAULT.hash("x".toCharArray()))).isTrue();
        assertThat(DEFAULT.needsRehash(twoLanes.hash("x".toCharArray()))).isFalse();
    }

    @Test
    void needsRehashWhenSaltOrHashIsShorterThanNow() {
        // the reference vectors use an 8-byte salt: valid, verifiable, but below the 16 bytes used now
        String shortSalt = "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";
        assertThat(DEFAULT.needsRehash(shortSalt)).isTrue();
        String shortHash = "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$CTFhFdXPJO1aFaMaO6Mm5Q";
        assertThat(DEFAULT.needsRehash(shortHash)).isTrue();
    }

    @Test
    void upgradeFlowReplacesAWeakHash() {
        PasswordHasher old = new PasswordHasher(1024, 1, 1);
        String weak = old.hash("hunter2".toCharArray());
        assertThat(DEFAULT.verify("hunter2".toCharArray(), weak)).isTrue();   // old hashes still verify
        assertThat(DEFAULT.needsRehash(weak)).isTrue();
        String strong = DEFAULT.hash("hunter2".toCharArray());
        assertThat(DEFAULT.needsRehash(strong)).isFalse();
        assertThat(old.needsRehash(strong)).isFalse();
    }

    // --- parameters ---

    @ParameterizedTest(name = "m={0} t={1} p={2}")
    @CsvSource({"7, 1, 1", "15, 1, 2", "1048577, 1, 1", "256, 0, 1", "256, 65, 1", "256, 1, 0", "1024, 1, 65",
        "-1, 1, 1"})
    void outOfRangeParametersAreRefused(int memory, int iterations, int parallelism) {
        assertThatThrownBy(() -> new PasswordHasher(memory, iterations, parallelism))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void boundaryParametersAreAccepted() {
        assertThat(new PasswordHasher(8, 1, 1).hash("x".toCharArray())).startsWith("$argon2id$v=19$m=8,t=1,p=1$");
        assertThat(new PasswordHasher(16, 1, 2).hash("x".toCharArray())).startsWith("$argon2id$v=19$m=16,t=1,p=2$");
    }

    // --- unknown users ---

    @Test
    void dummyVerificationCostsAsMuchAsAWrongPassword() {
        String phc = DEFAULT.hash("the real password".toCharArray());
        char[] wrong = "a wrong guess".toCharArray();
        // warm up both paths
        for (int i = 0; i < 2; i++) {
            DEFAULT.verify(wrong, phc);
            DEFAULT.verifyDummy(wrong);
        }
        int rounds = 7;
        long[] real = new long[rounds];
        long[] dummy = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            // interleaved, so load on the machine affects both alike
            long t0 = System.nanoTime();
            DEFAULT.verify(wrong, phc);
            long t1 = System.nanoTime();
            DEFAULT.verifyDummy(wrong);
            long t2 = System.nanoTime();
            real[i] = t1 - t0;
            dummy[i] = t2 - t1;
        }
        double ratio = (double) median(dummy) / median(real);
        assertThat(ratio).as("dummy/real median time").isBetween(0.5, 2.0);
        // and it is a real Argon2 computation, not a no-op
        assertThat(Duration.ofNanos(median(dummy))).isGreaterThan(Duration.ofMillis(2));
    }

    @Test
    void hasherIsSafeToShareBetweenThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String password = "password-" + i;
                results.add(pool.submit(() -> {
                    String phc = CHEAP.hash(password.toCharArray());
                    return CHEAP.verify(password.toCharArray(), phc)
                            && !CHEAP.verify((password + "!").toCharArray(), phc);
                }));
            }
            for (Future<Boolean> r : results) {
                assertThat(r.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static byte[] filled(int length, int value) {
        byte[] b = new byte[length];
        Arrays.fill(b, (byte) value);
        return b;
    }
}
