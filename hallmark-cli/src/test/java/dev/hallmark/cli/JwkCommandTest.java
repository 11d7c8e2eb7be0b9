package dev.hallmark.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.hallmark.cli.CliAssertions.assertSuccess;
import static dev.hallmark.cli.CliAssertions.assertUsageError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code hallmark jwk public|thumbprint|from-pem|to-pem} with keys in every supported file format. Expected values
 * come from the openssl-made fixtures (keys/README.md), not from the code under test.
 */
class JwkCommandTest {

    private static final List<String> PRIVATE_MEMBERS = List.of("d", "p", "q", "dp", "dq", "qi", "k", "oth");


    // ---- thumbprint

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "rsa-2048-pkcs8.pem, rsa-2048", "rsa-2048-pkcs1.pem, rsa-2048", "rsa-2048-pkcs1-public.pem, rsa-2048",
        "rsa-2048-spki.pem, rsa-2048", "rsa-2048-cert.pem, rsa-2048", "rsa-2048.jwk.json, rsa-2048",
        "rsa-2048.public.jwk.json, rsa-2048",
        "ec-p256-pkcs8.pem, ec-p256", "ec-p256-sec1.pem, ec-p256", "ec-p256-spki.pem, ec-p256",
        "ec-p256-cert.pem, ec-p256", "ec-p256.jwk.json, ec-p256", "ec-p256.public.jwk.json, ec-p256",
        "ec-p384-pkcs8.pem, ec-p384", "ec-p384-sec1.pem, ec-p384", "ec-p384.jwk.json, ec-p384",
        "ec-p521-pkcs8.pem, ec-p521", "ec-p521-sec1.pem, ec-p521", "ec-p521.jwk.json, ec-p521",
        "ed25519-pkcs8.pem, ed25519", "ed25519-spki.pem, ed25519", "ed25519-cert.pem, ed25519",
        "ed25519.jwk.json, ed25519", "ed25519.public.jwk.json, ed25519",
        "ed448-pkcs8.pem, ed448", "ed448-spki.pem, ed448", "ed448.jwk.json, ed448",
        "x25519-pkcs8.pem, x25519", "x25519-spki.pem, x25519", "x25519.jwk.json, x25519",
        "x448-pkcs8.pem, x448", "x448-spki.pem, x448", "x448.public.jwk.json, x448"})
    void thumbprintIsTheSameInEveryFileFormat(String file, String key) {
        Cli.Result r = assertSuccess(Cli.run("jwk", "thumbprint", Fixtures.key(file)));
        assertThat(r.outLine()).isEqualTo(Fixtures.thumbprint(key));
        Cli.Result uri = assertSuccess(Cli.run("jwk", "thumbprint", "--uri", Fixtures.key(file)));
        assertThat(uri.outLine()).isEqualTo("urn:ietf:params:oauth:jwk-thumbprint:sha-256:" + Fixtures.thumbprint(key));
    }

    @Test
    void thumbprintOfTheRfc7638ExampleKey() {
        // RFC 7638 §3.1; RFC 9278 §4 gives the URI of the same key.
        String file = Fixtures.key("rfc7638-rsa.jwk.json");
        assertThat(assertSuccess(Cli.run("jwk", "thumbprint", file)).outLine())
                .isEqualTo("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs");
        assertThat(assertSuccess(Cli.run("jwk", "thumbprint", "--uri", file)).outLine())
                .isEqualTo("urn:ietf:params:oauth:jwk-thumbprint:sha-256:NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs");
    }

    @Test
    void thumbprintOfAJwkSetIsOneLinePerKeyInFileOrder() {
        Cli.Result r = assertSuccess(Cli.run("jwk", "thumbprint", Fixtures.key("public.jwks.json")));
        assertThat(r.outLines()).containsExactly(Fixtures.thumbprint("rsa-2048"), Fixtures.thumbprint("ec-p256"),
                Fixtures.thumbprint("ed25519"));
    }

    @Test
    void thumbprintOfASymmetricKey(@TempDir Path dir) {
        String jwk = "{\"kty\":\"oct\",\"k\":\"AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow\"}";
        String key = Fixtures.write(dir, "k.json", jwk);
        assertThat(assertSuccess(Cli.run("jwk", "thumbprint", key)).outLine())
                .isEqualTo(Rfc7638.thumbprint(Json.object(jwk)));
    }

    @Test
    void thumbprintReadsStdinWithDashOrWithoutAFile() {
        String jwk = Fixtures.text("ec-p256.jwk.json");
        assertThat(assertSuccess(Cli.withStdin(jwk).exec("jwk", "thumbprint", "-")).outLine())
                .isEqualTo(Fixtures.thumbprint("ec-p256"));
        assertThat(assertSuccess(Cli.withStdin(jwk).exec("jwk", "thumbprint")).outLine())
                .isEqualTo(Fixtures.thumbprint("ec-p256"));
    }

    // ---- public

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "rsa-2048-pkcs8.pem, rsa-2048", "rsa-2048-pkcs1.pem, rsa-2048", "rsa-2048-pkcs1-public.pem, rsa-2048",
        "rsa-2048-spki.pem, rsa-2048", "rsa-2048.jwk.json, rsa-2048", "rsa-2048.public.jwk.json, rsa-2048",
        "ec-p256-pkcs8.pem, ec-p256", "ec-p256-sec1.pem, ec-p256", "ec-p256-spki.pem, ec-p256",
        "ec-p256.jwk.json, ec-p256", "ec-p384-sec1.pem, ec-p384", "ec-p521-sec1.pem, ec-p521",
        "ed25519-pkcs8.pem, ed25519", "ed25519.jwk.json, ed25519", "ed448-pkcs8.pem, ed448",
        "x25519-pkcs8.pem, x25519", "x448.jwk.json, x448"})
    void publicPrintsThePublicJwkAndNoPrivateMember(String file, String key) {
        String line = assertSuccess(Cli.run("jwk", "public", Fixtures.key(file))).outLine();
        Map<String, Object> jwk = Json.object(line);
        assertThat(jwk).isEqualTo(Json.object(Fixtures.text(key + ".public.jwk.json")));
        assertThat(jwk).doesNotContainKeys(PRIVATE_MEMBERS.toArray(String[]::new));
    }

    @ParameterizedTest
    @ValueSource(strings = {"rsa-2048-cert.pem", "ec-p256-cert.pem", "ed25519-cert.pem"})
    void publicOfACertificateKeepsTheChainAsX5c(String file) {
        Map<String, Object> jwk = Json.object(assertSuccess(Cli.run("jwk", "public", Fixtures.key(file))).outLine());
        assertThat(jwk).doesNotContainKeys(PRIVATE_MEMBERS.toArray(String[]::new));
        assertThat(jwk.get("x5c")).isEqualTo(List.of(pemBody(Fixtures.text(file))));
    }

    @Test
    void publicOfAJwkSetIsAPublicJwkSetWithTheKids() {
        String line = assertSuccess(Cli.run("jwk", "public", Fixtures.key("private.jwks.json"))).outLine();
        assertThat(line).doesNotContain("\"d\"", "\"p\"", "\"q\"", "\"dp\"", "\"dq\"", "\"qi\"", "\"k\"");
        assertThat(Json.object(line)).isEqualTo(Json.object(Fixtures.text("public.jwks.json")));
    }

    @Test
    void publicOfAJwkSetLeavesSymmetricKeysOut(@TempDir Path dir) {
        Map<String, Object> ec = Json.object(Fixtures.text("ec-p256.jwk.json"));
        String set = "{\"keys\":[{\"kty\":\"oct\",\"k\":\"c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3JldA\"},"
                + Fixtures.text("ec-p256.jwk.json") + "]}";
        String line = assertSuccess(Cli.run("jwk", "public", Fixtures.write(dir, "set.json", set))).outLine();
        assertThat(line).doesNotContain("\"k\"", "\"d\"");
        ec.remove("d");
        assertThat(Json.object(line)).isEqualTo(Map.of("keys", List.of(ec)));
    }

    @Test
    void publicOfASymmetricKeyIsAUsageError(@TempDir Path dir) {
        String key = Fixtures.write(dir, "oct.json", assertSuccess(Cli.run("keygen", "--alg", "HS256")).out());
        assertUsageError(Cli.run("jwk", "public", key), "error: a symmetric (oct) key has no public form");
    }

    @Test
    void publicReadsStdin() {
        String pem = Fixtures.text("ed25519-pkcs8.pem");
        Map<String, Object> expected = Json.object(Fixtures.text("ed25519.public.jwk.json"));
        assertThat(Json.object(assertSuccess(Cli.withStdin(pem).exec("jwk", "public", "-")).outLine())).isEqualTo(expected);
        assertThat(Json.object(assertSuccess(Cli.withStdin(pem).exec("jwk", "public")).outLine())).isEqualTo(expected);
    }

    // ---- from-pem

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "rsa-2048-pkcs8.pem, rsa-2048.jwk.json", "rsa-2048-pkcs1.pem, rsa-2048.jwk.json",
        "rsa-2048-pkcs1-public.pem, rsa-2048.public.jwk.json", "rsa-2048-spki.pem, rsa-2048.public.jwk.json",
        "ec-p256-pkcs8.pem, ec-p256.jwk.json", "ec-p256-sec1.pem, ec-p256.jwk.json",
        "ec-p256-spki.pem, ec-p256.public.jwk.json", "ec-p384-pkcs8.pem, ec-p384.jwk.json",
        "ec-p384-sec1.pem, ec-p384.jwk.json", "ec-p521-pkcs8.pem, ec-p521.jwk.json",
        "ec-p521-sec1.pem, ec-p521.jwk.json", "ed25519-pkcs8.pem, ed25519.jwk.json",
        "ed25519-spki.pem, ed25519.public.jwk.json", "ed448-pkcs8.pem, ed448.jwk.json",
        "ed448-spki.pem, ed448.public.jwk.json", "x25519-pkcs8.pem, x25519.jwk.json",
        "x25519-spki.pem, x25519.public.jwk.json", "x448-pkcs8.pem, x448.jwk.json",
        "x448-spki.pem, x448.public.jwk.json"})
    void fromPemGivesTheJwkOpensslSees(String pem, String jwk) {
        Cli.Result r = assertSuccess(Cli.run("jwk", "from-pem", Fixtures.key(pem)));
        assertThat(Json.object(r.outLine())).isEqualTo(Json.object(Fixtures.text(jwk)));
    }

    @ParameterizedTest
    @CsvSource({"rsa-2048-cert.pem, rsa-2048", "ec-p256-cert.pem, ec-p256", "ed25519-cert.pem, ed25519"})
    void fromPemOfACertificateGivesThePublicKeyWithX5c(String pem, String key) {
        Map<String, Object> jwk = Json.object(assertSuccess(Cli.run("jwk", "from-pem", Fixtures.key(pem))).outLine());
        assertThat(jwk.remove("x5c")).isEqualTo(List.of(pemBody(Fixtures.text(pem))));
        assertThat(jwk).isEqualTo(Json.object(Fixtures.text(key + ".public.jwk.json")));
    }

    @Test
    void fromPemAddsKidAlgAndUse() {
        Cli.Result r = assertSuccess(Cli.run("jwk", "from-pem", "--kid", "k1", "--alg", "ES256", "--use", "sig",
                Fixtures.key("ec-p256-sec1.pem")));
        Map<String, Object> expected = new LinkedHashMap<>(Json.object(Fixtures.text("ec-p256.jwk.json")));
        expected.put("kid", "k1");
        expected.put("use", "sig");
        expected.put("alg", "ES256");
        assertThat(Json.object(r.outLine())).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "rsa-2048-pkcs8.pem, PS512", "rsa-2048-pkcs8.pem, RSA-OAEP-256", "ec-p256-pkcs8.pem, ES256",
        "ec-p256-pkcs8.pem, ECDH-ES+A128KW", "ec-p521-sec1.pem, ES512", "ed25519-pkcs8.pem, EdDSA",
        "ed448-spki.pem, EdDSA", "x25519-pkcs8.pem, ECDH-ES", "x448-spki.pem, ECDH-ES+A256KW"})
    void fromPemAcceptsAnAlgorithmThatFitsTheKey(String pem, String alg) {
        Cli.Result r = assertSuccess(Cli.run("jwk", "from-pem", "--alg", alg, Fixtures.key(pem)));
        assertThat(Json.object(r.outLine()).get("alg")).isEqualTo(alg);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "ec-p256-pkcs8.pem, HS256, EC P-256", "ec-p256-pkcs8.pem, ES384, EC P-256", "ec-p256-pkcs8.pem, RS256, EC P-256",
        "ec-p256-pkcs8.pem, RSA-OAEP, EC P-256", "rsa-2048-spki.pem, ES256, RSA", "rsa-2048-spki.pem, A256KW, RSA",
        "rsa-2048-spki.pem, EdDSA, RSA", "x25519-pkcs8.pem, EdDSA, OKP X25519", "ed25519-pkcs8.pem, ECDH-ES, OKP Ed25519",
        "ed25519-pkcs8.pem, XX99, OKP Ed25519"})
    void fromPemRefusesAnAlgorithmTheKeyCannotServe(String pem, String alg, String key) {
        assertUsageError(Cli.run("jwk", "from-pem", "--alg", alg, Fixtures.key(pem)),
                "error: --alg " + alg + ": does not fit this " + key + " key");
    }

    @Test
    void fromPemRefusesAUseOtherThanSigOrEnc() {
        assertUsageError(Cli.run("jwk", "from-pem", "--use", "signing", Fixtures.key("ec-p256-pkcs8.pem")),
                "error: --use signing: expected sig or enc");
    }

    @Test
    void fromPemReadsStdin() {
        String pem = Fixtures.text("rsa-2048-pkcs1.pem");
        Map<String, Object> expected = Json.object(Fixtures.text("rsa-2048.jwk.json"));
        assertThat(Json.object(assertSuccess(Cli.withStdin(pem).exec("jwk", "from-pem", "-")).outLine())).isEqualTo(expected);
        assertThat(Json.object(assertSuccess(Cli.withStdin(pem).exec("jwk", "from-pem")).outLine())).isEqualTo(expected);
    }

    @Test
    void fromPemOfASetNeedsOneKey() {
        assertUsageError(Cli.run("jwk", "from-pem", Fixtures.key("public.jwks.json")),
                "error: jwk from-pem: 3 keys; choose one with --kid");
    }

    // ---- to-pem

    /** JDK and openssl write the same PKCS#8 DER for these key types (EC differs: openssl adds the public point). */
    @ParameterizedTest
    @ValueSource(strings = {"rsa-2048", "ed25519", "ed448", "x25519", "x448"})
    void toPemOfAPrivateJwkIsTheOpensslPkcs8(String key) {
        Cli.Result r = assertSuccess(Cli.run("jwk", "to-pem", Fixtures.key(key + ".jwk.json")));
        assertThat(r.out()).isEqualTo(Fixtures.text(key + "-pkcs8.pem"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ec-p256", "ec-p384", "ec-p521"})
    void toPemOfAPrivateEcJwkReadsBackAsTheSameKey(String key) {
        Cli.Result r = assertSuccess(Cli.run("jwk", "to-pem", Fixtures.key(key + ".jwk.json")));
        assertThat(r.outLines().get(0)).isEqualTo("-----BEGIN PRIVATE KEY-----");
        Cli.Result back = assertSuccess(Cli.withStdin(r.out()).exec("jwk", "from-pem", "-"));
        assertThat(Json.object(back.outLine())).isEqualTo(Json.object(Fixtures.text(key + ".jwk.json")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"rsa-2048", "ec-p256", "ed25519", "ed448", "x25519", "x448"})
    void toPemPublicIsTheOpensslSpki(String key) {
        String spki = Fixtures.text(key + "-spki.pem");
        assertThat(assertSuccess(Cli.run("jwk", "to-pem", "--public", Fixtures.key(key + ".jwk.json"))).out())
                .isEqualTo(spki);
        assertThat(assertSuccess(Cli.run("jwk", "to-pem", Fixtures.key(key + ".public.jwk.json"))).out())
                .as("a public JWK becomes SPKI without --public").isEqualTo(spki);
    }

    @Test
    void toPemPicksAKeyOfASetByKid() {
        assertThat(assertSuccess(Cli.run("jwk", "to-pem", "--kid", "rsa-2048", Fixtures.key("private.jwks.json"))).out())
                .isEqualTo(Fixtures.text("rsa-2048-pkcs8.pem"));
        assertThat(assertSuccess(Cli.run("jwk", "to-pem", "--public", "--kid", "ed25519",
                Fixtures.key("private.jwks.json"))).out()).isEqualTo(Fixtures.text("ed25519-spki.pem"));
    }

    @Test
    void toPemOfASetWithoutKidOrWithAnUnknownKidIsAUsageError() {
        assertUsageError(Cli.run("jwk", "to-pem", Fixtures.key("private.jwks.json")),
                "error: jwk to-pem: 3 keys; choose one with --kid");
        assertUsageError(Cli.run("jwk", "to-pem", "--kid", "nope", Fixtures.key("private.jwks.json")),
                "error: jwk to-pem: no key with kid nope");
    }

    @Test
    void toPemOfASymmetricKeyIsAUsageError(@TempDir Path dir) {
        String key = Fixtures.write(dir, "oct.json", assertSuccess(Cli.run("keygen", "--alg", "A256KW")).out());
        assertUsageError(Cli.run("jwk", "to-pem", key), "error: a symmetric (oct) key has no PEM form");
    }

    @Test
    void toPemReadsStdin() {
        Cli.Result r = assertSuccess(Cli.withStdin(Fixtures.text("ed25519.jwk.json")).exec("jwk", "to-pem", "--public", "-"));
        assertThat(r.out()).isEqualTo(Fixtures.text("ed25519-spki.pem"));
    }

    // ---- unusable input

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"public", "thumbprint", "from-pem", "to-pem"})
    void unusableKeyFilesAreUsageErrorsNamingTheFile(String sub, @TempDir Path dir) {
        String missing = dir.resolve("missing.json").toString();
        assertUsageError(Cli.run("jwk", sub, missing), "error: jwk " + sub + " " + missing + ": no such file");

        String garbage = Fixtures.write(dir, "garbage.txt", "hello\n");
        assertUsageError(Cli.run("jwk", sub, garbage),
                "error: jwk " + sub + " " + garbage + ": not a JWK, a JWK Set or a PEM key");

        String broken = Fixtures.write(dir, "broken.json", "{\"kty\":\"EC\",");
        assertThat(Cli.run("jwk", sub, broken)).satisfies(r -> CliAssertions.assertUsageErrorStartingWith(r,
                "error: jwk " + sub + " " + broken + ": not valid JSON: "));

        String incomplete = Fixtures.write(dir, "incomplete.json", "{\"kty\":\"EC\",\"crv\":\"P-256\"}");
        assertUsageError(Cli.run("jwk", sub, incomplete),
                "error: jwk " + sub + " " + incomplete + ": unusable key: MALFORMED: JWK is missing the member \"x\"");

        String weak = Fixtures.key("rsa-1024-pkcs8.pem");
        assertUsageError(Cli.run("jwk", sub, weak), "error: jwk " + sub + " " + weak
                + ": unusable key: WEAK_KEY: RSA modulus of 1024 bits is below the minimum of 2048 (RFC 7518 §3.3)");

        String encrypted = Fixtures.key("ec-p256-encrypted.pem");
        assertUsageError(Cli.run("jwk", sub, encrypted), "error: jwk " + sub + " " + encrypted
                + ": unusable key: MALFORMED: encrypted PEM private keys are not supported; decrypt with openssl pkcs8 first");

        String empty = Fixtures.write(dir, "empty.json", "{\"keys\":[{\"kty\":\"XX\"}]}");
        assertUsageError(Cli.run("jwk", sub, empty), "error: jwk " + sub + " " + empty
                + ": the JWK Set has no usable key (keys[0]: MALFORMED: JWK has unsupported \"kty\" \"XX\" (RFC 7517 §4.1))");

        assertUsageError(Cli.withStdin("").exec("jwk", sub, "-"),
                "error: jwk " + sub + " (stdin): not a JWK, a JWK Set or a PEM key");
    }

    @Test
    void jwkAloneShowsItsUsageAndIsAUsageError() {
        Cli.Result r = Cli.run("jwk");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.errLines()).startsWith("Usage: hallmark jwk [-hV] [--stacktrace] [COMMAND]");
    }

    /** The base64 DER of the single block of a PEM file, as x5c carries it. */
    private static String pemBody(String pem) {
        return pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    }
}
