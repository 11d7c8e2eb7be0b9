package dev.hallmark.cli;

import dev.hallmark.jwk.Jwk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.hallmark.cli.CliAssertions.assertSuccess;
import static dev.hallmark.cli.CliAssertions.assertUsageError;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code hallmark keygen}: one private JWK per algorithm of its help, the options, and the combinations it refuses. */
class KeygenCommandTest {

    /**
     * Every algorithm the help names, with the key it must produce: kty, use, and the curve or the size (bits of
     * the RSA modulus or of the secret).
     */
    static Stream<Arguments> algorithms() {
        List<Arguments> cases = new ArrayList<>(List.of(
                Arguments.of("HS256", List.of(), "oct", "sig", "256"),
                Arguments.of("HS384", List.of(), "oct", "sig", "384"),
                Arguments.of("HS512", List.of(), "oct", "sig", "512"),
                Arguments.of("RS256", List.of(), "RSA", "sig", "2048"),
                Arguments.of("RS384", List.of(), "RSA", "sig", "2048"),
                Arguments.of("RS512", List.of(), "RSA", "sig", "2048"),
                Arguments.of("PS256", List.of(), "RSA", "sig", "2048"),
                Arguments.of("PS384", List.of(), "RSA", "sig", "2048"),
                Arguments.of("PS512", List.of(), "RSA", "sig", "2048"),
                Arguments.of("ES256", List.of(), "EC", "sig", "P-256"),
                Arguments.of("ES384", List.of(), "EC", "sig", "P-384"),
                Arguments.of("ES512", List.of(), "EC", "sig", "P-521"),
                Arguments.of("EdDSA", List.of(), "OKP", "sig", "Ed25519"),
                Arguments.of("EdDSA", List.of("--crv", "Ed25519"), "OKP", "sig", "Ed25519"),
                Arguments.of("EdDSA", List.of("--crv", "Ed448"), "OKP", "sig", "Ed448"),
                Arguments.of("RSA-OAEP", List.of(), "RSA", "enc", "2048"),
                Arguments.of("RSA-OAEP-256", List.of(), "RSA", "enc", "2048"),
                Arguments.of("A128KW", List.of(), "oct", "enc", "128"),
                Arguments.of("A192KW", List.of(), "oct", "enc", "192"),
                Arguments.of("A256KW", List.of(), "oct", "enc", "256"),
                Arguments.of("A128GCMKW", List.of(), "oct", "enc", "128"),
                Arguments.of("A192GCMKW", List.of(), "oct", "enc", "192"),
                Arguments.of("A256GCMKW", List.of(), "oct", "enc", "256"),
                Arguments.of("dir", List.of(), "oct", "enc", "256"),
                Arguments.of("dir", List.of("--size", "128"), "oct", "enc", "128"),
                Arguments.of("dir", List.of("--size", "384"), "oct", "enc", "384"),
                Arguments.of("dir", List.of("--size", "512"), "oct", "enc", "512"),
                Arguments.of("A128GCM", List.of(), "oct", "enc", "128"),
                Arguments.of("A192GCM", List.of(), "oct", "enc", "192"),
                Arguments.of("A256GCM", List.of(), "oct", "enc", "256"),
                Arguments.of("A128CBC-HS256", List.of(), "oct", "enc", "256"),
                Arguments.of("A192CBC-HS384", List.of(), "oct", "enc", "384"),
                Arguments.of("A256CBC-HS512", List.of(), "oct", "enc", "512")));
        for (String alg : List.of("ECDH-ES", "ECDH-ES+A128KW", "ECDH-ES+A192KW", "ECDH-ES+A256KW")) {
            cases.add(Arguments.of(alg, List.of(), "EC", "enc", "P-256"));
            for (String crv : List.of("P-256", "P-384", "P-521")) {
                cases.add(Arguments.of(alg, List.of("--crv", crv), "EC", "enc", crv));
            }
            for (String crv : List.of("X25519", "X448")) {
                cases.add(Arguments.of(alg, List.of("--crv", crv), "OKP", "enc", crv));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("algorithms")
    void printsOnePrivateJwkWithKtyAlgUseAndTheThumbprintAsKid(String alg, List<String> options, String kty,
                                                               String use, String curveOrBits) {
        List<String> args = new ArrayList<>(List.of("keygen", "--alg", alg));
        args.addAll(options);
        Cli.Result r = assertSuccess(Cli.run(args.toArray(String[]::new)));
        String line = r.outLine();
        Map<String, Object> jwk = Json.object(line);

        assertThat(jwk.get("kty")).isEqualTo(kty);
        assertThat(jwk.get("alg")).isEqualTo(alg);
        assertThat(jwk.get("use")).isEqualTo(use);
        assertThat(jwk.get("kid")).as("kid is the RFC 7638 thumbprint").isEqualTo(Rfc7638.thumbprint(jwk));
        switch (kty) {
            case "oct" -> assertThat(bytes(jwk, "k").length * 8).isEqualTo(Integer.parseInt(curveOrBits));
            case "RSA" -> {
                assertThat(bytes(jwk, "n").length * 8).isEqualTo(Integer.parseInt(curveOrBits));
                assertThat(jwk.keySet()).contains("e", "d", "p", "q", "dp", "dq", "qi");
            }
            default -> {
                assertThat(jwk.get("crv")).isEqualTo(curveOrBits);
                assertThat(jwk.keySet()).contains("x", "d");
            }
        }
        // The output is a key the library accepts as it is.
        assertThat(Jwk.parse(line).isPrivate()).isTrue();
    }

    private static byte[] bytes(Map<String, Object> jwk, String member) {
        return Base64.getUrlDecoder().decode((String) jwk.get(member));
    }

    @Test
    void everyRunMakesANewKey() {
        String a = assertSuccess(Cli.run("keygen", "--alg", "HS256")).outLine();
        String b = assertSuccess(Cli.run("keygen", "--alg", "HS256")).outLine();
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void kidOptionReplacesTheThumbprint() {
        Map<String, Object> jwk = Json.object(assertSuccess(
                Cli.run("keygen", "--alg", "ES256", "--kid", "2026-11")).outLine());
        assertThat(jwk.get("kid")).isEqualTo("2026-11");
    }

    @Test
    void sizeOptionSetsTheRsaModulus() {
        Map<String, Object> jwk = Json.object(assertSuccess(
                Cli.run("keygen", "--alg", "PS256", "--size", "3072")).outLine());
        assertThat(bytes(jwk, "n").length * 8).isEqualTo(3072);
    }

    @Test
    void sizeOptionLengthensAnHmacSecret() {
        Map<String, Object> jwk = Json.object(assertSuccess(
                Cli.run("keygen", "--alg", "HS256", "--size", "512")).outLine());
        assertThat(bytes(jwk, "k")).hasSize(64);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "--alg ES256 --size 256          | error: --size does not apply to ES256",
        "--alg EdDSA --size 256          | error: --size does not apply to EdDSA",
        "--alg A128KW --size 128         | error: --size does not apply to A128KW",
        "--alg HS256 --size 100          | error: --size 100: must be a multiple of 8 bits",
        "--alg HS256 --size 128          | error: HS256 needs a secret of at least 32 bytes (RFC 7518 §3.2)",
        "--alg HS512 --size 256          | error: HS512 needs a secret of at least 64 bytes (RFC 7518 §3.2)",
        "--alg RS256 --size 1024         | error: --size 1024: RSA key size must be a multiple of 8 in 2048..16384",
        "--alg RSA-OAEP --size 2049      | error: --size 2049: RSA key size must be a multiple of 8 in 2048..16384",
        "--alg dir --size 0              | error: --size 0: secret size must be in 1..1024 bytes",
        "--alg dir --size 16384          | error: --size 16384: secret size must be in 1..1024 bytes",
        "--alg RS256 --crv P-256         | error: --crv does not apply to RS256",
        "--alg HS256 --crv P-256         | error: --crv does not apply to HS256",
        "--alg A256KW --crv X25519       | error: --crv does not apply to A256KW",
        "--alg ES256 --crv P-384         | error: ES256 uses P-256, not P-384",
        "--alg ES512 --crv Ed25519       | error: ES512 uses P-521, not Ed25519",
        "--alg EdDSA --crv X25519        | error: EdDSA cannot use curve X25519",
        "--alg EdDSA --crv P-256         | error: EdDSA cannot use curve P-256",
        "--alg ECDH-ES --crv Ed25519     | error: ECDH-ES cannot use curve Ed25519",
        "--alg ECDH-ES+A128KW --crv P-99 | error: ECDH-ES+A128KW cannot use curve P-99",
        "--alg none                      | error: cannot generate a key for algorithm \"none\"",
        "--alg es256                     | error: cannot generate a key for algorithm \"es256\"",
        "--alg RSA1_5                    | error: cannot generate a key for algorithm \"RSA1_5\"",
    })
    void refusesBadCombinationsWithOneErrorLine(String args, String error) {
        List<String> argv = new ArrayList<>(List.of("keygen"));
        argv.addAll(List.of(args.trim().split(" +")));
        assertUsageError(Cli.run(argv.toArray(String[]::new)), error);
    }

    @Test
    void algIsRequired() {
        Cli.Result r = Cli.run("keygen");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly("error: Missing required option: '--alg=ALG'",
                "Try 'hallmark keygen --help' for usage.");
    }

    @Test
    void sizeMustBeANumber() {
        Cli.Result r = Cli.run("keygen", "--alg", "RS256", "--size", "big");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.errLines().get(0)).startsWith("error: Invalid value for option '--size': 'big' is not an int");
    }

    /** Every key a JWS algorithm gets from keygen signs a token that verify accepts, with the key and its public half. */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "HS256,", "HS384,", "HS512,", "RS256,", "RS384,", "RS512,", "PS256,", "PS384,", "PS512,",
        "ES256,", "ES384,", "ES512,", "EdDSA,", "EdDSA,Ed448"})
    void everyJwsKeyRoundTripsThroughSignAndVerify(String alg, String crv, @TempDir Path dir) {
        Cli.Result gen = crv == null ? Cli.run("keygen", "--alg", alg) : Cli.run("keygen", "--alg", alg, "--crv", crv);
        String key = Fixtures.write(dir, "key.json", assertSuccess(gen).out());

        String token = assertSuccess(Cli.run("sign", "--key", key, "--sub", "alice", "--exp", "5m")).outLine();

        long now = Cli.NOW.getEpochSecond();
        String claims = "{\"iat\":" + now + ",\"sub\":\"alice\",\"exp\":" + (now + 300) + "}";
        assertThat(assertSuccess(Cli.run("verify", "--key", key, token)).outLine()).isEqualTo(claims);
        if (!alg.startsWith("HS")) {
            String pub = Fixtures.write(dir, "public.json", assertSuccess(Cli.run("jwk", "public", key)).out());
            assertThat(assertSuccess(Cli.run("verify", "--key", pub, "--alg", alg, token)).outLine()).isEqualTo(claims);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"RSA-OAEP", "A256KW", "ECDH-ES", "dir"})
    void encryptionKeysAreRefusedBySign(String alg, @TempDir Path dir) {
        String key = Fixtures.write(dir, "key.json", assertSuccess(Cli.run("keygen", "--alg", alg)).out());
        Cli.Result r = Cli.run("sign", "--key", key);
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errLines()).singleElement().asString().startsWith("error: --key " + key + ": cannot sign with this key: ");
    }
}
