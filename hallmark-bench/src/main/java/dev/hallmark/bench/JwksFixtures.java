package dev.hallmark.bench;

import dev.hallmark.jwk.Jwk;
import dev.hallmark.jwk.JwkSet;
import dev.hallmark.jwk.KeyGenerator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A JWK Set of 20 ES256 (P-256) public keys with distinct kids, as an identity provider publishes it during a key
 * rollover or for many tenants, and the standard fixture claims signed by the 13th key: a key neither first nor last,
 * so a linear search does real work and a map lookup shows its advantage.
 *
 * <p>Why this design isolates the selection cost: each library verifies the same token twice, through the same
 * JWK-Set-backed key resolver built once, with {@link #jwks20Json} and with {@link #jwks1Json} (the signer alone).
 * Everything but the number of candidate keys is equal, so {@code verifyES256Jwks20} minus {@code verifyES256Jwks1}
 * is what choosing among 20 keys costs that library, and {@code verifyES256Jwks1} minus {@code verifyES256} is what
 * its set-backed resolver costs over a fixed key (for the peers whose {@code verifyES256} takes a bare key).
 * ES256, not HS256: published sets hold public keys only (and Hallmark refuses to mix secrets with them); ES256, not
 * RS256: 21 EC keys are generated in milliseconds, so the same-work tests stay quick. On the JDK's P-256 the
 * signature (about 1 ms, with wide error on a shared machine) can hide a microsecond of selection, so read two more
 * figures: B/op (deterministic, it shows the selection's allocation exactly) and Hallmark+bc's pair, whose
 * signature is ten times cheaper.
 */
public final class JwksFixtures {

    public static final int SIZE = 20;
    /** Zero-based: the 13th key signs. */
    public static final int SIGNER = 12;

    public final List<Jwk> keys;
    public final Jwk signer;
    public final String jwks20Json;
    public final String jwks1Json;
    public final String token;
    /** Signed by a key outside the set that claims the signer's kid: every library must refuse it. */
    public final String impostorToken;

    private static JwksFixtures shared;

    public static synchronized JwksFixtures shared() {
        if (shared == null) {
            shared = new JwksFixtures();
        }
        return shared;
    }

    private JwksFixtures() {
        List<Jwk> k = new ArrayList<>(SIZE);
        for (int i = 1; i <= SIZE; i++) {
            String kid = String.format(Locale.ROOT, "2026-11-key-%02d", i);
            k.add(KeyGenerator.forAlgorithm("ES256").keyId(kid).generate());
        }
        keys = List.copyOf(k);
        signer = keys.get(SIGNER);
        jwks20Json = JwkSet.of(keys.stream().map(Jwk::toPublicJwk).toList()).toPublicJson();
        jwks1Json = JwkSet.of(signer.toPublicJwk()).toPublicJson();
        token = Fixtures.sign(signer, Fixtures.shared().claims);
        Jwk impostor = KeyGenerator.forAlgorithm("ES256").keyId(Fixtures.kid(signer)).generate();
        impostorToken = Fixtures.sign(impostor, Fixtures.shared().claims);
    }
}
