package dev.hallmark.server.keys;

import dev.hallmark.jwk.Jwk;
import dev.hallmark.jwk.JwkSet;
import dev.hallmark.jwk.KeyGenerator;
import dev.hallmark.jwk.KeySource;
import dev.hallmark.jwt.JwtSigner;
import dev.hallmark.server.store.KeyStore;
import dev.hallmark.server.store.SigningKeyRecord;
import dev.hallmark.server.store.SigningKeyRecord.State;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs the signing-key life cycle so that rotation never breaks a verifier:
 * <ol>
 * <li>a new key is generated and <b>published</b> in the JWKS at least {@code publishAhead} (no less than the
 *     verifiers' JWKS cache time) before it signs anything;</li>
 * <li>it is then <b>activated</b> by a compare-and-set in the store, so several instances agree on one active key;</li>
 * <li>the previous key is <b>retired</b>: it signs nothing more but stays published until every token it signed has
 *     expired, then it is deleted.</li>
 * </ol>
 * On first start with no keys, one key is created and activated at once (no verifier can have cached anything yet).
 * {@link #maintain()} applies the schedule; call it at start and periodically. Thread-safe.
 */
public final class KeyManager {

    private final KeyStore store;
    private final MasterKey masterKey;
    private final Clock clock;
    private final String algorithm;
    private final Duration rotationInterval;
    private final Duration publishAhead;
    private final Duration maxTokenLifetime;

    private volatile Snapshot snapshot;
    private final AtomicLong rotations = new AtomicLong();

    /** What the server signs and publishes with, replaced as a whole when the keys change. */
    private record Snapshot(String activeKid, JwtSigner signer, String jwksJson, KeySource verificationKeys,
                            List<SigningKeyRecord> records) {
    }

    public KeyManager(KeyStore store, MasterKey masterKey, Clock clock, String algorithm, Duration rotationInterval,
                      Duration publishAhead, Duration maxTokenLifetime) {
        this.store = Objects.requireNonNull(store, "store");
        this.masterKey = Objects.requireNonNull(masterKey, "masterKey");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        this.rotationInterval = rotationInterval;
        this.publishAhead = publishAhead;
        this.maxTokenLifetime = maxTokenLifetime;
    }

    /**
     * Applies the schedule: creates the first key, publishes a successor when the active key is due, activates a
     * published key whose waiting time is over, deletes retired keys nobody can need. Returns true when the
     * active key changed.
     */
    public synchronized boolean maintain() {
        Instant now = clock.instant();
        List<SigningKeyRecord> keys = store.list();
        SigningKeyRecord active = find(keys, State.ACTIVE);
        boolean rotated = false;
        if (active == null && keys.stream().noneMatch(k -> k.state() == State.PUBLISHED)) {
            SigningKeyRecord first = generate(now, now);
            store.insert(first);
            rotated = store.activate(first.kid(), null, now, now.plus(maxTokenLifetime).plus(Duration.ofMinutes(1)));
        } else {
            SigningKeyRecord published = find(keys, State.PUBLISHED);
            boolean due = active == null || !active.createdAt().plus(rotationInterval).isAfter(now);
            if (due && published == null) {
                store.insert(generate(now, now.plus(publishAhead)));
            } else if (published != null && !published.activateAfter().isAfter(now)) {
                // Not only when the schedule is due: a key published on demand (rotate()) signs once its wait is over.
                rotated = store.activate(published.kid(), active == null ? null : active.kid(), now,
                        now.plus(maxTokenLifetime).plus(Duration.ofMinutes(1)));
                if (rotated && active != null) {
                    rotations.incrementAndGet();
                }
            }
        }
        store.deleteExpired(now);
        reload();
        return rotated;
    }

    /** Publishes a new key now; it starts signing once {@code publishAhead} has passed (at a later maintain). */
    public synchronized SigningKeyRecord rotate() {
        Instant now = clock.instant();
        SigningKeyRecord existing = find(store.list(), State.PUBLISHED);
        if (existing != null) {
            return existing;
        }
        SigningKeyRecord key = generate(now, now.plus(publishAhead));
        store.insert(key);
        reload();
        return key;
    }

    /** How many times this instance switched the active key to a successor since start, for metrics. */
    public long rotations() {
        return rotations.get();
    }

    /** Re-reads the keys from the store (another instance may have rotated). */
    public synchronized void reload() {
        List<SigningKeyRecord> keys = store.list();
        SigningKeyRecord active = find(keys, State.ACTIVE);
        Snapshot current = snapshot;
        JwtSigner signer = null;
        if (active != null) {
            signer = current != null && active.kid().equals(current.activeKid()) ? current.signer() : signerFor(active);
        }
        List<Jwk> published = new ArrayList<>();
        for (SigningKeyRecord k : keys) {
            published.add(Jwk.parse(k.publicJwk()));
        }
        JwkSet set = JwkSet.of(published);
        snapshot = new Snapshot(active == null ? null : active.kid(), signer, set.toPublicJson(), KeySource.of(set),
                List.copyOf(keys));
    }

    /** The signer of the active key. */
    public JwtSigner signer() {
        Snapshot s = current();
        if (s.signer() == null) {
            throw new IllegalStateException("no active signing key");
        }
        return s.signer();
    }

    /** The public JWK Set: published, active and retired keys. */
    public String jwksJson() {
        return current().jwksJson();
    }

    /** The keys tokens of this issuer may be verified with. */
    public KeySource verificationKeys() {
        return current().verificationKeys();
    }

    public List<SigningKeyRecord> keys() {
        return current().records();
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        if (s == null) {
            reload();
            s = snapshot;
        }
        return s;
    }

    private SigningKeyRecord generate(Instant now, Instant activateAfter) {
        Jwk key = KeyGenerator.forAlgorithm(algorithm).generate();
        String kid = key.keyId().orElseThrow();
        String sealed = masterKey.encrypt(key.toPrivateJson().getBytes(StandardCharsets.UTF_8), aad(kid));
        return new SigningKeyRecord(kid, algorithm, key.toPublicJwk().toPublicJson(), sealed, State.PUBLISHED, now,
                activateAfter, null, null);
    }

    private JwtSigner signerFor(SigningKeyRecord record) {
        byte[] json;
        try {
            json = masterKey.decrypt(record.encryptedPrivateJwk(), aad(record.kid()));
        } catch (SealedDataException e) {
            throw new IllegalStateException("signing key " + record.kid() + " cannot be decrypted: is this the master key"
                    + " the store was created with?", e);
        }
        try {
            return JwtSigner.builder(Jwk.parse(new String(json, StandardCharsets.UTF_8))).type("at+jwt")
                    .clock(clock).build();
        } finally {
            java.util.Arrays.fill(json, (byte) 0);
        }
    }

    private static String aad(String kid) {
        return "hallmark-signing-key:" + kid;
    }

    private static SigningKeyRecord find(List<SigningKeyRecord> keys, State state) {
        SigningKeyRecord found = null;
        for (SigningKeyRecord k : keys) {
            if (k.state() == state) {
                found = k;
            }
        }
        return found;
    }
}
