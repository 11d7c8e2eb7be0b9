package dev.hallmark.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static dev.hallmark.cli.CliAssertions.assertSuccess;
import static dev.hallmark.cli.CliAssertions.assertUsageError;
import static dev.hallmark.cli.CliAssertions.assertUsageErrorStartingWith;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code hallmark sign}: every flag, the header and the exact claims JSON it writes (at the fixed clock), the key
 * formats it signs with, and what it refuses. Each signed token is checked with {@code verify} against the public
 * key in another file format.
 */
class SignCommandTest {

    private static final long NOW = Cli.NOW.getEpochSecond();
    private static final String EC_KEY = Fixtures.key("ec-p256.jwk.json");
    private static final String EC_PUBLIC = Fixtures.key("ec-p256-spki.pem");

    private static String sign(String... options) {
        List<String> args = new ArrayList<>(List.of("sign"));
        args.addAll(List.of(options));
        return assertSuccess(Cli.run(args.toArray(String[]::new))).outLine();
    }

    private static String segment(String token, int index) {
        return new String(Base64.getUrlDecoder().decode(token.split("\\.")[index]), StandardCharsets.UTF_8);
    }

    private static String header(String token) {
        return segment(token, 0);
    }

    private static String claims(String token) {
        return segment(token, 1);
    }

    /** The token verifies with this public key, and verify prints exactly the signed claims. */
    private static void assertVerifies(String token, String publicKey) {
        Cli.Result r = assertSuccess(Cli.run("verify", "--key", publicKey, token));
        assertThat(r.outLine()).isEqualTo(claims(token));
    }

    @Test
    void withoutFlagsTheTokenHasTypJwtAndIatNow() {
        String token = sign("--key", EC_KEY);
        assertThat(header(token)).isEqualTo("{\"alg\":\"ES256\",\"typ\":\"JWT\"}");
        assertThat(claims(token)).isEqualTo("{\"iat\":" + NOW + "}");
        assertVerifies(token, EC_PUBLIC);
    }

    @Test
    void registeredClaimFlags() {
        String token = sign("--key", EC_KEY, "--iss", "https://auth.example.com", "--sub", "alice", "--aud", "api",
                "--exp", "15m", "--nbf", "0s");
        assertThat(claims(token)).isEqualTo("{\"iat\":" + NOW + ",\"iss\":\"https://auth.example.com\",\"sub\":\"alice\","
                + "\"aud\":\"api\",\"exp\":" + (NOW + 900) + ",\"nbf\":" + NOW + "}");
        assertVerifies(token, EC_PUBLIC);
    }

    @Test
    void audRepeatedBecomesAnArray() {
        String token = sign("--key", EC_KEY, "--aud", "api", "--aud", "admin", "--aud", "billing");
        assertThat(claims(token)).isEqualTo("{\"iat\":" + NOW + ",\"aud\":[\"api\",\"admin\",\"billing\"]}");
        assertVerifies(token, EC_PUBLIC);
    }

    @ParameterizedTest(name = "--exp {0}")
    @CsvSource({"0s, 0", "30s, 30", "15m, 900", "2h, 7200", "7d, 604800", "-1h, -3600"})
    void expDurationsInSecondsMinutesHoursDays(String duration, long seconds) {
        assertThat(claims(sign("--key", EC_KEY, "--exp", duration)))
                .isEqualTo("{\"iat\":" + NOW + ",\"exp\":" + (NOW + seconds) + "}");
    }

    @ParameterizedTest(name = "--nbf {0}")
    @CsvSource({"0s, 0", "-5m, -300", "1h, 3600", "1d, 86400"})
    void nbfDurations(String duration, long seconds) {
        assertThat(claims(sign("--key", EC_KEY, "--nbf", duration)))
                .isEqualTo("{\"iat\":" + NOW + ",\"nbf\":" + (NOW + seconds) + "}");
    }

    @Test
    void jtiIsRandom128BitsBase64url() {
        String a = claims(sign("--key", EC_KEY, "--jti"));
        String b = claims(sign("--key", EC_KEY, "--jti"));
        assertThat(a).matches("\\{\"iat\":" + NOW + ",\"jti\":\"[A-Za-z0-9_-]{22}\"}");
        assertThat(b).matches("\\{\"iat\":" + NOW + ",\"jti\":\"[A-Za-z0-9_-]{22}\"}");
        assertThat(a).isNotEqualTo(b);
    }

    @ParameterizedTest(name = "--claim {0}")
    @CsvSource(delimiter = '|', value = {
        "n=42                  | \"n\":42",
        "big=123456789012345678901234567890 | \"big\":123456789012345678901234567890",
        "f=1.50                | \"f\":1.50",
        "t=true                | \"t\":true",
        "nul=null              | \"nul\":null",
        "roles=[\"admin\",\"ops\"] | \"roles\":[\"admin\",\"ops\"]",
        "o={\"a\":{\"b\":[1,2]}}   | \"o\":{\"a\":{\"b\":[1,2]}}",
        "q=\"quoted\"          | \"q\":\"quoted\"",
        "s=hello               | \"s\":\"hello\"",
        "s=hello world         | \"s\":\"hello world\"",
        "s=[1,                 | \"s\":\"[1,\"",
        "s=42abc               | \"s\":\"42abc\"",
        "s=TRUE                | \"s\":\"TRUE\"",
        "e=                    | \"e\":\"\"",
        "x=a=b                 | \"x\":\"a=b\"",
    })
    void claimValuesAreJsonWhenTheyParseAsJsonElseStrings(String claim, String member) {
        assertThat(claims(sign("--key", EC_KEY, "--claim", claim.trim())))
                .isEqualTo("{\"iat\":" + NOW + "," + member.trim() + "}");
    }

    @Test
    void claimsInline() {
        String token = sign("--key", EC_KEY, "--claims", "{\"scope\":\"read write\",\"tenant\":42,\"admin\":false}");
        assertThat(claims(token)).isEqualTo("{\"scope\":\"read write\",\"tenant\":42,\"admin\":false,\"iat\":" + NOW + "}");
        assertVerifies(token, EC_PUBLIC);
    }

    @Test
    void claimsFromAFile(@TempDir Path dir) {
        String file = Fixtures.write(dir, "claims.json", "{\n  \"sub\": \"from-file\",\n  \"n\": [1, 2]\n}\n");
        assertThat(claims(sign("--key", EC_KEY, "--claims", "@" + file)))
                .isEqualTo("{\"sub\":\"from-file\",\"n\":[1,2],\"iat\":" + NOW + "}");
    }

    /**
     * The documented precedence: --claims, then the registered-claim flags, then --claim (later wins). iat is
     * always set to now, unless --claim sets it explicitly. Members keep the position of their first appearance.
     */
    @Test
    void precedenceClaimsThenFlagsThenClaim() {
        String token = sign("--key", EC_KEY,
                "--claims", "{\"sub\":\"from-claims\",\"iss\":\"from-claims\",\"aud\":\"from-claims\",\"x\":1,\"iat\":5}",
                "--sub", "from-flag", "--iss", "from-flag",
                "--claim", "sub=from-claim", "--claim", "x=2");
        assertThat(claims(token)).isEqualTo("{\"sub\":\"from-claim\",\"iss\":\"from-flag\",\"aud\":\"from-claims\","
                + "\"x\":2,\"iat\":" + NOW + "}");

        assertThat(claims(sign("--key", EC_KEY, "--claim", "iat=5", "--exp", "1m")))
                .isEqualTo("{\"iat\":5,\"exp\":" + (NOW + 60) + "}");
    }

    @Test
    void typOption() {
        String token = sign("--key", EC_KEY, "--typ", "at+jwt");
        assertThat(header(token)).isEqualTo("{\"alg\":\"ES256\",\"typ\":\"at+jwt\"}");
        assertSuccess(Cli.run("verify", "--key", EC_PUBLIC, "--typ", "at+jwt", token));
    }

    @Test
    void kidOptionNamesASingleKeyInTheHeader() {
        String token = sign("--key", Fixtures.key("rsa-2048-pkcs8.pem"), "--kid", "2026-11");
        assertThat(header(token)).isEqualTo("{\"alg\":\"RS256\",\"kid\":\"2026-11\",\"typ\":\"JWT\"}");
    }

    @Test
    void kidOptionSelectsTheKeyOfASetAndTheHeaderCarriesIt() {
        String token = sign("--key", Fixtures.key("private.jwks.json"), "--kid", "ed25519");
        assertThat(header(token)).isEqualTo("{\"alg\":\"EdDSA\",\"kid\":\"ed25519\",\"typ\":\"JWT\"}");
        assertVerifies(token, Fixtures.key("public.jwks.json"));
    }

    @Test
    void headerCarriesTheKidOfTheKey(@TempDir Path dir) {
        String key = Fixtures.write(dir, "key.json",
                assertSuccess(Cli.run("keygen", "--alg", "ES384", "--kid", "k-1")).out());
        assertThat(header(sign("--key", key))).isEqualTo("{\"alg\":\"ES384\",\"kid\":\"k-1\",\"typ\":\"JWT\"}");
    }

    /** Every private key file format signs; the algorithm is the key's default or --alg; another format verifies. */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "rsa-2048-pkcs8.pem,      ,      RS256, rsa-2048-spki.pem",
        "rsa-2048-pkcs1.pem,      PS384, PS384, rsa-2048-cert.pem",
        "rsa-2048.jwk.json,       RS512, RS512, rsa-2048-pkcs1-public.pem",
        "rsa-2048-pkcs8.pem,      PS256, PS256, rsa-2048.public.jwk.json",
        "ec-p256-pkcs8.pem,       ,      ES256, ec-p256-cert.pem",
        "ec-p256-sec1.pem,        ES256, ES256, ec-p256.public.jwk.json",
        "ec-p384-sec1.pem,        ,      ES384, ec-p384.public.jwk.json",
        "ec-p521-pkcs8.pem,       ,      ES512, ec-p521.public.jwk.json",
        "ec-p521.jwk.json,        ES512, ES512, ec-p521-sec1.pem",
        "ed25519-pkcs8.pem,       ,      EdDSA, ed25519-cert.pem",
        "ed25519.jwk.json,        EdDSA, EdDSA, ed25519-spki.pem",
        "ed448-pkcs8.pem,         ,      EdDSA, ed448-spki.pem"})
    void signsWithEveryPrivateKeyFormat(String keyFile, String alg, String expectedAlg, String publicFile) {
        String token = alg == null ? sign("--key", Fixtures.key(keyFile))
                : sign("--key", Fixtures.key(keyFile), "--alg", alg);
        assertThat(header(token)).isEqualTo("{\"alg\":\"" + expectedAlg + "\",\"typ\":\"JWT\"}");
        assertVerifies(token, Fixtures.key(publicFile));
    }

    @Test
    void hmacKeySignsAndTheSameKeyVerifies(@TempDir Path dir) {
        String key = Fixtures.write(dir, "hs.json", assertSuccess(Cli.run("keygen", "--alg", "HS384", "--kid", "h")).out());
        String token = sign("--key", key, "--sub", "s");
        assertThat(header(token)).isEqualTo("{\"alg\":\"HS384\",\"kid\":\"h\",\"typ\":\"JWT\"}");
        assertVerifies(token, key);
    }

    @Test
    void keyFromStdin() {
        Cli.Result r = assertSuccess(Cli.withStdin(Fixtures.text("ed25519-pkcs8.pem")).exec("sign", "--key", "-"));
        assertVerifies(r.outLine(), Fixtures.key("ed25519-spki.pem"));
    }

    // ---- refusals: exit 2 with one error line

    @ParameterizedTest
    @ValueSource(strings = {"rsa-2048-spki.pem", "rsa-2048-cert.pem", "rsa-2048-pkcs1-public.pem",
        "ec-p256.public.jwk.json", "ed25519-spki.pem", "public.jwks.json"})
    void aPublicKeyCannotSign(String file) {
        String key = Fixtures.key(file);
        List<String> args = new ArrayList<>(List.of("sign", "--key", key));
        if (file.endsWith("jwks.json")) {
            args.addAll(List.of("--kid", "ec-p256"));
        }
        assertUsageError(Cli.run(args.toArray(String[]::new)),
                "error: --key " + key + ": signing needs a private key, this one is public");
    }

    @Test
    void badClaimsJsonIsAUsageError(@TempDir Path dir) {
        assertUsageError(Cli.run("sign", "--key", EC_KEY, "--claims", "{bad"), "error: --claims: not valid JSON: "
                + "Unexpected character ('b' (code 98)): was expecting double-quote to start field name");
        assertUsageError(Cli.run("sign", "--key", EC_KEY, "--claims", "[1,2]"), "error: --claims: expected a JSON object");
        assertUsageErrorStartingWith(Cli.run("sign", "--key", EC_KEY, "--claims", "{\"a\":1,\"a\":2}"),
                "error: --claims: not valid JSON: Duplicate field 'a'");
        String missing = dir.resolve("nope.json").toString();
        assertUsageError(Cli.run("sign", "--key", EC_KEY, "--claims", "@" + missing),
                "error: --claims " + missing + ": no such file");
        String broken = Fixtures.write(dir, "broken.json", "{\"a\":");
        assertUsageErrorStartingWith(Cli.run("sign", "--key", EC_KEY, "--claims", "@" + broken),
                "error: --claims: not valid JSON: ");
    }

    @Test
    void claimsThatAreNotValidJwtClaimsAreUsageErrors() {
        assertUsageError(Cli.run("sign", "--key", EC_KEY, "--claims", "{\"exp\":\"soon\"}"),
                "error: claims: claim \"exp\" must be a NumericDate (a JSON number, RFC 7519 §2)");
        assertUsageError(Cli.run("sign", "--key", EC_KEY, "--claim", "aud=5"),
                "error: claims: claim \"aud\" must be a string or an array of strings (RFC 7519 §4.1.3)");
    }

    @Test
    void claimWithoutNameOrEqualsIsAUsageError() {
        assertUsageError(Cli.run("sign", "--key", EC_KEY, "--claim", "novalue"),
                "error: --claim novalue: expected NAME=VALUE");
        assertUsageError(Cli.run("sign", "--key", EC_KEY, "--claim", "=v"), "error: --claim =v: expected NAME=VALUE");
    }

    @Test
    void algContradictingTheKeysAlgIsAUsageError(@TempDir Path dir) {
        String key = Fixtures.write(dir, "es256.json", assertSuccess(Cli.run("keygen", "--alg", "ES256")).out());
        assertUsageError(Cli.run("sign", "--key", key, "--alg", "ES384"), "error: --alg ES384: the key is bound to ES256");
        assertUsageError(Cli.run("sign", "--key", key, "--alg", "HS256"), "error: --alg HS256: the key is bound to ES256");
    }

    @Test
    void algThatDoesNotFitTheKeyTypeIsAUsageError() {
        assertUsageErrorStartingWith(Cli.run("sign", "--key", EC_KEY, "--alg", "RS256"),
                "error: --key " + EC_KEY + ": cannot sign with this key: RS256 does not fit ");
        assertUsageErrorStartingWith(Cli.run("sign", "--key", EC_KEY, "--alg", "ES384"),
                "error: --key " + EC_KEY + ": cannot sign with this key: ES384 does not fit ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "None", "HS257", "RSA-OAEP"})
    void algThatIsNoJwsAlgorithmIsAUsageError(String alg) {
        assertUsageError(Cli.run("sign", "--key", EC_KEY, "--alg", alg), "error: --alg " + alg + ": not a JWS algorithm");
    }

    @Test
    void weakHmacKeyIsAUsageError(@TempDir Path dir) {
        String k16 = Fixtures.write(dir, "k16.json", "{\"kty\":\"oct\",\"k\":\"c2VjcmV0LXNlY3JldC1zZWM\"}");
        assertUsageError(Cli.run("sign", "--key", k16), "error: --key " + k16
                + ": cannot sign with this key: WEAK_KEY: HS256 needs a key of at least 32 bytes (RFC 7518 §3.2)");
        String k32 = Fixtures.write(dir, "k32.json", "{\"kty\":\"oct\",\"k\":\"c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3I\"}");
        assertUsageError(Cli.run("sign", "--key", k32, "--alg", "HS512"), "error: --key " + k32
                + ": cannot sign with this key: WEAK_KEY: HS512 needs a key of at least 64 bytes (RFC 7518 §3.2)");
    }

    @Test
    void keyAgreementAndEncryptionKeysCannotSign(@TempDir Path dir) {
        String x25519 = Fixtures.key("x25519-pkcs8.pem");
        assertUsageError(Cli.run("sign", "--key", x25519), "error: --key " + x25519
                + ": cannot sign with this key: X25519 keys are for key agreement, not signatures");
        String enc = Fixtures.write(dir, "enc.json", assertSuccess(Cli.run("jwk", "from-pem", "--alg", "ES256",
                "--use", "enc", Fixtures.key("ec-p256-pkcs8.pem"))).out());
        assertUsageError(Cli.run("sign", "--key", enc),
                "error: --key " + enc + ": cannot sign with this key: the key's \"use\" is enc, not sig");
    }

    @Test
    void aJwkSetNeedsKidToChooseAKey() {
        String set = Fixtures.key("private.jwks.json");
        assertUsageError(Cli.run("sign", "--key", set), "error: --key " + set + ": 3 keys; choose one with --kid");
        assertUsageError(Cli.run("sign", "--key", set, "--kid", "nope"), "error: --key " + set + ": no key with kid nope");
    }

    @Test
    void unreadableKeyFileIsAUsageError(@TempDir Path dir) {
        String missing = dir.resolve("nope.pem").toString();
        assertUsageError(Cli.run("sign", "--key", missing), "error: --key " + missing + ": no such file");
        assertUsageError(Cli.run("sign", "--key", Fixtures.key("rsa-1024-pkcs8.pem")), "error: --key "
                + Fixtures.key("rsa-1024-pkcs8.pem")
                + ": unusable key: WEAK_KEY: RSA modulus of 1024 bits is below the minimum of 2048 (RFC 7518 §3.3)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--exp | 15x    | error: --exp 15x: expected a number and a unit s, m, h or d (e.g. 15m)",
        "--exp | 15     | error: --exp 15: expected a number and a unit s, m, h or d (e.g. 15m)",
        "--exp | 1.5h   | error: --exp 1.5h: expected a number and a unit s, m, h or d (e.g. 15m)",
        "--nbf | m      | error: --nbf m: expected a number and a unit s, m, h or d (e.g. 15m)",
        "--exp | 99999999d | error: --exp 99999999d: the time would be +275816-11-11T12:00:00Z, outside 1970..9999",
        "--nbf | -99999d   | error: --nbf -99999d: the time would be 1752-05-17T12:00:00Z, outside 1970..9999",
    })
    void badDurationsAreUsageErrors(String option, String value, String error) {
        assertUsageError(Cli.run("sign", "--key", EC_KEY, option, value), error);
    }
}
