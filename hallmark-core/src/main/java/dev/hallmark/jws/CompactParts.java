package dev.hallmark.jws;

import dev.hallmark.JoseException;
import dev.hallmark.Limits;
import dev.hallmark.Reason;

import java.nio.charset.StandardCharsets;

/** A compact serialization split at its dots, as ASCII bytes. */
final class CompactParts {

    private final String token;
    final byte[] bytes;
    final int firstDot;
    final int secondDot;

    private CompactParts(String token, byte[] bytes, int firstDot, int secondDot) {
        this.token = token;
        this.bytes = bytes;
        this.firstDot = firstDot;
        this.secondDot = secondDot;
    }

    /**
     * The verifier's split: the dots found with {@link String#indexOf(int)} and the token copied in one bulk
     * conversion, both intrinsics, instead of a loop over every character. The characters are checked by what follows:
     * every segment is either decoded by the strict base64url decoder, which refuses anything outside its alphabet
     * (a character the conversion cannot map becomes {@code '?'}, also outside it), or compared byte for byte with a
     * header that was. A caller whose segment fails to decode asks {@link #explain} for the precise message; an
     * unencoded (RFC 7797) payload, which is not decoded, is checked with {@link #checkCharacters}.
     */
    static CompactParts splitForVerification(String token, Limits limits) {
        checkSize(token, limits);
        int first = token.indexOf('.');
        int second = first < 1 ? -1 : token.indexOf('.', first + 1);
        if (second < 0 || token.indexOf('.', second + 1) >= 0) {
            return split(token, limits); // throws the precise structural error
        }
        return new CompactParts(token, token.getBytes(StandardCharsets.ISO_8859_1), first, second);
    }

    /**
     * The error to report for a segment that failed to decode: a whitespace, control or non-ASCII character if the
     * token has one (what {@link #split} reports), the decoding failure otherwise.
     */
    JoseException explain(JoseException decodingFailure) {
        try {
            checkCharacters();
        } catch (JoseException characterProblem) {
            return characterProblem;
        }
        return decodingFailure;
    }

    /** Refuses whitespace, control and non-ASCII characters anywhere in the token (RFC 7515 §7.1). */
    void checkCharacters() {
        scan(token);
    }

    private static void checkSize(String token, Limits limits) {
        int len = token.length();
        if (len > limits.maxTokenBytes()) {
            throw new JoseException(Reason.TOO_LARGE, "token is " + len + " bytes, over the limit of "
                    + limits.maxTokenBytes());
        }
    }

    /** Refuses a token over the size limit before looking at it, then checks and splits it in one pass. */
    static CompactParts split(String token, Limits limits) {
        checkSize(token, limits);
        return scan(token);
    }

    private static CompactParts scan(String token) {
        int len = token.length();
        byte[] bytes = new byte[len];
        int first = -1;
        int second = -1;
        int dots = 0;
        for (int i = 0; i < len; i++) {
            char c = token.charAt(i);
            if (c > 0x7e || c < 0x21) {
                throw new JoseException(Reason.MALFORMED,
                        "token contains whitespace, control or non-ASCII characters (RFC 7515 §7.1)");
            }
            if (c == '.') {
                dots++;
                if (dots == 1) {
                    first = i;
                } else if (dots == 2) {
                    second = i;
                }
            }
            bytes[i] = (byte) c;
        }
        if (dots == 4) {
            throw new JoseException(Reason.MALFORMED, "token has five parts: it is a JWE, not a JWS");
        }
        if (dots != 2) {
            throw new JoseException(Reason.MALFORMED, "a compact JWS has exactly three parts separated by two dots, "
                    + "this token has " + (dots > 1000 ? "more than 1000" : String.valueOf(dots)) + " dots (RFC 7515 §7.1)");
        }
        if (first == 0) {
            throw new JoseException(Reason.MALFORMED, "JWS header segment is empty");
        }
        return new CompactParts(token, bytes, first, second);
    }
}
