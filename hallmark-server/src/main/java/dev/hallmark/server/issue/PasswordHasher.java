package dev.hallmark.server.issue;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Password hashing with Argon2id (RFC 9106) on Bouncy Castle, stored in the PHC string format so parameters can be
 * raised later: {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>} (salt and hash in standard base64 without
 * padding). The defaults are the OWASP 2024 minimum: 19 MiB of memory, 2 passes, 1 lane; salts are 16 random bytes
 * and hashes 32 bytes.
 *
 * <pre>{@code
 * PasswordHasher hasher = new PasswordHasher();
 * String phc = hasher.hash(password);               // store this
 * if (hasher.verify(attempt, phc)) {
 *     if (hasher.needsRehash(phc)) { store(hasher.hash(attempt)); }
 * }
 * hasher.verifyDummy(attempt);                      // for unknown users: same cost as a wrong password
 * }</pre>
 *
 * <p>Passwords are encoded as UTF-8 without normalization. Immutable and thread-safe; each call allocates its own
 * Argon2 memory ({@code m} KiB).
 */
public final class PasswordHasher {

    /** OWASP 2024 minimum memory for Argon2id, in KiB (19 MiB). */
    public static final int DEFAULT_MEMORY_KIB = 19 * 1024;
    /** OWASP 2024 minimum number of passes at {@link #DEFAULT_MEMORY_KIB}. */
    public static final int DEFAULT_ITERATIONS = 2;
    /** Lanes; one, as OWASP recommends for servers that hash many passwords concurrently. */
    public static final int DEFAULT_PARALLELISM = 1;

    static final int SALT_BYTES = 16;
    static final int HASH_BYTES = 32;

    // Bounds for stored strings, so a corrupted or hostile row cannot make one verification allocate gigabytes or
    // run for minutes.
    static final int MAX_MEMORY_KIB = 1024 * 1024;
    static final int MAX_ITERATIONS = 64;
    static final int MAX_PARALLELISM = 64;
    private static final int MIN_SALT_BYTES = 8;
    private static final int MAX_SALT_BYTES = 64;
    private static final int MIN_HASH_BYTES = 16;
    private static final int MAX_HASH_BYTES = 64;

    private static final String ALGORITHM = "argon2id";
    private static final int VERSION = Argon2Parameters.ARGON2_VERSION_13;
    private static final String NUMBER = "(0|[1-9][0-9]{0,9})";
    private static final Pattern PHC = Pattern.compile("\\$argon2id\\$v=" + NUMBER + "\\$m=" + NUMBER + ",t=" + NUMBER
            + ",p=" + NUMBER + "\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");

    private final int memoryKiB;
    private final int iterations;
    private final int parallelism;
    private final SecureRandom random;
    private final String dummyPhc;

    /** A hasher with the OWASP 2024 minimum parameters (m=19456 KiB, t=2, p=1). */
    public PasswordHasher() {
        this(DEFAULT_MEMORY_KIB, DEFAULT_ITERATIONS, DEFAULT_PARALLELISM);
    }

    /**
     * A hasher with other Argon2id parameters; new hashes use them and {@link #needsRehash(String)} reports hashes
     * made with less.
     *
     * <pre>{@code
     * PasswordHasher stronger = new PasswordHasher(64 * 1024, 3, 1);
     * }</pre>
     *
     * @param memoryKiB memory per hash in KiB, at least 8 per lane and at most 1 GiB
     * @param iterations passes over memory, 1 to 64
     * @param parallelism lanes, 1 to 64
     * @throws IllegalArgumentException when a parameter is out of range
     */
    public PasswordHasher(int memoryKiB, int iterations, int parallelism) {
        this(memoryKiB, iterations, parallelism, new SecureRandom());
    }

    PasswordHasher(int memoryKiB, int iterations, int parallelism, SecureRandom random) {
        if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
            throw new IllegalArgumentException("parallelism must be 1.." + MAX_PARALLELISM + ", got " + parallelism);
        }
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("iterations must be 1.." + MAX_ITERATIONS + ", got " + iterations);
        }
        if (memoryKiB < 8 * parallelism || memoryKiB > MAX_MEMORY_KIB) {
            throw new IllegalArgumentException("memoryKiB must be " + 8 * parallelism + ".." + MAX_MEMORY_KIB
                    + " (at least 8 KiB per lane, RFC 9106 §3.1), got " + memoryKiB);
        }
        this.memoryKiB = memoryKiB;
        this.iterations = iterations;
        this.parallelism = parallelism;
        this.random = Objects.requireNonNull(random, "random");
        // A well-formed hash with the current parameters that no password matches: verifying against it walks the
        // same code with the same cost as a real verification.
        byte[] salt = new byte[SALT_BYTES];
        byte[] hash = new byte[HASH_BYTES];
        random.nextBytes(salt);
        random.nextBytes(hash);
        this.dummyPhc = format(new Phc(memoryKiB, iterations, parallelism, salt, hash));
    }

    /**
     * Hashes {@code password} with a fresh random salt and returns the PHC string. The caller may wipe the array
     * afterwards.
     *
     * @throws IllegalArgumentException when {@code password} is null or is not valid UTF-16 (a lone surrogate)
     */
    public String hash(char[] password) {
        if (password == null) {
            throw new IllegalArgumentException("password must not be null");
        }
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return hash(password, salt);
    }

    /** Like {@link #hash(char[])} with a given salt; for known-answer tests. */
    String hash(char[] password, byte[] salt) {
        byte[] bytes = utf8(password).orElseThrow(
                () -> new IllegalArgumentException("password is not valid UTF-16 text (it has a lone surrogate)"));
        try {
            Phc phc = new Phc(memoryKiB, iterations, parallelism, salt.clone(), new byte[HASH_BYTES]);
            argon2(bytes, phc, phc.hash);
            return format(phc);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /**
     * True when {@code password} matches the PHC string {@code phc}. The hashes are compared in constant time. A
     * malformed string, another algorithm or version, or parameters beyond this class's bounds give false.
     *
     * @throws IllegalArgumentException when an argument is null
     */
    public boolean verify(char[] password, String phc) {
        if (password == null || phc == null) {
            throw new IllegalArgumentException("password and phc must not be null");
        }
        Optional<Phc> parsed = parse(phc);
        if (parsed.isEmpty()) {
            return false;
        }
        Optional<byte[]> bytes = utf8(password);
        if (bytes.isEmpty()) {
            // Such a password cannot have been hashed; still spend the time a wrong password would.
            verifyDummy(new char[0]);
            return false;
        }
        Phc stored = parsed.get();
        byte[] computed = new byte[stored.hash.length];
        try {
            argon2(bytes.get(), stored, computed);
            return MessageDigest.isEqual(computed, stored.hash);
        } finally {
            Arrays.fill(bytes.get(), (byte) 0);
            Arrays.fill(computed, (byte) 0);
        }
    }

    /**
     * True when {@code phc} should be replaced by a fresh {@link #hash(char[])} after a successful login: its memory,
     * passes, lanes, salt or hash length are below this hasher's, or it is not a string this class can verify.
     *
     * @throws IllegalArgumentException when {@code phc} is null
     */
    public boolean needsRehash(String phc) {
        if (phc == null) {
            throw new IllegalArgumentException("phc must not be null");
        }
        Optional<Phc> parsed = parse(phc);
        if (parsed.isEmpty()) {
            return true;
        }
        Phc p = parsed.get();
        return p.memoryKiB < memoryKiB || p.iterations < iterations || p.parallelism < parallelism
                || p.salt.length < SALT_BYTES || p.hash.length < HASH_BYTES;
    }

    /**
     * Spends the same time and memory as {@link #verify(char[], String)} of a wrong password against a hash with the
     * current parameters, and learns nothing. Call it when the user does not exist, so that response times do not
     * reveal which usernames exist.
     *
     * @throws IllegalArgumentException when {@code password} is null
     *
     * <pre>{@code
     * Optional<UserRecord> user = users.findByUsername(name);
     * if (user.isEmpty()) { hasher.verifyDummy(password); return denied(); }
     * }</pre>
     */
    public void verifyDummy(char[] password) {
        if (password == null) {
            throw new IllegalArgumentException("password must not be null");
        }
        verify(password, dummyPhc);
    }

    @Override
    public String toString() {
        return "PasswordHasher[argon2id m=" + memoryKiB + ",t=" + iterations + ",p=" + parallelism + "]";
    }

    private static void argon2(byte[] password, Phc phc, byte[] out) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(VERSION)
                .withMemoryAsKB(phc.memoryKiB)
                .withIterations(phc.iterations)
                .withParallelism(phc.parallelism)
                .withSalt(phc.salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        generator.generateBytes(password, out);
    }

    /** Parses a PHC string within this class's bounds; empty when it is anything else. */
    static Optional<Phc> parse(String phc) {
        Matcher m = PHC.matcher(phc);
        if (!m.matches()) {
            return Optional.empty();
        }
        long version = Long.parseLong(m.group(1));
        long memory = Long.parseLong(m.group(2));
        long iterations = Long.parseLong(m.group(3));
        long parallelism = Long.parseLong(m.group(4));
        if (version != VERSION || parallelism < 1 || parallelism > MAX_PARALLELISM || iterations < 1
                || iterations > MAX_ITERATIONS || memory < 8 * parallelism || memory > MAX_MEMORY_KIB) {
            return Optional.empty();
        }
        Optional<byte[]> salt = decodeCanonical(m.group(5));
        Optional<byte[]> hash = decodeCanonical(m.group(6));
        if (salt.isEmpty() || hash.isEmpty()) {
            return Optional.empty();
        }
        int saltLength = salt.get().length;
        int hashLength = hash.get().length;
        if (saltLength < MIN_SALT_BYTES || saltLength > MAX_SALT_BYTES || hashLength < MIN_HASH_BYTES
                || hashLength > MAX_HASH_BYTES) {
            return Optional.empty();
        }
        return Optional.of(new Phc((int) memory, (int) iterations, (int) parallelism, salt.get(), hash.get()));
    }

    private static String format(Phc phc) {
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return "$" + ALGORITHM + "$v=" + VERSION + "$m=" + phc.memoryKiB + ",t=" + phc.iterations + ",p="
                + phc.parallelism + "$" + b64.encodeToString(phc.salt) + "$" + b64.encodeToString(phc.hash);
    }

    /** Standard base64 without padding, accepted only in its canonical form (unused trailing bits zero). */
    private static Optional<byte[]> decodeCanonical(String text) {
        if (text.length() % 4 == 1) {
            return Optional.empty();
        }
        byte[] bytes = Base64.getDecoder().decode(text);
        if (!Base64.getEncoder().withoutPadding().encodeToString(bytes).equals(text)) {
            return Optional.empty();
        }
        return Optional.of(bytes);
    }

    /** UTF-8 bytes of {@code password}, or empty when it holds a lone surrogate. */
    private static Optional<byte[]> utf8(char[] password) {
        CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer buffer;
        try {
            buffer = encoder.encode(CharBuffer.wrap(password));
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        // The encoder's buffer also held the password; wipe it.
        buffer.clear();
        while (buffer.hasRemaining()) {
            buffer.put((byte) 0);
        }
        return Optional.of(bytes);
    }

    /** A parsed PHC string. */
    record Phc(int memoryKiB, int iterations, int parallelism, byte[] salt, byte[] hash) {
    }
}
