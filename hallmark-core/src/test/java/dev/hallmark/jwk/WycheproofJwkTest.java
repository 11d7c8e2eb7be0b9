package dev.hallmark.jwk;

import dev.hallmark.JoseException;
import dev.hallmark.Reason;
import dev.hallmark.jws.JwsVerifier;
import dev.hallmark.jws.VerifiedJws;
import dev.hallmark.vectors.Wycheproof;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Every case of Wycheproof's {@code json_web_key_test.json}: JWK Set semantics seen through the public API. The
 * group's {@code public} set (else its {@code private} one) is read with {@link JwkSet#parse}, handed to
 * {@link KeySource#of(JwkSet)} and used by a {@link JwsVerifier} without an algorithm policy, exactly as an
 * application would trust a published set. A case can end in one of four ways, each asserted with its reason:
 * <ul>
 *   <li>accepted: the token verifies;</li>
 *   <li>key source refused: {@code KeySource.of} throws {@link IllegalArgumentException} for a set mixing
 *       symmetric and asymmetric keys (RFC 8725 §3.1). That is a caller mistake rather than a token problem, so it
 *       is not a {@link JoseException}; it counts as a rejection of the set;</li>
 *   <li>member skipped at import: {@link JwkSet#parse} leaves out a member it cannot use (RFC 7517 §5) and says
 *       why in {@link JwkSet#skipped()}; the same member alone fails {@link Jwk#parse} with that reason, and a token
 *       naming its kid then finds no key ({@code KEY_NOT_FOUND});</li>
 *   <li>rejected at verification with a given reason.</li>
 * </ul>
 */
class WycheproofJwkTest {

    private static final String FILE = "json_web_key";

    /** Cases whose outcome here differs from the file's {@code result}; each is explained in {@link #expected}. */
    static final Set<Integer> OVERRIDDEN = Set.of(4);

    static Stream<Wycheproof.Case> cases() {
        return Wycheproof.stream(FILE);
    }

    private enum Outcome { ACCEPTED, KEY_SOURCE_REFUSED, SKIPPED_AT_IMPORT, REJECTED }

    private record Expected(Outcome outcome, Reason reason) {
    }

    private static Expected expected(int tcId) {
        return switch (tcId) {
            // MixedKeySet: an HS256 secret and an ES256 key in one set.
            case 1 -> new Expected(Outcome.KEY_SOURCE_REFUSED, null);
            // A set of two HMAC keys, the token names the first (2) or carries a modified MAC (3); RS256 with its
            // public key (5); HMAC keys longer than the hash (13-15, RFC 7518 §3.2 allows them).
            case 2, 5, 13, 14, 15 -> new Expected(Outcome.ACCEPTED, null);
            case 3 -> new Expected(Outcome.REJECTED, Reason.BAD_SIGNATURE);
            // DuplicateKid, labelled invalid. Decision: accepted. The second member with the same kid has a "k"
            // that is not canonical base64url (non-zero spare bits in its last character), so JwkSet.parse skips
            // it as unusable (RFC 7517 §5) and the set holds one key with that kid, which verifies the token.
            // duplicateKidIsRefusedWhenBothKeysAreUsable proves the rule the case is about: with two usable keys
            // sharing the kid, verification refuses to guess (KEY_NOT_FOUND).
            case 4 -> new Expected(Outcome.ACCEPTED, null);
            // The key says "use":"enc" (6: RSA1_5, 21: ES256): not a signature key, so not a candidate.
            case 6, 21 -> new Expected(Outcome.REJECTED, Reason.KEY_NOT_FOUND);
            // ROCA modulus (7), 1024-bit RSA (8), e = 1 (9), HMAC keys one byte shorter than the hash (10-12),
            // empty HMAC keys (16-18): refused at import as weak (RFC 8725 §3.5, RFC 7518 §3.2, §3.3).
            case 7, 8, 9, 10, 11, 12, 16, 17, 18 -> new Expected(Outcome.SKIPPED_AT_IMPORT, Reason.WEAK_KEY);
            // A P-256 key whose alg is ES521 (19) or ES224 (20), and 32-byte oct keys whose alg is A256GCM (25) or
            // A256KW (26), used with an ES256 / HS256 header: the key's alg is bound to the header alg.
            case 19, 20, 25, 26 -> new Expected(Outcome.REJECTED, Reason.ALG_NOT_ALLOWED);
            // A point not on P-256 (22), P-256 coordinates labelled P-384 (23), EC members under kty RSA (24).
            case 22, 23, 24 -> new Expected(Outcome.SKIPPED_AT_IMPORT, Reason.MALFORMED);
            default -> throw new IllegalStateException("no decision for tcId " + tcId + ": a new vector?");
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void keySetSemanticsAsExpected(Wycheproof.Case c) {
        Expected expected = expected(c.tcId());
        assertThat(OVERRIDDEN.contains(c.tcId()))
                .as("a case differs from its label only when listed in OVERRIDDEN")
                .isEqualTo((expected.outcome() == Outcome.ACCEPTED) != c.isValid());

        Map<String, Object> setJson = c.group().has("public") ? c.group().object("public") : c.group().object("private");
        JwkSet set = JwkSet.parse(Wycheproof.json(setJson));
        String jws = c.string("jws");

        if (expected.outcome() == Outcome.KEY_SOURCE_REFUSED) {
            assertThat(set.skipped()).isEmpty();
            assertThatThrownBy(() -> KeySource.of(set))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("mix symmetric and asymmetric");
            return;
        }
        if (expected.outcome() == Outcome.SKIPPED_AT_IMPORT) {
            List<Object> members = members(setJson);
            assertThat(set.keys()).isEmpty();
            assertThat(set.skipped()).hasSize(members.size());
            for (Object member : members) {
                @SuppressWarnings("unchecked")
                String json = Wycheproof.json((Map<String, Object>) member);
                assertThatThrownBy(() -> Jwk.parse(json)).isInstanceOfSatisfying(JoseException.class,
                        e -> assertThat(e.reason()).isEqualTo(expected.reason()));
            }
            assertThat(set.skipped()).allSatisfy(line -> assertThat(line).contains(expected.reason().name()));
        }

        JwsVerifier verifier = JwsVerifier.builder().keys(KeySource.of(set)).build();
        if (expected.outcome() == Outcome.ACCEPTED) {
            VerifiedJws verified = verifier.verify(jws);
            assertThat(verified.key().keyId()).isEqualTo(verified.header().keyId());
        } else {
            Reason reason = expected.outcome() == Outcome.SKIPPED_AT_IMPORT ? Reason.KEY_NOT_FOUND : expected.reason();
            JoseException e = catchThrowableOfType(JoseException.class, () -> verifier.verify(jws));
            assertThat(e).as("%s must be rejected", c).isNotNull();
            assertThat(e.reason()).as(e.getMessage()).isEqualTo(reason);
        }
        if (c.tcId() == 4) {
            duplicateKidIsRefusedWhenBothKeysAreUsable(c, set, jws);
        }
    }

    private static void duplicateKidIsRefusedWhenBothKeysAreUsable(Wycheproof.Case c, JwkSet set, String jws) {
        assertThat(c.flags()).contains("DuplicateKid");
        assertThat(set.keys()).hasSize(1);
        assertThat(set.skipped()).singleElement().asString()
                .startsWith("keys[1]: MALFORMED").contains("non-canonical");

        Jwk first = set.keys().get(0);
        byte[] other = new byte[32];
        new SecureRandom().nextBytes(other);
        Jwk sameKid = OctJwk.of(other).withAlgorithm("HS256").withUse("sig").withKeyId(first.keyId().orElseThrow());
        JwsVerifier ambiguous = JwsVerifier.builder().keys(KeySource.of(JwkSet.of(first, sameKid))).build();
        assertThatThrownBy(() -> ambiguous.verify(jws)).isInstanceOfSatisfying(JoseException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.KEY_NOT_FOUND));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> members(Map<String, Object> setJson) {
        return (List<Object>) setJson.get("keys");
    }
}
