package dev.hallmark.jwk;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link JwkMatcher}: every criterion set must hold; a key's own {@code alg}, {@code use} and {@code key_ops}
 * restrict it, while a key that says nothing about them is not excluded by them.
 */
class JwkMatcherTest {

    private static final Jwk BARE_EC = KeyGenerator.forAlgorithm("ES256").generate()
            .withKeyId(null).withAlgorithm(null).withUse(null).toPublicJwk();
    private static final Jwk RSA = KeyGenerator.forAlgorithm("RS256").generate().toPublicJwk();
    private static final Jwk ED448 = KeyGenerator.forAlgorithm("EdDSA").curve("Ed448").generate().toPublicJwk();
    private static final Jwk HMAC = KeyGenerator.forAlgorithm("HS256").generate();

    @Test
    void emptyMatcherMatchesEveryKey() {
        JwkMatcher any = JwkMatcher.builder().build();
        assertThat(List.of(BARE_EC, RSA, ED448, HMAC)).allMatch(any::matches);
        assertThat(any.keyId()).isEmpty();
    }

    @Test
    void keyIdMustBeEqualAndPresent() {
        Jwk key = BARE_EC.withKeyId("k1");
        assertThat(JwkMatcher.builder().keyId("k1").build().matches(key)).isTrue();
        assertThat(JwkMatcher.builder().keyId("K1").build().matches(key)).isFalse();
        assertThat(JwkMatcher.builder().keyId("k").build().matches(key)).isFalse();
        // a key without kid never matches a matcher that asks for one
        assertThat(JwkMatcher.builder().keyId("k1").build().matches(BARE_EC)).isFalse();
        assertThat(JwkMatcher.builder().keyId("k1").build().keyId()).contains("k1");
    }

    @ParameterizedTest(name = "kty {0}")
    @CsvSource({"EC, true, false, false, false", "RSA, false, true, false, false", "OKP, false, false, true, false",
        "oct, false, false, false, true", "ec, false, false, false, false"})
    void keyTypeMustBeEqual(String kty, boolean ec, boolean rsa, boolean okp, boolean oct) {
        JwkMatcher m = JwkMatcher.builder().keyType(kty).build();
        assertThat(List.of(m.matches(BARE_EC), m.matches(RSA), m.matches(ED448), m.matches(HMAC)))
                .containsExactly(ec, rsa, okp, oct);
    }

    @Test
    void keyAlgorithmRestrictsTheKey() {
        JwkMatcher es256 = JwkMatcher.builder().algorithm("ES256").build();
        assertThat(es256.matches(BARE_EC)).isTrue();                        // says nothing: not excluded
        assertThat(es256.matches(BARE_EC.withAlgorithm("ES256"))).isTrue();
        assertThat(es256.matches(BARE_EC.withAlgorithm("ECDH-ES"))).isFalse(); // names another algorithm
        // RSA keys are bound as strictly: a PS256 key never serves RS256
        assertThat(JwkMatcher.builder().algorithm("RS256").build().matches(RSA)).isTrue();
        assertThat(JwkMatcher.builder().algorithm("PS256").build().matches(RSA)).isFalse();
    }

    @Test
    void keyUseRestrictsTheKey() {
        JwkMatcher sig = JwkMatcher.builder().use("sig").build();
        assertThat(sig.matches(BARE_EC)).isTrue();
        assertThat(sig.matches(BARE_EC.withUse("sig"))).isTrue();
        assertThat(sig.matches(BARE_EC.withUse("enc"))).isFalse();
        assertThat(JwkMatcher.builder().use("enc").build().matches(RSA)).isFalse(); // generated with use sig
    }

    @Test
    void keyOperationsRestrictTheKey() {
        JwkMatcher verify = JwkMatcher.builder().keyOperation("verify").build();
        assertThat(verify.matches(BARE_EC)).isTrue();
        assertThat(verify.matches(BARE_EC.withKeyOperations(Set.of("verify")))).isTrue();
        assertThat(verify.matches(BARE_EC.withKeyOperations(Set.of("sign", "verify")))).isTrue();
        assertThat(verify.matches(BARE_EC.withKeyOperations(Set.of("sign")))).isFalse();
        assertThat(verify.matches(BARE_EC.withKeyOperations(Set.of("deriveKey")))).isFalse();
    }

    @Test
    void curveMustBeEqualAndOnlyCurveKeysHaveOne() {
        assertThat(JwkMatcher.builder().curve("P-256").build().matches(BARE_EC)).isTrue();
        assertThat(JwkMatcher.builder().curve("P-384").build().matches(BARE_EC)).isFalse();
        assertThat(JwkMatcher.builder().curve("Ed448").build().matches(ED448)).isTrue();
        assertThat(JwkMatcher.builder().curve("Ed25519").build().matches(ED448)).isFalse();
        assertThat(JwkMatcher.builder().curve("P-256").build().matches(RSA)).isFalse();
        assertThat(JwkMatcher.builder().curve("P-256").build().matches(HMAC)).isFalse();
    }

    @Test
    void forVerificationSelectsSigningKeysThatMayVerifyWithTheKid() {
        Jwk key = BARE_EC.withKeyId("k1");
        assertThat(JwkMatcher.forVerification("k1").matches(key)).isTrue();
        assertThat(JwkMatcher.forVerification(null).matches(key)).isTrue();
        assertThat(JwkMatcher.forVerification("k1").matches(key.withUse("sig"))).isTrue();
        assertThat(JwkMatcher.forVerification("k2").matches(key)).isFalse();
        assertThat(JwkMatcher.forVerification("k1").matches(key.withUse("enc"))).isFalse();
        assertThat(JwkMatcher.forVerification("k1").matches(key.withKeyOperations(java.util.Set.of("sign")))).isFalse();
        assertThat(JwkMatcher.forVerification(null).matches(key.withKeyOperations(java.util.Set.of("verify")))).isTrue();
    }

    @Test
    void everyCriterionMustHold() {
        Jwk key = BARE_EC.withKeyId("k1").withAlgorithm("ES256").withUse("sig");
        JwkMatcher all = JwkMatcher.builder().keyId("k1").keyType("EC").curve("P-256").algorithm("ES256")
                .use("sig").keyOperation("verify").build();
        assertThat(all.matches(key)).isTrue();
        assertThat(JwkMatcher.builder().keyId("k1").keyType("EC").curve("P-256").algorithm("ES256").use("enc").build()
                .matches(key)).isFalse();
        assertThat(JwkMatcher.builder().keyId("k1").keyType("RSA").curve("P-256").build().matches(key)).isFalse();
        assertThat(JwkMatcher.builder().keyId("k2").keyType("EC").build().matches(key)).isFalse();
        assertThat(all.toString()).contains("kid=k1", "kty=EC", "alg=ES256", "use=sig", "key_ops=verify", "crv=P-256");
    }

    @Test
    void keySourceSelectsInOrder() {
        Jwk a = BARE_EC.withKeyId("a");
        Jwk b = KeyGenerator.forAlgorithm("ES256").keyId("b").generate().toPublicJwk();
        Jwk c = KeyGenerator.forAlgorithm("ES384").keyId("c").generate().toPublicJwk();
        KeySource source = KeySource.of(JwkSet.of(a, b, c));
        assertThat(source.select(JwkMatcher.builder().build())).containsExactly(a, b, c);
        assertThat(source.select(JwkMatcher.builder().curve("P-256").build())).containsExactly(a, b);
        assertThat(source.select(JwkMatcher.builder().keyId("c").build())).containsExactly(c);
        assertThat(source.select(JwkMatcher.builder().keyId("d").build())).isEmpty();
    }
}
