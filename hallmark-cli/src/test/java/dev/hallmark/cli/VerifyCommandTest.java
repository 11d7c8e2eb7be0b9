package dev.hallmark.cli;

import dev.hallmark.jwk.Jwk;
import dev.hallmark.jws.JwsHeader;
import dev.hallmark.jws.JwsSigner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static dev.hallmark.cli.CliAssertions.assertRejected;
import static dev.hallmark.cli.CliAssertions.assertSuccess;
import static dev.hallmark.cli.CliAssertions.assertUsageError;
import static dev.hallmark.cli.CliAssertions.assertUsageErrorStartingWith;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code hallmark verify} of single tokens: success output, the options, and one test per reason code reachable
 * from verify, each asserting exit 1 and the exact stderr line. Not reachable from verify: DECRYPTION_FAILED (no
 * JWE here) and REVOKED (the command has no revocation list). Batch mode is in {@link VerifyBatchTest}, JWK Set URLs
 * in {@link VerifyJwksUrlTest}.
 */
class VerifyCommandTest {

    private static final long NOW = Cli.NOW.getEpochSecond();
    private static final String EC_PRIVATE = Fixtures.key("ec-p256.jwk.json");
    private static final String EC_PUBLIC = Fixtures.key("ec-p256.public.jwk.json");

    /** A token signed by the P-256 fixture key at the fixed clock. */
    static String ecToken(String... options) {
        List<String> args = new ArrayList<>(List.of("sign", "--key", EC_PRIVATE));
        args.addAll(List.of(options));
        return assertSuccess(Cli.run(args.toArray(String[]::new))).outLine();
    }

    private static Cli.Result verify(String... args) {
        List<String> argv = new ArrayList<>(List.of("verify"));
        argv.addAll(List.of(args));
        return Cli.run(argv.toArray(String[]::new));
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    // ---- success

    @Test
    void validTokenPrintsItsPayloadJsonOnOneLine() {
        String token = ecToken("--iss", "https://auth.example.com", "--sub", "alice", "--aud", "api", "--exp", "15m",
                "--claim", "roles=[\"admin\"]");
        Cli.Result r = assertSuccess(verify("--key", EC_PUBLIC, "--iss", "https://auth.example.com", "--aud", "api",
                token));
        assertThat(r.out()).isEqualTo("{\"iat\":" + NOW + ",\"iss\":\"https://auth.example.com\",\"sub\":\"alice\","
                + "\"aud\":\"api\",\"exp\":" + (NOW + 900) + ",\"roles\":[\"admin\"]}\n");
    }

    @Test
    void aPrivateKeyFileVerifiesThroughItsPublicHalf() {
        assertSuccess(verify("--key", EC_PRIVATE, ecToken()));
        assertSuccess(verify("--key", Fixtures.key("ec-p256-sec1.pem"), ecToken()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ec-p256-spki.pem", "ec-p256-cert.pem", "ec-p256-pkcs8.pem", "public.jwks.json"})
    void everyKeyFileFormatVerifies(String file) {
        assertSuccess(verify("--key", Fixtures.key(file), ecToken()));
    }

    @Test
    void jwksFileSelectsTheKeyByKid() {
        String token = assertSuccess(Cli.run("sign", "--key", Fixtures.key("private.jwks.json"), "--kid", "rsa-2048",
                "--sub", "s")).outLine();
        assertThat(assertSuccess(verify("--jwks", Fixtures.key("public.jwks.json"), token)).outLine())
                .isEqualTo("{\"iat\":" + NOW + ",\"sub\":\"s\"}");
    }

    @Test
    void tokenFromAFileWithItsTrailingNewlineTrimmed(@TempDir Path dir) {
        String token = ecToken("--sub", "file");
        for (String ending : List.of("", "\n", "\r\n")) {
            String file = Fixtures.write(dir, "token.txt", token + ending);
            assertThat(assertSuccess(verify("--key", EC_PUBLIC, "@" + file)).outLine())
                    .isEqualTo("{\"iat\":" + NOW + ",\"sub\":\"file\"}");
        }
    }

    @Test
    void onlyOneTrailingNewlineIsTrimmed(@TempDir Path dir) {
        String file = Fixtures.write(dir, "token.txt", ecToken() + "\n\n");
        assertRejected(verify("--key", EC_PUBLIC, "@" + file), "MALFORMED");
    }

    @Test
    void missingTokenFileIsAUsageError(@TempDir Path dir) {
        String missing = dir.resolve("nope.txt").toString();
        assertUsageError(verify("--key", EC_PUBLIC, "@" + missing), "error: TOKEN " + missing + ": no such file");
    }

    @Test
    void algRepeatedAllowsEachNamedAlgorithm() {
        String rsa = Fixtures.key("rsa-2048-pkcs8.pem");
        String ps384 = assertSuccess(Cli.run("sign", "--key", rsa, "--alg", "PS384")).outLine();
        String rs256 = assertSuccess(Cli.run("sign", "--key", rsa)).outLine();
        String rs512 = assertSuccess(Cli.run("sign", "--key", rsa, "--alg", "RS512")).outLine();
        String spki = Fixtures.key("rsa-2048-spki.pem");
        assertSuccess(verify("--key", spki, "--alg", "PS384", "--alg", "RS256", ps384));
        assertSuccess(verify("--key", spki, "--alg", "PS384", "--alg", "RS256", rs256));
        // The order of the list comes from hallmark-core's AlgorithmPolicy, which keeps a Set.copyOf: its iteration
        // order changes from one JVM run to the next, so either order is accepted here (reported as a core finding).
        Cli.Result r = verify("--key", spki, "--alg", "PS384", "--alg", "RS256", rs512);
        assertRejected(r, "ALG_NOT_ALLOWED");
        assertThat(r.errLines().get(0)).matches(java.util.regex.Pattern.quote(
                "rejected: ALG_NOT_ALLOWED: \"alg\" RS512 is not allowed by AlgorithmPolicy[")
                + "(RS256, PS384|PS384, RS256)\\]");
    }

    @Test
    void withoutAlgAKeyWithoutAlgAcceptsWhatFitsItsType() {
        // An RSA key without "alg" verifies RS* and PS* tokens; the type decides, the header only picks among them.
        String rsa = Fixtures.key("rsa-2048-pkcs8.pem");
        for (String alg : List.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512")) {
            String token = assertSuccess(Cli.run("sign", "--key", rsa, "--alg", alg)).outLine();
            assertSuccess(verify("--key", Fixtures.key("rsa-2048-cert.pem"), token));
        }
    }

    @Test
    void leewayAcceptsAnExpiredTokenWithinIt() {
        String token = ecToken("--exp", "-1m");
        assertSuccess(verify("--key", EC_PUBLIC, "--leeway", "61s", token));
        assertSuccess(verify("--key", EC_PUBLIC, "--leeway", "10m", token));
        // exp + leeway == now is already expired (RFC 7519 §4.1.4: "on or after").
        assertThat(verify("--key", EC_PUBLIC, "--leeway", "1m", token).errLines())
                .containsExactly("rejected: EXPIRED: token is past its \"exp\" even with the leeway of PT1M (RFC 7519 §4.1.4)");
    }

    @Test
    void leewayAcceptsATokenNotYetValidWithinIt() {
        String token = ecToken("--nbf", "5m");
        assertSuccess(verify("--key", EC_PUBLIC, "--leeway", "5m", token));
        assertRejected(verify("--key", EC_PUBLIC, "--leeway", "4m", token), "NOT_YET_VALID");
    }

    @Test
    void expAndNbfAreCheckedAgainstTheClockWhenPresent() {
        String token = ecToken("--nbf", "0s", "--exp", "1h");
        assertSuccess(Cli.cli().at(Cli.NOW.plus(Duration.ofMinutes(59))).exec("verify", "--key", EC_PUBLIC, token));
        assertRejected(Cli.cli().at(Cli.NOW.plus(Duration.ofHours(1))).exec("verify", "--key", EC_PUBLIC, token),
                "EXPIRED");
        assertRejected(Cli.cli().at(Cli.NOW.minusSeconds(1)).exec("verify", "--key", EC_PUBLIC, token), "NOT_YET_VALID");
    }

    @Test
    void tokenWithoutExpIsAcceptedUnlessExpIsRequired() {
        String token = ecToken();
        assertSuccess(verify("--key", EC_PUBLIC, token));
        assertThat(verify("--key", EC_PUBLIC, "--require", "exp", token).errLines()).containsExactly(
                "rejected: MISSING_CLAIM: claim \"exp\" is required");
    }

    @Test
    void typAcceptsTheSameMediaTypeInAnySpelling() {
        String token = ecToken("--typ", "application/AT+JWT");
        assertSuccess(verify("--key", EC_PUBLIC, "--typ", "at+jwt", token));
    }

    // ---- one test per reason code

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "a.b", "a.b.c.d", "!!!.e30.", "e30.e30.", "bm90IGpzb24.e30.AAAA", "eyJhbGciOiJFUzI1NiJ9.e30.AA=="})
    void malformed(String token) {
        assertRejected(verify("--key", EC_PUBLIC, token), "MALFORMED");
    }

    @Test
    void malformedExactLine() {
        assertThat(verify("--key", EC_PUBLIC, "garbage").errLines()).containsExactly("rejected: MALFORMED: a compact JWS "
                + "has exactly three parts separated by two dots, this token has 0 dots (RFC 7515 §7.1)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "None", "NONE", "nOnE"})
    void algNoneIsNeverAllowed(String none) {
        String token = b64("{\"alg\":\"" + none + "\",\"typ\":\"JWT\"}") + "." + b64("{\"sub\":\"admin\"}") + ".";
        assertThat(verify("--key", EC_PUBLIC, token).errLines()).containsExactly("rejected: ALG_NOT_ALLOWED: \"alg\" \""
                + none + "\": unsecured JWS is never accepted (RFC 8725 §3.2)");
        assertThat(verify("--key", EC_PUBLIC, "--alg", "ES256", token).errLines()).containsExactly(
                "rejected: ALG_NOT_ALLOWED: \"alg\" \"" + none + "\": unsecured JWS is never accepted (RFC 8725 §3.2)");
    }

    @Test
    void algNotInTheAllowedList() {
        assertThat(verify("--key", EC_PUBLIC, "--alg", "RS256", ecToken()).errLines()).containsExactly(
                "rejected: ALG_NOT_ALLOWED: \"alg\" ES256 is not allowed by AlgorithmPolicy[RS256]");
    }

    @Test
    void algBoundByTheKeyIsStrict(@TempDir Path dir) {
        String ps256 = Fixtures.write(dir, "ps256.json", assertSuccess(Cli.run("jwk", "from-pem", "--alg", "PS256",
                Fixtures.key("rsa-2048-spki.pem"))).out());
        String ps384Token = assertSuccess(Cli.run("sign", "--key", Fixtures.key("rsa-2048-pkcs8.pem"), "--alg",
                "PS384")).outLine();
        assertThat(verify("--key", ps256, ps384Token).errLines()).containsExactly(
                "rejected: ALG_NOT_ALLOWED: \"alg\" PS384 fits none of the trusted keys");
    }

    @Test
    void hmacTokenIsNeverCheckedWithAnAsymmetricKey() {
        // The classic confusion: an HS256 token "signed" with the public key's bytes; the header must not choose HMAC.
        String spki = Fixtures.text("rsa-2048-spki.pem");
        String forged = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + b64("{\"sub\":\"admin\"}") + "."
                + hmac(spki.getBytes(StandardCharsets.US_ASCII),
                b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + b64("{\"sub\":\"admin\"}"));
        assertThat(verify("--key", Fixtures.key("rsa-2048-spki.pem"), forged).errLines()).containsExactly(
                "rejected: ALG_NOT_ALLOWED: \"alg\" HS256 fits none of the trusted keys");
        assertThat(verify("--key", Fixtures.key("rsa-2048-spki.pem"), "--alg", "HS256", forged).errLines())
                .containsExactly("rejected: ALG_NOT_ALLOWED: \"alg\" HS256 fits none of the trusted keys");
    }

    private static String hmac(byte[] key, String input) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void keyNotFoundForAnUnknownKid() {
        String token = ecToken("--kid", "unknown-kid");
        assertThat(verify("--jwks", Fixtures.key("public.jwks.json"), token).errLines()).containsExactly(
                "rejected: KEY_NOT_FOUND: no trusted key has kid \"unknown-kid\"");
    }

    @Test
    void keyNotFoundWhenTheOnlyKeyIsForEncryption(@TempDir Path dir) {
        String enc = Fixtures.write(dir, "enc.json", assertSuccess(Cli.run("jwk", "from-pem", "--use", "enc",
                Fixtures.key("ec-p256-spki.pem"))).out());
        assertThat(verify("--key", enc, ecToken()).errLines()).containsExactly(
                "rejected: KEY_NOT_FOUND: no trusted key is available");
    }

    @Test
    void badSignatureWhenThePayloadWasSwapped() {
        String[] alice = ecToken("--sub", "alice").split("\\.");
        String[] admin = ecToken("--sub", "admin").split("\\.");
        String forged = alice[0] + "." + admin[1] + "." + alice[2];
        assertThat(verify("--key", EC_PUBLIC, forged).errLines()).containsExactly(
                "rejected: BAD_SIGNATURE: signature does not verify with the trusted key");
    }

    @Test
    void badSignatureWithAnotherKeyOfTheSameType(@TempDir Path dir) {
        String other = Fixtures.write(dir, "other.json", assertSuccess(Cli.run("keygen", "--alg", "ES256")).out());
        String token = assertSuccess(Cli.run("sign", "--key", other, "--kid", "x")).outLine();
        String trusted = Fixtures.write(dir, "trusted.json", assertSuccess(Cli.run("jwk", "from-pem", "--kid", "x",
                Fixtures.key("ec-p256-spki.pem"))).out());
        assertThat(verify("--key", trusted, token).errLines()).containsExactly(
                "rejected: BAD_SIGNATURE: signature does not verify with the key with kid \"x\"");
    }

    @Test
    void badSignatureWinsOverExpired() {
        // Claims are only looked at once the signature holds (standards.md).
        String[] a = ecToken("--exp", "-1h").split("\\.");
        String[] b = ecToken("--exp", "-2h").split("\\.");
        assertRejected(verify("--key", EC_PUBLIC, a[0] + "." + b[1] + "." + a[2]), "BAD_SIGNATURE");
    }

    @Test
    void expired() {
        assertThat(verify("--key", EC_PUBLIC, ecToken("--exp", "-1m")).errLines()).containsExactly(
                "rejected: EXPIRED: token is past its \"exp\" (RFC 7519 §4.1.4)");
    }

    @Test
    void notYetValid() {
        assertThat(verify("--key", EC_PUBLIC, ecToken("--nbf", "5m")).errLines()).containsExactly(
                "rejected: NOT_YET_VALID: token is before its \"nbf\" (RFC 7519 §4.1.5)");
    }

    @Test
    void issuerMismatch() {
        assertThat(verify("--key", EC_PUBLIC, "--iss", "https://b.example", ecToken("--iss", "https://a.example"))
                .errLines()).containsExactly("rejected: ISSUER_MISMATCH: token issuer is not one of the expected issuers");
        assertThat(verify("--key", EC_PUBLIC, "--iss", "https://b.example", ecToken()).errLines()).containsExactly(
                "rejected: ISSUER_MISMATCH: token has no \"iss\" but an issuer is expected");
    }

    @Test
    void audienceMismatch() {
        String token = ecToken("--aud", "api", "--aud", "admin");
        assertSuccess(verify("--key", EC_PUBLIC, "--aud", "admin", token));
        assertThat(verify("--key", EC_PUBLIC, "--aud", "billing", token).errLines()).containsExactly(
                "rejected: AUDIENCE_MISMATCH: token audience names none of the expected audiences (RFC 7519 §4.1.3)");
        assertThat(verify("--key", EC_PUBLIC, "--aud", "billing", ecToken()).errLines()).containsExactly(
                "rejected: AUDIENCE_MISMATCH: token has no \"aud\" but an audience is expected");
    }

    @Test
    void typeMismatch() {
        assertThat(verify("--key", EC_PUBLIC, "--typ", "at+jwt", ecToken()).errLines()).containsExactly(
                "rejected: TYPE_MISMATCH: token \"typ\" is not at+jwt (RFC 8725 §3.11)");
    }

    @Test
    void missingClaimViaRequire() {
        String token = ecToken("--sub", "alice");
        assertSuccess(verify("--key", EC_PUBLIC, "--require", "sub", "--require", "iat", token));
        assertThat(verify("--key", EC_PUBLIC, "--require", "sub", "--require", "jti", token).errLines())
                .containsExactly("rejected: MISSING_CLAIM: required claim \"jti\" is missing");
    }

    @Test
    void unsupportedCritical() {
        Jwk key = Jwk.parse(Fixtures.text("ec-p256.jwk.json"));
        String token = JwsSigner.builder(key)
                .header(JwsHeader.builder().type("JWT").criticalParameter("https://example.com/policy", "strict").build())
                .build().sign(("{\"iat\":" + NOW + "}").getBytes(StandardCharsets.UTF_8));
        assertThat(verify("--key", EC_PUBLIC, token).errLines()).containsExactly("rejected: UNSUPPORTED_CRITICAL: "
                + "critical header parameter \"https://example.com/policy\" is not understood (RFC 7515 §4.1.11)");
    }

    @Test
    void tooLarge() {
        String token = ecToken("--claim", "padding=" + "x".repeat(70_000));
        assertThat(verify("--key", EC_PUBLIC, token).errLines()).containsExactly("rejected: TOO_LARGE: token is "
                + token.length() + " bytes, over the limit of 65536");
    }

    /**
     * WEAK_KEY with exit 1: an oct key of 32 bytes without "alg" is importable (it could serve HS256), so an HS512
     * token without kid reaches the strength check, which refuses it. A key that is weak for its own "alg" is
     * refused at import instead: exit 2 (see the next test).
     */
    @Test
    void weakKeyForTheTokensAlgorithm(@TempDir Path dir) {
        byte[] secret = new byte[64];
        java.util.Arrays.fill(secret, (byte) 0x5a);
        String k64 = Fixtures.write(dir, "k64.json", "{\"kty\":\"oct\",\"k\":\""
                + Base64.getUrlEncoder().withoutPadding().encodeToString(secret) + "\"}");
        String hs512 = assertSuccess(Cli.run("sign", "--key", k64, "--alg", "HS512", "--sub", "s")).outLine();
        String k32Json = "{\"kty\":\"oct\",\"k\":\"c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3I\"}";
        String k32 = Fixtures.write(dir, "k32.json", k32Json);
        String line = "rejected: WEAK_KEY: HS512 needs a key of at least 64 bytes, the trusted key has 32 (RFC 7518 §3.2)";
        assertThat(verify("--key", k32, hs512).errLines()).containsExactly(line);
        String set = Fixtures.write(dir, "set.json", "{\"keys\":[" + k32Json + "]}");
        assertThat(verify("--jwks", set, hs512).errLines()).containsExactly(line);
        assertThat(verify("--key", k32, "--alg", "HS512", hs512).errLines()).containsExactly(line);
    }

    @Test
    void keysWeakForTheirOwnAlgAreRefusedAtImportAsUsageErrors(@TempDir Path dir) {
        String weak = Fixtures.write(dir, "weak.json",
                "{\"kty\":\"oct\",\"alg\":\"HS512\",\"k\":\"c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3I\"}");
        assertUsageError(verify("--key", weak, ecToken()), "error: --key " + weak
                + ": unusable key: WEAK_KEY: HS512 needs a key of at least 64 bytes, this one has 32 (RFC 7518 §3.2)");
        String rsa1024 = Fixtures.key("rsa-1024.public.jwk.json");
        assertUsageError(verify("--key", rsa1024, ecToken()), "error: --key " + rsa1024
                + ": unusable key: WEAK_KEY: RSA modulus of 1024 bits is below the minimum of 2048 (RFC 7518 §3.3)");
    }

    @Test
    void aJwkSetSkipsAWeakMemberWithAWarning(@TempDir Path dir) {
        String set = Fixtures.write(dir, "set.json", "{\"keys\":[" + Fixtures.text("rsa-1024.public.jwk.json") + ","
                + Fixtures.text("ec-p256.public.jwk.json") + "]}");
        Cli.Result r = verify("--jwks", set, ecToken("--sub", "s"));
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("{\"iat\":" + NOW + ",\"sub\":\"s\"}\n");
        assertThat(r.errLines()).containsExactly("warning: skipped a key: keys[0]: WEAK_KEY: "
                + "RSA modulus of 1024 bits is below the minimum of 2048 (RFC 7518 §3.3)");
    }

    // ---- usage errors

    @Test
    void keyAndJwksAreExclusiveAndOneIsRequired() {
        Cli.Result both = verify("--key", EC_PUBLIC, "--jwks", EC_PUBLIC, ecToken());
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.errLines()).containsExactly(
                "error: --key=FILE, --jwks=FILE|URL are mutually exclusive (specify only one)",
                "Try 'hallmark verify --help' for usage.");
        Cli.Result neither = verify(ecToken());
        assertThat(neither.exitCode()).isEqualTo(2);
        assertThat(neither.errLines()).containsExactly(
                "error: Missing required argument (specify one of these): (--key=FILE | --jwks=FILE|URL)",
                "Try 'hallmark verify --help' for usage.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "HS1", "es256", "RSA-OAEP"})
    void algThatIsNoJwsAlgorithmIsAUsageError(String alg) {
        assertUsageError(verify("--key", EC_PUBLIC, "--alg", alg, ecToken()), "error: --alg " + alg + ": not a JWS algorithm");
    }

    @Test
    void leewayOutOfRangeIsAUsageError() {
        assertUsageError(verify("--key", EC_PUBLIC, "--leeway", "11m", ecToken()),
                "error: --leeway 11m: must be between 0s and 10m");
        assertUsageError(verify("--key", EC_PUBLIC, "--leeway", "-1s", ecToken()),
                "error: --leeway -1s: must be between 0s and 10m");
        assertUsageError(verify("--key", EC_PUBLIC, "--leeway", "soon", ecToken()),
                "error: --leeway soon: expected a number and a unit s, m, h or d (e.g. 15m)");
    }

    @Test
    void mixedSymmetricAndAsymmetricKeysAreRefused(@TempDir Path dir) {
        String set = Fixtures.write(dir, "mixed.json", "{\"keys\":[{\"kty\":\"oct\",\"k\":"
                + "\"c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3I\"}," + Fixtures.text("ec-p256.public.jwk.json") + "]}");
        assertUsageError(verify("--jwks", set, ecToken()), "error: keys: a key source must not mix symmetric and "
                + "asymmetric keys (RFC 8725 §3.1); use two verifiers");
    }

    @Test
    void unusableKeyFilesAreUsageErrors(@TempDir Path dir) {
        String missing = dir.resolve("nope.json").toString();
        assertUsageError(verify("--key", missing, ecToken()), "error: --key " + missing + ": no such file");
        assertUsageError(verify("--jwks", missing, ecToken()), "error: --jwks " + missing + ": no such file");
        String garbage = Fixtures.write(dir, "g.txt", "not a key");
        assertUsageError(verify("--key", garbage, ecToken()),
                "error: --key " + garbage + ": not a JWK, a JWK Set or a PEM key");
        String broken = Fixtures.write(dir, "broken.json", "{\"keys\":[");
        assertUsageErrorStartingWith(verify("--jwks", broken, ecToken()), "error: --jwks " + broken + ": not valid JSON: ");
    }
}
