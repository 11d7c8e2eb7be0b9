package dev.hallmark.server.keys;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The 256-bit AES key that encrypts secrets at rest (signing keys' private parts). It comes from the configuration
 * ({@code master-key}, usually set as {@code HALLMARK_MASTER_KEY}) or, when that is not set, from the file
 * {@value #KEY_FILE_NAME} in the data directory, created on first use with permissions 0600.
 *
 * <p>Sealed values are {@code v1.} followed by base64url (no padding) of a 12-byte random nonce and the AES-256-GCM
 * ciphertext with its 16-byte tag. The associated data names what the value is for (for example
 * {@code "signing-key:" + kid}), so a sealed value moved to another row or purpose does not open.
 *
 * <pre>{@code
 * MasterKey key = MasterKey.load(config.masterKey(), config.dataDir());
 * String sealed = key.encrypt(privateJwkBytes, "signing-key:" + kid);
 * byte[] opened = key.decrypt(sealed, "signing-key:" + kid); // throws SealedDataException when tampered
 * }</pre>
 *
 * <p>Immutable and thread-safe. {@link #toString()} never shows the key.
 */
public final class MasterKey {

    /** The name of the key file inside the data directory. */
    public static final String KEY_FILE_NAME = "master.key";

    /** Length of the key in bytes. */
    public static final int KEY_BYTES = 32;

    private static final String VERSION_PREFIX = "v1.";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int MAX_KEY_FILE_BYTES = 1024;
    private static final Set<PosixFilePermission> OWNER_READ_WRITE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final String HOW_TO_GENERATE =
            "generate one with: head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '='";

    private final SecretKey key;
    private final SecureRandom random;

    private MasterKey(byte[] keyBytes, SecureRandom random) {
        this.key = new SecretKeySpec(keyBytes, "AES");
        this.random = random;
    }

    /**
     * The master key from the configured value when present, else from {@code dataDir/master.key} (created when
     * absent, together with the data directory).
     *
     * @throws IllegalArgumentException when the configured value is not base64url of exactly 32 bytes
     * @throws IllegalStateException when the key file is unusable (readable by others, wrong contents, not a file)
     * @throws UncheckedIOException when the key file cannot be read or created
     */
    public static MasterKey load(Optional<String> configured, Path dataDir) {
        Objects.requireNonNull(configured, "configured");
        Objects.requireNonNull(dataDir, "dataDir");
        if (configured.isPresent()) {
            return fromBase64Url(configured.get());
        }
        return fromKeyFile(dataDir.resolve(KEY_FILE_NAME));
    }

    /**
     * The master key encoded as base64url (RFC 4648 §5, no padding) of exactly 32 bytes: 43 characters.
     *
     * <pre>{@code
     * MasterKey key = MasterKey.fromBase64Url(System.getenv("HALLMARK_MASTER_KEY"));
     * }</pre>
     *
     * @throws IllegalArgumentException when it is not; the message never repeats the value
     */
    public static MasterKey fromBase64Url(String encoded) {
        Objects.requireNonNull(encoded, "encoded");
        byte[] bytes = decodeKey(encoded, "master key");
        try {
            return new MasterKey(bytes, new SecureRandom());
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /**
     * The master key stored in {@code file}, creating the file with 32 random bytes (as base64url text) and
     * permissions 0600 when it does not exist. Creation is atomic: the key is written and synced under a temporary
     * name, then hard-linked into place, so a second process starting at the same moment either wins or reads the
     * complete key of the winner; an existing key file is never replaced.
     *
     * <pre>{@code
     * MasterKey key = MasterKey.fromKeyFile(Path.of("hallmark-data", "master.key"));
     * }</pre>
     *
     * @throws IllegalStateException when an existing file is readable or writable by group or others, is not a
     *         regular file, or does not hold a valid key; or when the file system has no POSIX permissions
     * @throws UncheckedIOException when reading or creating fails
     */
    public static MasterKey fromKeyFile(Path file) {
        Objects.requireNonNull(file, "file");
        try {
            if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                createKeyFile(file);
            }
            byte[] bytes = readKeyFile(file);
            try {
                return new MasterKey(bytes, new SecureRandom());
            } finally {
                Arrays.fill(bytes, (byte) 0);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("master key file " + file + ": " + describe(e), e);
        }
    }

    /**
     * Seals {@code plaintext}: {@code v1.} + base64url(nonce ‖ ciphertext ‖ tag), with a fresh random nonce.
     *
     * <pre>{@code
     * String sealed = key.encrypt("secret".getBytes(UTF_8), "example");
     * }</pre>
     *
     * @param associatedData what the value is for; authenticated, not stored (the same text must be given to decrypt)
     */
    public String encrypt(byte[] plaintext, String associatedData) {
        Objects.requireNonNull(plaintext, "plaintext");
        Objects.requireNonNull(associatedData, "associatedData");
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE_BYTES + cipher.getOutputSize(plaintext.length)];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            cipher.doFinal(plaintext, 0, plaintext.length, out, NONCE_BYTES);
            return VERSION_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            // AES-256-GCM is required of every Java SE implementation; failing here is a broken runtime.
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * Opens a value sealed by {@link #encrypt(byte[], String)} with the same key and associated data.
     *
     * <pre>{@code
     * byte[] plaintext = key.decrypt(sealed, "example");
     * }</pre>
     *
     * @throws SealedDataException when the value is malformed, was sealed under another key or associated data, or
     *         was modified
     */
    public byte[] decrypt(String sealed, String associatedData) throws SealedDataException {
        Objects.requireNonNull(sealed, "sealed");
        Objects.requireNonNull(associatedData, "associatedData");
        if (!sealed.startsWith(VERSION_PREFIX)) {
            throw new SealedDataException("sealed value is malformed: it does not start with '" + VERSION_PREFIX + "'");
        }
        String body = sealed.substring(VERSION_PREFIX.length());
        byte[] raw = decodeCanonicalBase64Url(body);
        if (raw == null) {
            throw new SealedDataException("sealed value is malformed: not canonical base64url without padding");
        }
        if (raw.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new SealedDataException("sealed value is malformed: too short (" + raw.length + " bytes)");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, raw, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(raw, NONCE_BYTES, raw.length - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new SealedDataException("sealed value failed authentication: wrong master key, wrong associated "
                    + "data, or the value was modified", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    @Override
    public String toString() {
        return "MasterKey[AES-256, <redacted>]";
    }

    private static void createKeyFile(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        FileAttribute<Set<PosixFilePermission>> fileMode = PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE);
        if (!Files.isDirectory(dir)) {
            try {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
            } catch (UnsupportedOperationException e) {
                throw notPosix(file);
            }
        }
        byte[] keyBytes = new byte[KEY_BYTES];
        SecureRandom random = new SecureRandom();
        random.nextBytes(keyBytes);
        byte[] text = (Base64.getUrlEncoder().withoutPadding().encodeToString(keyBytes) + "\n")
                .getBytes(StandardCharsets.US_ASCII);
        Arrays.fill(keyBytes, (byte) 0);
        byte[] suffix = new byte[8];
        random.nextBytes(suffix);
        Path temp = dir.resolve("." + file.getFileName() + "." + HexFormat.of().formatHex(suffix) + ".tmp");
        try {
            // The permissions are part of the creation, so the key is never readable by others, not even briefly.
            try (FileChannel channel = FileChannel.open(temp,
                    Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), fileMode)) {
                ByteBuffer buffer = ByteBuffer.wrap(text);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            } catch (UnsupportedOperationException e) {
                throw notPosix(file);
            }
            try {
                // A hard link never replaces an existing file: if another process created the key meanwhile, we
                // lose the race and use its key.
                Files.createLink(file, temp);
            } catch (FileAlreadyExistsException raced) {
                return;
            } catch (UnsupportedOperationException | FileSystemException noHardLinks) {
                // Without hard links, a move without REPLACE_EXISTING still never overwrites a key we can see.
                try {
                    Files.move(temp, file);
                } catch (FileAlreadyExistsException raced) {
                    return;
                }
            }
            syncDirectory(dir);
        } finally {
            Arrays.fill(text, (byte) 0);
            Files.deleteIfExists(temp);
        }
    }

    private static void syncDirectory(Path dir) {
        // Makes the new directory entry durable; not every platform can open a directory, and that is fine.
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // best effort
        }
    }

    private static byte[] readKeyFile(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("master key file " + file + " is not a regular file");
        }
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view == null) {
            throw notPosix(file);
        }
        Set<PosixFilePermission> permissions = view.readAttributes().permissions();
        Set<PosixFilePermission> tooOpen = groupAndOthers(permissions);
        if (!tooOpen.isEmpty()) {
            throw new IllegalStateException("master key file " + file + " has permissions "
                    + PosixFilePermissions.toString(permissions) + ": it must be accessible by its owner only; run "
                    + "'chmod 600 " + file + "' (and consider the key exposed if others could read it)");
        }
        byte[] content;
        try (InputStream in = Files.newInputStream(file)) {
            content = in.readNBytes(MAX_KEY_FILE_BYTES + 1);
        }
        try {
            if (content.length > MAX_KEY_FILE_BYTES) {
                throw new IllegalStateException("master key file " + file + " is too large to hold a key");
            }
            String text = new String(content, StandardCharsets.US_ASCII).strip();
            try {
                return decodeKey(text, "master key file " + file);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        } finally {
            Arrays.fill(content, (byte) 0);
        }
    }

    private static byte[] decodeKey(String encoded, String what) {
        if (encoded.isEmpty()) {
            throw new IllegalArgumentException(what + " is empty; expected base64url of 32 bytes ("
                    + HOW_TO_GENERATE + ")");
        }
        if (encoded.indexOf('+') >= 0 || encoded.indexOf('/') >= 0) {
            throw new IllegalArgumentException(what + " uses '+' or '/': it must be base64url (RFC 4648 §5, '-' and"
                    + " '_'), not standard base64");
        }
        if (encoded.indexOf('=') >= 0) {
            throw new IllegalArgumentException(what + " has '=' padding: write base64url without padding "
                    + "(43 characters for 32 bytes)");
        }
        byte[] bytes = decodeCanonicalBase64Url(encoded);
        if (bytes == null) {
            throw new IllegalArgumentException(what + " is not valid base64url (RFC 4648 §5)");
        }
        if (bytes.length != KEY_BYTES) {
            int length = bytes.length;
            Arrays.fill(bytes, (byte) 0);
            throw new IllegalArgumentException(what + " decodes to " + length + " bytes; it must be exactly "
                    + KEY_BYTES + " (" + HOW_TO_GENERATE + ")");
        }
        return bytes;
    }

    /** Decodes base64url without padding, or null unless {@code text} is its one canonical encoding. */
    private static byte[] decodeCanonicalBase64Url(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
                    || c == '_';
            if (!ok) {
                return null;
            }
        }
        if (text.length() % 4 == 1) {
            return null;
        }
        byte[] bytes = Base64.getUrlDecoder().decode(text);
        // Unused low bits in the last character must be zero, or several strings would name the same bytes.
        if (!Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).equals(text)) {
            return null;
        }
        return bytes;
    }

    private static IllegalStateException notPosix(Path file) {
        return new IllegalStateException("master key file " + file + ": the file system has no POSIX permissions, "
                + "so the key file cannot be protected; set HALLMARK_MASTER_KEY (or master-key) instead");
    }

    private static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** The group and others permissions among {@code permissions}. */
    private static Set<PosixFilePermission> groupAndOthers(Set<PosixFilePermission> permissions) {
        Set<PosixFilePermission> result = EnumSet.noneOf(PosixFilePermission.class);
        for (PosixFilePermission p : permissions) {
            if (p != PosixFilePermission.OWNER_READ && p != PosixFilePermission.OWNER_WRITE
                    && p != PosixFilePermission.OWNER_EXECUTE) {
                result.add(p);
            }
        }
        return result;
    }
}
