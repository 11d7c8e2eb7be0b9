package dev.hallmark.server.keys;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link MasterKey}: AES-256-GCM sealing with associated data, keys from configuration or from a 0600 key file.
 */
class MasterKeyTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    Path dir;

    private static String randomEncodedKey(int bytes) {
        byte[] key = new byte[bytes];
        RANDOM.nextBytes(key);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key);
    }

    private static MasterKey randomKey() {
        return MasterKey.fromBase64Url(randomEncodedKey(32));
    }

    @BeforeEach
    void posixOnly() {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
                "key file tests need POSIX permissions");
    }

    // --- sealing ---

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {0, 1, 15, 16, 17, 32, 1000, 65536})
    void roundTripOfEverySize(int size) throws Exception {
        MasterKey key = randomKey();
        byte[] plaintext = new byte[size];
        RANDOM.nextBytes(plaintext);

        String sealed = key.encrypt(plaintext, "signing-key:abc");

        assertThat(sealed).startsWith("v1.").matches("v1\\.[A-Za-z0-9_-]+");
        byte[] raw = Base64.getUrlDecoder().decode(sealed.substring(3));
        assertThat(raw).hasSize(12 + size + 16);
        assertThat(key.decrypt(sealed, "signing-key:abc")).isEqualTo(plaintext);
    }

    @Test
    void everySealUsesAFreshNonce() throws Exception {
        MasterKey key = randomKey();
        byte[] plaintext = "same".getBytes(UTF_8);
        String a = key.encrypt(plaintext, "x");
        String b = key.encrypt(plaintext, "x");
        assertThat(a).isNotEqualTo(b);
        assertThat(Arrays.copyOf(Base64.getUrlDecoder().decode(a.substring(3)), 12))
                .isNotEqualTo(Arrays.copyOf(Base64.getUrlDecoder().decode(b.substring(3)), 12));
        assertThat(key.decrypt(a, "x")).isEqualTo(plaintext);
        assertThat(key.decrypt(b, "x")).isEqualTo(plaintext);
    }

    @Test
    void flippingAnyBitOfNonceCiphertextOrTagIsDetected() throws Exception {
        MasterKey key = randomKey();
        String sealed = key.encrypt("a private JWK, say".getBytes(UTF_8), "signing-key:k1");
        byte[] raw = Base64.getUrlDecoder().decode(sealed.substring(3));
        int checked = 0;
        for (int i = 0; i < raw.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] tampered = raw.clone();
                tampered[i] ^= (byte) (1 << bit);
                String forged = "v1." + Base64.getUrlEncoder().withoutPadding().encodeToString(tampered);
                assertThatThrownBy(() -> key.decrypt(forged, "signing-key:k1"))
                        .as("byte %d bit %d", i, bit)
                        .isInstanceOf(SealedDataException.class)
                        .hasMessageContaining("failed authentication");
                checked++;
            }
        }
        assertThat(checked).isEqualTo(raw.length * 8);
    }

    @Test
    void changingAnyCharacterOfTheSealedStringIsDetected() throws Exception {
        MasterKey key = randomKey();
        String sealed = key.encrypt("payload".getBytes(UTF_8), "aad");
        for (int i = 0; i < sealed.length(); i++) {
            char replacement = sealed.charAt(i) == 'A' ? 'B' : 'A';
            String forged = sealed.substring(0, i) + replacement + sealed.substring(i + 1);
            assertThatThrownBy(() -> key.decrypt(forged, "aad")).as("character %d", i)
                    .isInstanceOf(SealedDataException.class);
        }
    }

    @Test
    void truncatedOrExtendedValuesAreRejected() throws Exception {
        MasterKey key = randomKey();
        String sealed = key.encrypt("payload".getBytes(UTF_8), "aad");
        byte[] raw = Base64.getUrlDecoder().decode(sealed.substring(3));
        for (int length = 0; length < raw.length; length++) {
            String shorter = "v1." + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(Arrays.copyOf(raw, length));
            assertThatThrownBy(() -> key.decrypt(shorter, "aad")).as("length %d", length)
                    .isInstanceOf(SealedDataException.class);
        }
        String longer = "v1." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Arrays.copyOf(raw, raw.length + 1));
        assertThatThrownBy(() -> key.decrypt(longer, "aad")).isInstanceOf(SealedDataException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "v1.", "v2.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "V1.AAAA", "v1.AAAA=",
        "v1.AA+A", "v1.AA/A", "v1.A", "v1. AAAA", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "v1.AAAAAAAAAAAAAAAAAAAAAAAB"})
    void malformedValuesAreRejected(String sealed) {
        MasterKey key = randomKey();
        assertThatThrownBy(() -> key.decrypt(sealed, "aad"))
                .isInstanceOf(SealedDataException.class)
                .hasMessageStartingWith("sealed value is malformed");
    }

    @Test
    void associatedDataMustMatch() throws Exception {
        MasterKey key = randomKey();
        String sealed = key.encrypt("payload".getBytes(UTF_8), "signing-key:k1");
        for (String other : List.of("signing-key:k2", "signing-key:k1 ", "", "SIGNING-KEY:k1")) {
            assertThatThrownBy(() -> key.decrypt(sealed, other)).as(other).isInstanceOf(SealedDataException.class);
        }
        String emptyAad = key.encrypt("payload".getBytes(UTF_8), "");
        assertThat(key.decrypt(emptyAad, "")).isEqualTo("payload".getBytes(UTF_8));
        assertThatThrownBy(() -> key.decrypt(emptyAad, "x")).isInstanceOf(SealedDataException.class);
    }

    @Test
    void anotherKeyCannotOpen() throws Exception {
        String sealed = randomKey().encrypt("payload".getBytes(UTF_8), "aad");
        assertThatThrownBy(() -> randomKey().decrypt(sealed, "aad"))
                .isInstanceOf(SealedDataException.class)
                .hasMessageContaining("wrong master key");
    }

    @Test
    void sameKeyFromItsEncodingOpensWhatItSealed() throws Exception {
        String encoded = randomEncodedKey(32);
        String sealed = MasterKey.fromBase64Url(encoded).encrypt("payload".getBytes(UTF_8), "aad");
        assertThat(MasterKey.fromBase64Url(encoded).decrypt(sealed, "aad")).isEqualTo("payload".getBytes(UTF_8));
    }

    @Test
    void nullsAreCallerMistakes() {
        MasterKey key = randomKey();
        assertThatThrownBy(() -> key.encrypt(null, "a")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> key.encrypt(new byte[1], null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> key.decrypt(null, "a")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> key.decrypt("v1.AAAA", null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void toStringNeverShowsTheKey() {
        String encoded = randomEncodedKey(32);
        MasterKey key = MasterKey.fromBase64Url(encoded);
        assertThat(key.toString()).doesNotContain(encoded).contains("redacted");
    }

    // --- keys from configuration ---

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {0, 1, 16, 24, 31, 33, 64})
    void encodedKeyMustBeExactly32Bytes(int bytes) {
        String encoded = randomEncodedKey(bytes);
        assertThatThrownBy(() -> MasterKey.fromBase64Url(encoded))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32")
                .satisfies(e -> {
                    if (!encoded.isEmpty()) {
                        assertThat(e.getMessage()).doesNotContain(encoded);
                    }
                });
    }

    @Test
    void standardBase64IsRefusedWithAClearReason() {
        byte[] key = new byte[32];
        key[0] = (byte) 0xfb; // encodes with '+' or '/' in standard base64
        key[1] = (byte) 0xff;
        String standard = Base64.getEncoder().withoutPadding().encodeToString(key);
        assertThat(standard).containsAnyOf("+", "/");
        assertThatThrownBy(() -> MasterKey.fromBase64Url(standard))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("base64url")
                .hasMessageNotContaining(standard);
    }

    @Test
    void paddingIsRefused() {
        String padded = Base64.getUrlEncoder().encodeToString(new byte[32]);
        assertThat(padded).endsWith("=");
        assertThatThrownBy(() -> MasterKey.fromBase64Url(padded))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("padding");
    }

    @Test
    void nonCanonicalLastCharacterIsRefused() {
        String canonical = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[32]);
        assertThat(canonical).endsWith("A");
        // 43 characters carry 258 bits; the last two must be zero. 'B' sets one of them.
        String stray = canonical.substring(0, 42) + "B";
        assertThatThrownBy(() -> MasterKey.fromBase64Url(stray)).isInstanceOf(IllegalArgumentException.class);
        assertThat(MasterKey.fromBase64Url(canonical)).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"not a key", "AAAA AAAA", "ÄÖÜ", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n"})
    void garbageIsRefused(String encoded) {
        assertThatThrownBy(() -> MasterKey.fromBase64Url(encoded)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void configuredKeyWinsAndNoFileIsCreated() throws Exception {
        String encoded = randomEncodedKey(32);
        Path data = dir.resolve("data");
        MasterKey key = MasterKey.load(Optional.of(encoded), data);
        String sealed = key.encrypt(new byte[] {1, 2, 3}, "a");
        assertThat(MasterKey.fromBase64Url(encoded).decrypt(sealed, "a")).containsExactly(1, 2, 3);
        assertThat(data).doesNotExist();
    }

    // --- key file ---

    @Test
    void keyFileIsCreatedOnFirstUseWithOwnerOnlyPermissions() throws Exception {
        Path data = dir.resolve("fresh").resolve("data");
        MasterKey key = MasterKey.load(Optional.empty(), data);

        Path file = data.resolve(MasterKey.KEY_FILE_NAME);
        assertThat(file).isRegularFile();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
        String content = Files.readString(file, UTF_8);
        assertThat(content).matches("[A-Za-z0-9_-]{43}\n");
        assertThat(Base64.getUrlDecoder().decode(content.strip())).hasSize(32);
        // no temporary file left behind
        try (var files = Files.list(data)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(MasterKey.KEY_FILE_NAME);
        }
        // the file holds the key: the same text as configuration opens what the file key sealed
        String sealed = key.encrypt("x".getBytes(UTF_8), "a");
        assertThat(MasterKey.fromBase64Url(content.strip()).decrypt(sealed, "a")).isEqualTo("x".getBytes(UTF_8));
    }

    @Test
    void existingKeyFileIsReusedNotReplaced() throws Exception {
        MasterKey first = MasterKey.load(Optional.empty(), dir);
        String before = Files.readString(dir.resolve(MasterKey.KEY_FILE_NAME));
        MasterKey second = MasterKey.load(Optional.empty(), dir);
        assertThat(Files.readString(dir.resolve(MasterKey.KEY_FILE_NAME))).isEqualTo(before);
        String sealed = first.encrypt("x".getBytes(UTF_8), "a");
        assertThat(second.decrypt(sealed, "a")).isEqualTo("x".getBytes(UTF_8));
    }

    @Test
    void keyFileWrittenByAnOperatorIsRead() throws Exception {
        String encoded = randomEncodedKey(32);
        Path file = dir.resolve("operator.key");
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, "  " + encoded + "\r\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--------"));
        String sealed = MasterKey.fromKeyFile(file).encrypt("x".getBytes(UTF_8), "a");
        assertThat(MasterKey.fromBase64Url(encoded).decrypt(sealed, "a")).isEqualTo("x".getBytes(UTF_8));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"rw-r--r--", "rw-r-----", "rw----r--", "rw-rw----", "rw-----w-", "rw------x", "rwx---r-x"})
    void keyFileAccessibleByOthersIsRefused(String permissions) throws Exception {
        MasterKey.load(Optional.empty(), dir);
        Path file = dir.resolve(MasterKey.KEY_FILE_NAME);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        String content = Files.readString(file).strip();

        assertThatThrownBy(() -> MasterKey.load(Optional.empty(), dir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining(permissions)
                .hasMessageContaining("chmod 600")
                .hasMessageNotContaining(content);
    }

    @Test
    void ownerOnlyModesAreAccepted() throws Exception {
        MasterKey.load(Optional.empty(), dir);
        Path file = dir.resolve(MasterKey.KEY_FILE_NAME);
        for (String mode : List.of("r--------", "rw-------", "rwx------")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
            assertThat(MasterKey.load(Optional.empty(), dir)).as(mode).isNotNull();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\n", "short", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "++++++++++++++++++++++++++++++++++++++++++A"})
    void keyFileWithoutAValidKeyIsRefused(String content) throws Exception {
        Path file = dir.resolve("bad.key");
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, content);
        assertThatThrownBy(() -> MasterKey.fromKeyFile(file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file.toString());
    }

    @Test
    void hugeKeyFileIsRefusedWithoutReadingItAll() throws Exception {
        Path file = dir.resolve("huge.key");
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.write(file, new byte[10_000_000]);
        assertThatThrownBy(() -> MasterKey.fromKeyFile(file))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("too large");
    }

    @Test
    void directoryInPlaceOfTheKeyFileIsRefused() throws Exception {
        Files.createDirectory(dir.resolve(MasterKey.KEY_FILE_NAME));
        assertThatThrownBy(() -> MasterKey.load(Optional.empty(), dir))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not a regular file");
    }

    @Test
    void danglingSymlinkIsNotReplacedByANewKey() throws Exception {
        Path link = dir.resolve(MasterKey.KEY_FILE_NAME);
        Files.createSymbolicLink(link, dir.resolve("missing-target"));
        assertThatThrownBy(() -> MasterKey.load(Optional.empty(), dir)).isInstanceOf(IllegalStateException.class);
        assertThat(dir.resolve("missing-target")).doesNotExist();
    }

    @Test
    void processesStartingTogetherAgreeOnOneKey() throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<MasterKey>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Callable<MasterKey> task = () -> {
                    start.await();
                    return MasterKey.load(Optional.empty(), dir);
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<MasterKey> keys = new ArrayList<>();
            for (Future<MasterKey> f : futures) {
                keys.add(f.get());
            }
            String sealed = keys.get(0).encrypt("x".getBytes(UTF_8), "a");
            for (MasterKey k : keys) {
                assertThat(k.decrypt(sealed, "a")).isEqualTo("x".getBytes(UTF_8));
            }
            try (var files = Files.list(dir)) {
                assertThat(files.map(p -> p.getFileName().toString())).containsExactly(MasterKey.KEY_FILE_NAME);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
