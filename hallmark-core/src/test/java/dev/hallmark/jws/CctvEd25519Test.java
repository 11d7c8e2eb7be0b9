package dev.hallmark.jws;

import dev.hallmark.JoseException;
import dev.hallmark.Limits;
import dev.hallmark.Reason;
import dev.hallmark.internal.codec.Base64Url;
import dev.hallmark.jwk.Jwk;
import dev.hallmark.jwk.JwkSet;
import dev.hallmark.jwk.KeySource;
import dev.hallmark.vectors.VectorFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static dev.hallmark.jws.Rfc7520CookbookTest.list;
import static dev.hallmark.jws.Rfc7520CookbookTest.map;
import static dev.hallmark.vectors.JoseAssertions.assertRejected;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ed25519 edge cases from C2SP/CCTV ({@code cctv-ed25519/ed25519vectors.json}, 914 cases with flags instead of
 * labels). Each case goes in as a JWS would: the key as an OKP JWK ({@code x} = the vector key), {@code msg} as the
 * signing input, {@code sig} as the signature, through the pipeline's algorithm, key and signature steps.
 *
 * <p>The policy, decided per flag and pinned for every case (so a change of JDK or provider shows up here):
 * <ul>
 * <li>{@code non_canonical_A}: refused when the JWK is imported ({@code MALFORMED}; RFC 8032 §5.1.3 decoding, y
 *     below p and no "negative zero" x). RFC 8032 and FIPS 186-5 require rejecting it; we do so before any
 *     signature is looked at, and a JWK Set skips such a member.</li>
 * <li>{@code non_canonical_R}: {@code BAD_SIGNATURE}; the library checks that R is a canonical point encoding
 *     (and that S &lt; L) before the JDK sees the signature.</li>
 * <li>{@code low_order_residue}: {@code BAD_SIGNATURE}. Only the cofactored equation accepts these; the JDK's
 *     (SunEC) verification is cofactorless, and we do not override it. The hallmark-bc engine, whose scaled check
 *     would accept 126 of them, is held to the same rule (this class runs there too).</li>
 * <li>{@code low_order_A} (canonically encoded): refused at import with {@code WEAK_KEY}. Anyone can make
 *     signatures that verify under a small-order public key, exactly like RSA {@code e=1}, which is refused too.</li>
 * <li>{@code low_order_R}, {@code low_order_component_A/R}: accepted when nothing above applies, as ref10, Go and
 *     OpenSSL do: the key itself is sound and the signature verifies under the cofactorless equation.</li>
 * <li>{@code reencoded_k}: only occurs together with a non-canonical A or R, so it is always rejected.</li>
 * </ul>
 * Net: 86 accepted, 302 BAD_SIGNATURE, 226 MALFORMED and 300 WEAK_KEY at import. OpenSSL (Python
 * {@code cryptography}) accepts 208: these 86, 86 more under a small-order key, and 36 with a non-canonical A that it
 * re-encodes.
 */
class CctvEd25519Test {

    private static final String FILE = "cctv-ed25519/ed25519vectors.json";

    enum Verdict { ACCEPTED, BAD_SIGNATURE, MALFORMED_KEY, WEAK_KEY }

    static Verdict policy(Set<String> flags) {
        if (flags.contains("non_canonical_A")) {
            return Verdict.MALFORMED_KEY;
        }
        if (flags.contains("low_order_A")) {
            return Verdict.WEAK_KEY;
        }
        if (flags.contains("non_canonical_R") || flags.contains("low_order_residue")) {
            return Verdict.BAD_SIGNATURE;
        }
        return Verdict.ACCEPTED;
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (Object o : list(VectorFiles.json(FILE))) {
            Map<String, Object> c = map(o);
            out.add(Arguments.of(((Number) c.get("number")).intValue(), flags(c), c.get("key"), c.get("sig"),
                    c.get("msg")));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "ed25519vectors.json #{0} {1}")
    @MethodSource("cases")
    void verdictFollowsThePolicyForItsFlags(int number, Set<String> flags, String key, String sig, String msg) {
        Verdict expected = policy(flags);
        assertThat(outcome(key, sig, msg)).as("case %d %s", number, flags).isEqualTo(expected);

        if (expected == Verdict.MALFORMED_KEY) {
            assertRejected(() -> Jwk.parse(okpJwk(key)), Reason.MALFORMED);
            JwkSet set = JwkSet.parse("{\"keys\":[" + okpJwk(key) + "]}");
            assertThat(set.keys()).isEmpty();
            assertThat(set.skipped()).hasSize(1);
        }
    }

    /**
     * The outcome per flag, for the record: columns accepted / BAD_SIGNATURE / MALFORMED / WEAK_KEY at import. Counted from the
     * policy; the parameterized test above proves the library's outcome equals the policy for every case.
     */
    @Test
    void outcomeTablePerFlag() {
        Map<String, int[]> table = new TreeMap<>();
        int[] total = new int[4];
        for (Arguments a : cases().toList()) {
            Object[] c = a.get();
            @SuppressWarnings("unchecked")
            Set<String> flags = (Set<String>) c[1];
            Verdict v = policy(flags);
            total[v.ordinal()]++;
            for (String flag : flags.isEmpty() ? Set.of("(none)") : flags) {
                table.computeIfAbsent(flag, f -> new int[4])[v.ordinal()]++;
            }
        }
        List<String> rows = new ArrayList<>();
        table.forEach((flag, n) -> rows.add(String.format("%-22s %3d %3d %3d %3d", flag, n[0], n[1], n[2], n[3])));
        rows.add(String.format("%-22s %3d %3d %3d %3d", "all 914", total[0], total[1], total[2], total[3]));

        assertThat(rows).containsExactly(
                "(none)                   1   0   0   0",
                "low_order_A              0   0 226 300",
                "low_order_R             43 239 110 194",
                "low_order_component_A   84 276 136 278",
                "low_order_component_R   70 198 172 225",
                "low_order_residue        0 247 165 171",
                "non_canonical_A          0   0 226   0",
                "non_canonical_R          0 176  52  88",
                "reencoded_k              0  88  58   0",
                "all 914                 86 302 226 300");
    }

    @Test
    void fileHasTheDocumentedShape() {
        List<Object> all = list(VectorFiles.json(FILE));
        assertThat(all).hasSize(914);
        // reencoded_k never stands without a non-canonical encoding, so the policy never has to decide it alone
        assertThat(all).allSatisfy(o -> {
            Set<String> f = flags(map(o));
            if (f.contains("reencoded_k")) {
                assertThat(f).containsAnyOf("non_canonical_A", "non_canonical_R");
            }
        });
    }

    /** Import, then steps 5-7 of the verification pipeline (policy, key selection, signature) on the raw input. */
    static Verdict outcome(String keyHex, String sigHex, String msg) {
        Jwk key;
        try {
            key = Jwk.parse(okpJwk(keyHex));
        } catch (JoseException e) {
            assertThat(e.reason()).isIn(Reason.MALFORMED, Reason.WEAK_KEY);
            return e.reason() == Reason.MALFORMED ? Verdict.MALFORMED_KEY : Verdict.WEAK_KEY;
        }
        byte[] input = msg.getBytes(UTF_8);
        byte[] signature = HexFormat.of().parseHex(sigHex);
        SignatureCheck check = new SignatureCheck(KeySource.of(key), AlgorithmPolicy.of(JwsAlgorithm.EdDSA), Set.of(),
                Limits.DEFAULT);
        try {
            check.verify(SignatureCheck.prepare(JwsHeader.validated(Map.of("alg", "EdDSA"))), input, 0, input.length, signature);
            return Verdict.ACCEPTED;
        } catch (JoseException e) {
            assertThat(e.reason()).isEqualTo(Reason.BAD_SIGNATURE);
            return Verdict.BAD_SIGNATURE;
        }
    }

    static String okpJwk(String keyHex) {
        return "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"" + Base64Url.encode(HexFormat.of().parseHex(keyHex)) + "\"}";
    }

    static Set<String> flags(Map<String, Object> c) {
        Object f = c.get("flags");
        Set<String> out = new TreeSet<>();
        if (f != null) {
            for (Object o : list(f)) {
                out.add((String) o);
            }
        }
        return out;
    }
}
