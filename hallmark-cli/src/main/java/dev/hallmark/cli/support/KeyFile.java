package dev.hallmark.cli.support;

import dev.hallmark.JoseException;
import dev.hallmark.jwk.Jwk;
import dev.hallmark.jwk.JwkSet;
import dev.hallmark.jwk.Pem;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A key file, its format detected by content: a JWK object, a JWK Set ({@code {"keys":[...]}}), or PEM (PKCS#8,
 * SPKI, X.509 certificate, PKCS#1 RSA, SEC 1 EC). Any problem with it is a usage error naming the option and file.
 *
 * @param keys the keys, in file order
 * @param isSet whether the file was a JWK Set
 * @param skipped why members of a JWK Set were left out
 */
public record KeyFile(List<Jwk> keys, boolean isSet, List<String> skipped) {

    /** Reads {@code path} ({@code -} for stdin) given with {@code option}. */
    public static KeyFile read(String path, CliContext ctx, String option) {
        String where = option + " " + (path == null || path.equals("-") ? "(stdin)" : path);
        String text = new String(Inputs.fileOrStdin(path, ctx, option), StandardCharsets.UTF_8);
        return parse(text, where);
    }

    /** Parses key material fetched or read elsewhere; {@code where} names it in errors. */
    public static KeyFile parse(String text, String where) {
        String trimmed = text.strip();
        try {
            if (trimmed.startsWith("{")) {
                if (isJwkSet(trimmed, where)) {
                    JwkSet set = JwkSet.parse(trimmed);
                    if (set.keys().isEmpty()) {
                        throw new UsageException(where + ": the JWK Set has no usable key"
                                + (set.skipped().isEmpty() ? "" : " (" + String.join("; ", set.skipped()) + ")"));
                    }
                    return new KeyFile(set.keys(), true, set.skipped());
                }
                return new KeyFile(List.of(Jwk.parse(trimmed)), false, List.of());
            }
            if (Pem.looksLikePem(trimmed)) {
                return new KeyFile(List.of(Pem.readJwk(trimmed)), false, List.of());
            }
        } catch (JoseException e) {
            throw new UsageException(where + ": unusable key: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new UsageException(where + ": unusable key: " + e.getMessage());
        }
        throw new UsageException(where + ": not a JWK, a JWK Set or a PEM key");
    }

    private static boolean isJwkSet(String json, String where) {
        try {
            Object parsed = JsonText.parse(json);
            return parsed instanceof java.util.Map<?, ?> m && m.containsKey("keys") && !m.containsKey("kty");
        } catch (IllegalArgumentException e) {
            throw new UsageException(where + ": not valid JSON: " + e.getMessage());
        }
    }

    /** The one key of the file, or the one with {@code kid} in a set. */
    public Jwk single(String kid, String where) {
        List<Jwk> candidates = kid == null ? keys
                : keys.stream().filter(k -> k.keyId().filter(kid::equals).isPresent()).toList();
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        if (candidates.isEmpty()) {
            throw new UsageException(where + ": no key with kid " + kid);
        }
        throw new UsageException(where + ": " + candidates.size() + " keys; choose one with --kid");
    }
}
