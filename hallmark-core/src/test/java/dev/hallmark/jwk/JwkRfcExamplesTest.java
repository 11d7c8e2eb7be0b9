package dev.hallmark.jwk;

import dev.hallmark.JoseException;
import dev.hallmark.Limits;
import dev.hallmark.Reason;
import dev.hallmark.internal.json.StrictJson;
import dev.hallmark.internal.json.JsonWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every example key of RFC 7517 Appendices A and B, RFC 7520 §3, RFC 7638 §3.1 and RFC 8037 Appendix A (the
 * files under {@code vectors/latchset-jose/} and {@code vectors/rfc7520-cookbook/}): each parses, keeps every member
 * through {@link Jwk#toPrivateJson()}, and loses exactly its private members in {@link Jwk#toPublicJson()}.
 */
class JwkRfcExamplesTest {

    private static final Set<String> PRIVATE_MEMBERS = Set.of("d", "p", "q", "dp", "dq", "qi", "oth", "k");

    static Stream<Arguments> exampleKeys() {
        List<Arguments> out = new ArrayList<>();
        for (String set : List.of("rfc7517_A.1.jwkset", "rfc7517_A.2.jwkset", "rfc7517_A.3.jwkset")) {
            List<?> keys = (List<?>) json("latchset-jose/vectors/" + set).get("keys");
            for (int i = 0; i < keys.size(); i++) {
                out.add(Arguments.of(set + " keys[" + i + "]", keys.get(i)));
            }
        }
        for (String file : List.of("latchset-jose/vectors/rfc7517_B.jwk", "latchset-jose/vectors/rfc7638_3.1.jwk",
                "rfc7520-cookbook/jwk/3_1.ec_public_key.json", "rfc7520-cookbook/jwk/3_2.ec_private_key.json",
                "rfc7520-cookbook/jwk/3_3.rsa_public_key.json", "rfc7520-cookbook/jwk/3_4.rsa_private_key.json",
                "rfc7520-cookbook/jwk/3_5.symmetric_key_mac_computation.json",
                "rfc7520-cookbook/jwk/3_6.symmetric_key_encryption.json")) {
            out.add(Arguments.of(file, json(file)));
        }
        out.add(Arguments.of("rfc7520-cookbook/curve25519/jws.json input.key (RFC 8037 A.1)",
                ((Map<?, ?>) json("rfc7520-cookbook/curve25519/jws.json").get("input")).get("key")));
        Map<String, Object> ecdh = json("rfc7520-cookbook/curve25519/ecdh-es.json");
        out.add(Arguments.of("rfc7520-cookbook/curve25519/ecdh-es.json input.key (X25519)",
                ((Map<?, ?>) ecdh.get("input")).get("key")));
        // encrypting_key.epk is not here: see cookbookEphemeralKeyWithForeignXIsRefused
        return out.stream();
    }

    /**
     * Overridden expectation: the cookbook's {@code encrypting_key.epk} in curve25519/ecdh-es.json pairs the private
     * scalar {@code d} with an {@code x} that is not its public key (checked independently with Python's
     * cryptography package: d = RVqk... gives x = xvXHh3Q2..., the epk of the protected header). Hallmark must refuse
     * such a key as MALFORMED ("d does not belong to x"); with the header's x it parses.
     */
    @Test
    void cookbookEphemeralKeyWithForeignXIsRefused() {
        Map<String, Object> ecdh = json("rfc7520-cookbook/curve25519/ecdh-es.json");
        @SuppressWarnings("unchecked")
        Map<String, Object> epk = new LinkedHashMap<>((Map<String, Object>) ((Map<?, ?>) ecdh.get("encrypting_key")).get("epk"));
        assertThatThrownBy(() -> Jwk.parse(JsonWriter.writeString(epk))).isInstanceOf(JoseException.class)
                .hasMessageContaining("does not belong")
                .extracting(e -> ((JoseException) e).reason()).isEqualTo(Reason.MALFORMED);

        Object headerX = ((Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) ecdh.get("encrypting_content")).get("protected"))
                .get("epk")).get("x");
        epk.put("x", headerX);
        assertThat(Jwk.parse(JsonWriter.writeString(epk)).isPrivate()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exampleKeys")
    void parsesAndKeepsEveryMember(String name, Map<String, Object> members) {
        Jwk key = Jwk.parse(JsonWriter.writeString(members));

        boolean hasPrivate = members.keySet().stream().anyMatch(PRIVATE_MEMBERS::contains);
        assertThat(key.isPrivate()).isEqualTo(hasPrivate);
        assertThat(key.keyType()).isEqualTo(members.get("kty"));
        assertThat(parse(key.toPrivateJson())).isEqualTo(members);

        if (!(key instanceof OctJwk)) {
            Map<String, Object> expected = new LinkedHashMap<>(members);
            expected.keySet().removeAll(PRIVATE_MEMBERS);
            assertThat(parse(key.toPublicJson())).isEqualTo(expected);
            assertThat(key.toPublicJwk().isPrivate()).isFalse();
        }
        assertThat(Jwk.parse(key.toPrivateJson())).isEqualTo(key);
    }

    @Test
    void rfc7638Section31Thumbprint() {
        Jwk key = Jwk.parse(text("latchset-jose/vectors/rfc7638_3.1.jwk"));
        assertThat(Thumbprint.of(key)).isEqualTo(text("latchset-jose/vectors/rfc7638_3.1.thp").strip());
    }

    /** RFC 8037 Appendix A.3 gives the thumbprint of its Ed25519 key. */
    @Test
    void rfc8037AppendixA3Thumbprint() {
        @SuppressWarnings("unchecked")
        Map<String, Object> members = (Map<String, Object>)
                ((Map<?, ?>) json("rfc7520-cookbook/curve25519/jws.json").get("input")).get("key");
        Jwk key = Jwk.parse(JsonWriter.writeString(members));
        assertThat(Thumbprint.of(key)).isEqualTo("kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k");
        assertThat(Thumbprint.uriOf(key))
                .isEqualTo("urn:ietf:params:oauth:jwk-thumbprint:sha-256:kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k");
    }

    /** RFC 7517 Appendix B: the x5c certificate holds the key's own public key. */
    @Test
    void rfc7517AppendixBCertificateChain() {
        Jwk key = Jwk.parse(text("latchset-jose/vectors/rfc7517_B.jwk"));
        assertThat(key.certificateChain()).hasSize(1);
        assertThat(key.certificateChain().get(0).getPublicKey()).isEqualTo(key.publicKey());
        assertThat(key.certificateChain().get(0).getSubjectX500Principal().getName()).contains("CN=Brian Campbell");
    }

    @Test
    void rfc7517AppendixASetsParseWithoutSkipping() {
        for (String set : List.of("rfc7517_A.1.jwkset", "rfc7517_A.2.jwkset", "rfc7517_A.3.jwkset")) {
            JwkSet parsed = JwkSet.parse(text("latchset-jose/vectors/" + set));
            assertThat(parsed.keys()).as(set).hasSize(2);
            assertThat(parsed.skipped()).as(set).isEmpty();
        }
    }

    private static Map<String, Object> parse(String json) {
        return StrictJson.parseObject(json.getBytes(StandardCharsets.UTF_8), Limits.DEFAULT, "test");
    }

    private static Map<String, Object> json(String path) {
        return parse(text(path));
    }

    private static String text(String path) {
        try (InputStream in = JwkRfcExamplesTest.class.getResourceAsStream("/vectors/" + path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
