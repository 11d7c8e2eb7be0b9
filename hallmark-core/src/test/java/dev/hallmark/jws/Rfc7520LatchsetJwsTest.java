package dev.hallmark.jws;

import dev.hallmark.Reason;
import dev.hallmark.jwk.Jwk;
import dev.hallmark.jwk.JwkSet;
import dev.hallmark.jwk.KeySource;
import dev.hallmark.jwk.OctJwk;
import dev.hallmark.vectors.VectorFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static dev.hallmark.vectors.JoseAssertions.assertRejected;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The RFC 7520 §4 JWS examples in latchset's one-file-per-serialization packaging
 * ({@code latchset-jose/vectors/rfc7520_4.*}), parametrised by prefix: each {@code .jwsc}, {@code .jwsf} and
 * {@code .jwsg} verifies with the prefix's {@code .jwk} (§4.8 with each of {@code 4.8.1-3.jwk}); §4.5 is detached
 * and takes {@code .payl}.
 */
class Rfc7520LatchsetJwsTest {

    private static final String DIR = "latchset-jose/vectors/";
    private static final List<String> PREFIXES = List.of("4.1", "4.2", "4.3", "4.4", "4.5", "4.6", "4.7", "4.8");
    /** The one payload of all RFC 7520 §4 examples, stored once as the detached content of §4.5. */
    private static final String PAYLOAD = VectorFiles.text(DIR + "rfc7520_4.5.payl");

    static Stream<Arguments> serializations() {
        List<Arguments> out = new ArrayList<>();
        for (String prefix : PREFIXES) {
            for (String ext : List.of("jwsc", "jwsf", "jwsg")) {
                String file = "rfc7520_" + prefix + "." + ext;
                if (!exists(file)) {
                    continue;
                }
                if (prefix.equals("4.8")) {
                    for (int i = 1; i <= 3; i++) {
                        out.add(Arguments.of(file, "rfc7520_4.8." + i + ".jwk"));
                    }
                } else {
                    out.add(Arguments.of(file, "rfc7520_" + prefix + ".jwk"));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("serializations")
    void verifiesWithThePrefixKey(String file, String keyFile) {
        Jwk key = Jwk.parse(VectorFiles.text(DIR + keyFile));
        Jwk trusted = key instanceof OctJwk ? key : key.toPublicJwk();
        JwsVerifier verifier = JwsVerifier.builder().key(trusted).build();
        String text = VectorFiles.text(DIR + file);
        byte[] payload = PAYLOAD.getBytes(UTF_8);
        boolean detached = file.startsWith("rfc7520_4.5.");

        VerifiedJws verified = file.endsWith(".jwsc")
                ? (detached ? verifier.verifyDetached(text, payload) : verifier.verify(text))
                : (detached ? verifier.verifyJsonDetached(text, payload) : verifier.verifyJson(text));

        assertThat(verified.payloadAsString()).isEqualTo(PAYLOAD);
        assertThat(verified.key()).isEqualTo(trusted);
        // and the same object does not verify against other content
        byte[] other = (PAYLOAD + " ").getBytes(UTF_8);
        if (detached) {
            assertRejected(() -> {
                if (file.endsWith(".jwsc")) {
                    verifier.verifyDetached(text, other);
                } else {
                    verifier.verifyJsonDetached(text, other);
                }
            }, Reason.BAD_SIGNATURE);
        }
    }

    @Test
    void everySerializationFileIsCovered() throws IOException, URISyntaxException {
        Path dir = Path.of(Rfc7520LatchsetJwsTest.class.getResource("/vectors/" + DIR).toURI());
        try (Stream<Path> files = Files.list(dir)) {
            long jwsFiles = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("rfc7520_4.") && n.matches(".*\\.jws[cfg]")).count();
            assertThat(jwsFiles).isEqualTo(20);
        }
        // 20 serializations; the §4.8 one is run once per key
        assertThat(serializations().count()).isEqualTo(22);
    }

    /** The same examples as the cookbook's: byte-identical compact forms, and the same keys. */
    @Test
    void compactFormsEqualTheCookbookOnes() {
        String[][] pairs = {
            {"4.1", "4_1.rsa_v15_signature.json"}, {"4.2", "4_2.rsa-pss_signature.json"},
            {"4.3", "4_3.ecdsa_signature.json"}, {"4.4", "4_4.hmac-sha2_integrity_protection.json"},
            {"4.5", "4_5.signature_with_detached_content.json"},
        };
        for (String[] p : pairs) {
            var example = Rfc7520CookbookTest.example(p[1]);
            assertThat(VectorFiles.text(DIR + "rfc7520_" + p[0] + ".jwsc"))
                    .isEqualTo(Rfc7520CookbookTest.map(example.get("output")).get("compact"));
            assertThat(Jwk.parse(VectorFiles.text(DIR + "rfc7520_" + p[0] + ".jwk")))
                    .isEqualTo(Rfc7520CookbookTest.jwk(Rfc7520CookbookTest.map(example.get("input")).get("key")));
        }
    }

    /**
     * {@code rfc7520_4.8.jwkset} holds the RSA, EC and HMAC keys together. It parses, but a verifier cannot trust it
     * as one key source: symmetric and asymmetric keys are never mixed (RFC 8725 §3.1).
     */
    @Test
    void multiSignatureKeySetParsesButIsNotOneKeySource() {
        JwkSet set = JwkSet.parse(VectorFiles.text(DIR + "rfc7520_4.8.jwkset"));
        assertThat(set.keys()).extracting(Jwk::keyType).containsExactly("RSA", "EC", "oct");
        assertThat(set.skipped()).isEmpty();
        assertThatThrownBy(() -> KeySource.of(set)).isInstanceOf(IllegalArgumentException.class);
    }

    private static boolean exists(String file) {
        return Rfc7520LatchsetJwsTest.class.getResource("/vectors/" + DIR + file) != null;
    }
}
