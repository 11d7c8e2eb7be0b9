package dev.hallmark.jwe;

import dev.hallmark.JoseException;
import dev.hallmark.Reason;
import dev.hallmark.jwk.Jwk;
import dev.hallmark.vectors.Wycheproof;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Wycheproof's {@code json_web_encryption_test.json}, every case. The decrypter trusts exactly the group's
 * {@code private} key, enables RSA1_5 (the key's own {@code alg} still decides whether RSA1_5 fits it) and
 * compression (tcId 135 is the RFC 7520 §5.9 compressed example).
 *
 * <p>Valid cases decrypt to {@code pt} where given. Invalid cases are rejected, and the reason is asserted: every
 * cryptographic failure is {@code DECRYPTION_FAILED}; the structural ones (a part missing with its separator, a
 * header edited into invalid JSON, an algorithm the key does not allow) keep the reason of the pipeline step that
 * refuses them, listed in {@link #reason}. tcId 22 is the one overridden expectation: a correct JWE JSON
 * serialization that Wycheproof labels invalid only because its harness reads compact tokens. Hallmark's compact
 * entry point refuses it ({@code MALFORMED}) and {@link #jsonSerializationOfTcId22IsDecryptedByDecryptJson} shows
 * the JSON entry point decrypts it.
 */
class WycheproofJweTest {

    static Stream<Wycheproof.Case> cases() {
        return Wycheproof.stream("json_web_encryption");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decrypts(Wycheproof.Case c) {
        assertThat(c.isAcceptable()).isFalse();
        JweDecrypter decrypter = decrypter(c);
        String jwe = c.string("jwe");
        if (c.isValid()) {
            DecryptedJwe result = decrypter.decrypt(jwe);
            if (c.has("pt")) {
                assertThat(HexFormat.of().formatHex(result.plaintext())).isEqualTo(c.string("pt"));
            }
        } else {
            JoseException e = catchThrowableOfType(() -> decrypter.decrypt(jwe), JoseException.class);
            assertThat(e).as("%s must be rejected", c).isNotNull();
            assertThat(e.reason()).as("%s: %s", c, e.getMessage()).isEqualTo(reason(c.tcId()));
            if (e.reason() == Reason.DECRYPTION_FAILED) {
                assertThat(e.getMessage()).isEqualTo("DECRYPTION_FAILED: the JWE could not be decrypted");
            }
        }
    }

    @Test
    void jsonSerializationOfTcId22IsDecryptedByDecryptJson() {
        Wycheproof.Case c = cases().filter(x -> x.tcId() == 22).findFirst().orElseThrow();
        DecryptedJwe result = decrypter(c).decryptJson(c.string("jwe"));
        assertThat(result.plaintext()).isNotEmpty();
    }

    /** The reason for each invalid case that is not a cryptographic failure, and why. */
    static Reason reason(int tcId) {
        return switch (tcId) {
            // a part removed together with its separator: four parts, not five
            case 9, 12, 15, 18, 21, 38, 41, 44, 47, 50 -> Reason.MALFORMED;
            // the protected header removed (empty first segment) or edited into bytes that are not JSON
            case 20, 48, 49 -> Reason.MALFORMED;
            // the edit lands in the kid: "Xid-aes-encrypt" names no trusted key
            case 19 -> Reason.KEY_NOT_FOUND;
            // the tag edited in its last base64url character, leaving non-zero spare bits: strict base64url
            // refuses it before any cryptography (RFC 7515 §2)
            case 3, 24 -> Reason.MALFORMED;
            // the compact entry point given a JSON serialization (see the class comment)
            case 22 -> Reason.MALFORMED;
            // RSA1_5 tokens for a key whose alg is RSA-OAEP or RSA-OAEP-256: the key fixes the algorithm
            case 94, 95, 96, 97, 98, 99, 110, 111, 122, 123, 124, 125, 126, 127 -> Reason.ALG_NOT_ALLOWED;
            // an AxxxGCMKW key used with AxxxKW and the reverse: the key's alg decides
            case 106, 107, 108, 109 -> Reason.ALG_NOT_ALLOWED;
            default -> Reason.DECRYPTION_FAILED;
        };
    }

    @SuppressWarnings("unchecked")
    private static JweDecrypter decrypter(Wycheproof.Case c) {
        Jwk key = Jwk.parse(Wycheproof.json((Map<String, Object>) c.group().json().get("private")));
        return JweDecrypter.builder().key(key).allowRsa1_5().allowCompression().build();
    }
}
