package dev.hallmark.cli;

import dev.hallmark.JoseException;
import dev.hallmark.Limits;
import dev.hallmark.cli.support.CliContext;
import dev.hallmark.cli.support.Durations;
import dev.hallmark.cli.support.ExitCode;
import dev.hallmark.cli.support.Inputs;
import dev.hallmark.cli.support.JsonText;
import dev.hallmark.jws.UnverifiedJws;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code hallmark decode}: a token's header and payload, for reading, verifying nothing. */
@Command(name = "decode", mixinStandardHelpOptions = true,
        description = {"Prints a token's header and payload without verifying anything.",
            "exp, nbf and iat are also shown as UTC dates and relative times. A JWE shows its protected header only.",
            "Nothing leaves this machine."},
        footer = {"%nExamples:",
            "  hallmark decode eyJhbGciOi...",
            "  pbpaste | hallmark decode -",
            "  hallmark decode --json @token.txt | jq .payload.sub",
            "%nExit codes: 0 decoded, 1 not a decodable token, 2 usage error, 3 internal error."})
final class DecodeCommand implements Callable<Integer> {

    private static final String WARNING = "NOT VERIFIED: this shows what the token claims; nothing was checked. "
            + "Use 'hallmark verify' to trust it.";

    private final CliContext ctx;

    @Option(names = "--json", description = "One JSON object: {\"verified\":false,\"header\":{...},\"payload\":...}.")
    boolean json;

    @Parameters(arity = "0..1", paramLabel = "TOKEN|@FILE|-", description = "The token; - or nothing reads stdin.")
    String token;

    DecodeCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        String t = Inputs.textArgument(token, ctx, "TOKEN").strip();
        Map<String, Object> header;
        Object payload = null;
        boolean jwe = t.chars().filter(c -> c == '.').count() == 4;
        if (jwe) {
            header = jweHeader(t);
        } else {
            UnverifiedJws jws = UnverifiedJws.decode(t, Limits.DEFAULT);
            header = jws.header().asMap();
            payload = payloadValue(jws.payload());
        }
        Map<String, Object> times = payload instanceof Map<?, ?> claims ? times(claims) : Map.of();
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("verified", false);
            out.put("header", header);
            if (!jwe) {
                out.put("payload", payload);
            }
            if (!times.isEmpty()) {
                out.put("times", times);
            }
            ctx.out().println(JsonText.compact(out));
            return ExitCode.OK;
        }
        boolean colour = ctx.colour();
        ctx.out().println(colour ? "\u001b[1;31m" + WARNING + "\u001b[0m" : WARNING);
        ctx.out().println(jwe ? "JWE protected header (the content is encrypted):" : "Header:");
        ctx.out().println(JsonText.pretty(header, colour));
        if (!jwe) {
            ctx.out().println("Payload:");
            ctx.out().println(payload instanceof String s ? printable(s) : JsonText.pretty(payload, colour));
        }
        if (!times.isEmpty()) {
            ctx.out().println("Times:");
            for (Map.Entry<String, Object> e : times.entrySet()) {
                ctx.out().println("  " + e.getKey() + "  " + e.getValue());
            }
        }
        return ExitCode.OK;
    }

    private Map<String, Object> jweHeader(String t) {
        String first = t.substring(0, t.indexOf('.'));
        try {
            Object parsed = JsonText.parse(new String(Base64.getUrlDecoder().decode(first), StandardCharsets.UTF_8));
            if (parsed instanceof Map<?, ?> m) {
                @SuppressWarnings("unchecked")
                Map<String, Object> h = (Map<String, Object>) m;
                return h;
            }
        } catch (IllegalArgumentException e) {
            // fall through
        }
        throw new JoseException(dev.hallmark.Reason.MALFORMED, "JWE protected header is not base64url JSON");
    }

    /**
     * A text payload as it reads, except control characters, which are shown as {@code \\uXXXX}: a token's payload
     * is attacker-controlled and must not drive the terminal (ANSI escape sequences).
     */
    static String printable(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean control = (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c <= 0x9f)
                    || c == '\u2028' || c == '\u2029';
            if (control) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** The payload as JSON when it is JSON, as text when it is UTF-8, else as base64url. */
    private static Object payloadValue(byte[] payload) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(payload)).toString();
        } catch (CharacterCodingException e) {
            return "(binary, base64url) " + Base64.getUrlEncoder().withoutPadding().encodeToString(payload);
        }
        try {
            return JsonText.parse(text);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    private Map<String, Object> times(Map<?, ?> claims) {
        Map<String, Object> out = new LinkedHashMap<>();
        Instant now = ctx.clock().instant();
        for (String name : List.of("iat", "nbf", "exp")) {
            Object v = claims.get(name);
            if (v instanceof Long || v instanceof BigDecimal) {
                BigDecimal seconds = v instanceof Long l ? BigDecimal.valueOf(l) : (BigDecimal) v;
                if (seconds.signum() < 0 || seconds.compareTo(BigDecimal.valueOf(253_402_300_799L)) > 0) {
                    out.put(name, "out of range");
                    continue;
                }
                Instant at = Instant.ofEpochSecond(seconds.longValue());
                Duration d = Duration.between(now, at);
                String rel = d.getSeconds() == 0 ? "now"
                        : d.isNegative() ? Durations.human(d) + " ago" : "in " + Durations.human(d);
                out.put(name, at + " (" + rel + ")");
            } else if (v != null) {
                out.put(name, "not a NumericDate");
            }
        }
        return out;
    }
}
