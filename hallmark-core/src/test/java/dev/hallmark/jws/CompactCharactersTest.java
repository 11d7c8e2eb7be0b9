package dev.hallmark.jws;

import dev.hallmark.JoseException;
import dev.hallmark.Reason;
import dev.hallmark.internal.codec.Base64Url;
import dev.hallmark.jwk.Jwk;
import dev.hallmark.jwk.KeyGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The verifier's split leaves characters to the strict decoders (docs/decisions.md); these hold it to the checking
 * split's answer: a whitespace, control or non-ASCII character anywhere is reported as such, whichever step trips
 * over it first, with the header remembered or not, and in an unencoded payload, which nothing decodes.
 */
class CompactCharactersTest {

    static final String CHARACTER_MESSAGE = "whitespace, control or non-ASCII";
    static final Jwk KEY = KeyGenerator.forAlgorithm("HS256").generate();
    static final String TOKEN = JwsSigner.builder(KEY).build().sign("{\"a\":1}".getBytes(StandardCharsets.UTF_8));

    static String insert(String token, int segment, char c) {
        int at = segment == 0 ? 2 : segment == 1 ? token.indexOf('.') + 2 : token.lastIndexOf('.') + 2;
        return token.substring(0, at) + c + token.substring(at);
    }

    static JoseException rejection(JwsVerifier verifier, String token) {
        JoseException e = catchThrowableOfType(() -> verifier.verify(token), JoseException.class);
        assertThat(e).as("rejected: %s", token).isNotNull();
        return e;
    }

    @ParameterizedTest
    @ValueSource(chars = {' ', '\n', '\u0000', '\u007f', '\u00e9', '\u0100', '\u20ac'})
    void aBadCharacterInAnySegmentIsReportedAsSuch(char c) {
        for (boolean headerRemembered : new boolean[] {false, true}) {
            JwsVerifier verifier = JwsVerifier.builder().key(KEY).build();
            if (headerRemembered) {
                verifier.verify(TOKEN);
            }
            for (int segment = 0; segment < 3; segment++) {
                JoseException e = rejection(verifier, insert(TOKEN, segment, c));
                assertThat(e.reason()).isEqualTo(Reason.MALFORMED);
                assertThat(e.getMessage()).as("U+%04X in segment %d", (int) c, segment).contains(CHARACTER_MESSAGE);
            }
        }
    }

    @Test
    void aPrintableCharacterOutsideTheAlphabetIsABase64urlError() {
        JwsVerifier verifier = JwsVerifier.builder().key(KEY).build();
        for (int segment = 0; segment < 3; segment++) {
            JoseException e = rejection(verifier, insert(TOKEN, segment, '='));
            assertThat(e.reason()).isEqualTo(Reason.MALFORMED);
            assertThat(e.getMessage()).contains("not valid base64url").doesNotContain(CHARACTER_MESSAGE);
        }
    }

    @Test
    void aBadCharacterWinsOverALaterStepsReason() {
        // an unsupported alg would be ALG_NOT_ALLOWED; the space in the signature is found first, as before
        String none = Base64Url.encode("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + Base64Url.encode("{}".getBytes(StandardCharsets.UTF_8)) + ".a b";
        JoseException e = rejection(JwsVerifier.builder().key(KEY).build(), none);
        assertThat(e.reason()).isEqualTo(Reason.MALFORMED);
        assertThat(e.getMessage()).contains(CHARACTER_MESSAGE);
    }

    @Test
    void anUnencodedPayloadIsCheckedThoughNothingDecodesIt() {
        JwsSigner unencoded = JwsSigner.builder(KEY).header(JwsHeader.builder().unencodedPayload().build()).build();
        String token = unencoded.sign("ab".getBytes(StandardCharsets.US_ASCII));
        JwsVerifier verifier = JwsVerifier.builder().key(KEY).build();
        assertThat(verifier.verify(token).payloadAsString()).isEqualTo("ab");
        String spaced = token.replace(".ab.", ".a b.");
        JoseException e = rejection(verifier, spaced);
        assertThat(e.reason()).isEqualTo(Reason.MALFORMED);
        assertThat(e.getMessage()).contains(CHARACTER_MESSAGE);
    }
}
