package dev.hallmark.jws;

import dev.hallmark.JoseException;
import dev.hallmark.Limits;
import dev.hallmark.Reason;

/** A compact serialization split at its dots in one bounded pass, as ASCII bytes. */
final class CompactParts {

    final byte[] bytes;
    final int firstDot;
    final int secondDot;

    private CompactParts(byte[] bytes, int firstDot, int secondDot) {
        this.bytes = bytes;
        this.firstDot = firstDot;
        this.secondDot = secondDot;
    }

    /** Refuses a token over the size limit before looking at it, then splits it in one pass. */
    static CompactParts split(String token, Limits limits) {
        int len = token.length();
        if (len > limits.maxTokenBytes()) {
            throw new JoseException(Reason.TOO_LARGE, "token is " + len + " bytes, over the limit of "
                    + limits.maxTokenBytes());
        }
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
        return new CompactParts(bytes, first, second);
    }
}
