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
 * so a linear search does real work and a map lookup shows its advantage. {@link #jwks1Json} holds only that key, so
 * the same library's set-backed resolver can be measured with one candidate and with twenty.
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
            k.add(KeyGenerator.forAlgorithm("ES256").keyId(String.format(Locale.ROOT, "2026-11-key-%02d", i)).generate());
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
