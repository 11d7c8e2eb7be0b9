package dev.hallmark.jwe;

import dev.hallmark.JoseException;
import dev.hallmark.Limits;
import dev.hallmark.Reason;
import dev.hallmark.jwk.OctJwk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The compact JWE split finds its dots with {@code indexOf} and leaves characters to the strict decoders
 * (docs/decisions.md); these hold it to the checking split's answer on every kind of bad token: the same reason and
 * the same message, whichever segment the problem is in.
 */
class JweCompactCharactersTest {

    static final OctJwk KEY = JweTestKeys.secret(32);
    static final String DIR = JweEncrypter.builder(KEY).build().encrypt("{\"a\":1}".getBytes(StandardCharsets.UTF_8));
    static final String KW = JweEncrypter.builder(KEY.withAlgorithm("A256KW")).build()
            .encrypt("{\"a\":1}".getBytes(StandardCharsets.UTF_8));

    /** {@code c} inserted one character into segment {@code segment} (at its start when it is empty). */
    static String insert(String token, int segment, String c) {
        int start = 0;
        for (int k = 0; k < segment; k++) {
            start = token.indexOf('.', start) + 1;
        }
        int end = token.indexOf('.', start);
        int at = end == start ? start : start + 1;
        return token.substring(0, at) + c + token.substring(at);
    }

    /** Both splits' answers must agree: the same parts, or the same reason and message. */
    static void assertSameAnswer(String token) {
        JoseException fast = catchThrowableOfType(() -> JweParts.compact(token, Limits.DEFAULT), JoseException.class);
        JoseException checked = catchThrowableOfType(() -> JweParts.compactChecked(token, Limits.DEFAULT),
                JoseException.class);
        if (checked == null) {
            assertThat(fast).as("accepted by the checking split: %s", token).isNull();
            JweParts a = JweParts.compact(token, Limits.DEFAULT);
            JweParts b = JweParts.compactChecked(token, Limits.DEFAULT);
            assertThat(a.protectedB64).isEqualTo(b.protectedB64);
            assertThat(a.protectedParams).isEqualTo(b.protectedParams);
            assertThat(a.recipients.get(0).encryptedKey()).isEqualTo(b.recipients.get(0).encryptedKey());
            assertThat(a.iv).isEqualTo(b.iv);
            assertThat(a.ciphertext).isEqualTo(b.ciphertext);
            assertThat(a.tag).isEqualTo(b.tag);
        } else {
            assertThat(fast).as("refused by the checking split: %s", token).isNotNull();
            assertThat(fast.reason()).isEqualTo(checked.reason());
            assertThat(fast.getMessage()).isEqualTo(checked.getMessage());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {" ", "\n", "\u0000", "\u007f", "\u00e9", "\u0100", "\u20ac", "?", "=", "+", "/", "\ud83d\ude80"})
    void aCharacterInAnySegmentGetsTheCheckingSplitsAnswer(String c) {
        for (String token : List.of(DIR, KW)) {
            for (int segment = 0; segment < 5; segment++) {
                String bad = insert(token, segment, c);
                assertSameAnswer(bad);
                JoseException e = catchThrowableOfType(() -> JweDecrypter.builder().key(KEY).build().decrypt(bad),
                        JoseException.class);
                assertThat(e).as("U+%04X in segment %d", (int) c.charAt(0), segment).isNotNull();
                assertThat(e.reason()).isEqualTo(Reason.MALFORMED);
                if (c.charAt(0) > 0x7e || c.charAt(0) < 0x21) {
                    assertThat(e.getMessage()).contains("whitespace, control or non-ASCII");
                } else {
                    assertThat(e.getMessage()).contains("base64url");
                }
            }
        }
    }

    @Test
    void wellFormedTokensSplitTheSameWay() {
        assertSameAnswer(DIR);
        assertSameAnswer(KW);
        assertThat(JweDecrypter.builder().key(KEY).build().decrypt(DIR).plaintext())
                .isEqualTo("{\"a\":1}".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void structuralProblemsGetTheCheckingSplitsAnswer() {
        List<String> tokens = new ArrayList<>();
        String[] parts = KW.split("\\.", -1);
        tokens.add(parts[0] + "." + parts[1] + "." + parts[2]); // a JWS's three parts
        tokens.add(KW + ".");
        tokens.add(KW + ".x");
        tokens.add(KW.substring(KW.indexOf('.')));               // empty protected header
        tokens.add("." + KW);
        tokens.add(parts[0] + "." + parts[1] + "." + parts[2] + "." + parts[3]);
        tokens.add("");
        tokens.add("....");
        tokens.add("a....");
        tokens.add(".".repeat(1500));
        tokens.add("e30." + parts[1] + "." + parts[2] + "." + parts[3] + "." + parts[4]); // header {} : no alg
        tokens.add("bm90IGpzb24." + parts[1] + "." + parts[2] + "." + parts[3] + "." + parts[4]); // "not json"
        tokens.add(parts[0] + "." + parts[1] + "." + parts[2] + "A." + parts[3] + "." + parts[4]); // impossible length
        for (String t : tokens) {
            assertSameAnswer(t);
        }
    }

    @Test
    void anOverlongTokenIsTooLargeBeforeAnythingIsRead() {
        Limits small = Limits.builder().maxTokenBytes(10).build();
        JoseException e = catchThrowableOfType(() -> JweParts.compact(DIR, small), JoseException.class);
        assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE);
    }
}
