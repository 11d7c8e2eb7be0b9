package dev.hallmark.jwk;

import dev.hallmark.JoseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link KeyGenerator} makes, for every algorithm it lists, a private key of the right type and size, ready to use. */
class KeyGeneratorTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        // alg,            curve,   kty, size (bits, or curve), use
        "HS256,            ,        oct, 256,     sig",
        "HS384,            ,        oct, 384,     sig",
        "HS512,            ,        oct, 512,     sig",
        "RS256,            ,        RSA, 2048,    sig",
        "RS384,            ,        RSA, 2048,    sig",
        "RS512,            ,        RSA, 2048,    sig",
        "PS256,            ,        RSA, 2048,    sig",
        "PS384,            ,        RSA, 2048,    sig",
        "PS512,            ,        RSA, 2048,    sig",
        "ES256,            ,        EC,  P-256,   sig",
        "ES384,            ,        EC,  P-384,   sig",
        "ES512,            ,        EC,  P-521,   sig",
        "EdDSA,            ,        OKP, Ed25519, sig",
        "EdDSA,            Ed25519, OKP, Ed25519, sig",
        "EdDSA,            Ed448,   OKP, Ed448,   sig",
        "RSA-OAEP,         ,        RSA, 2048,    enc",
        "RSA-OAEP-256,     ,        RSA, 2048,    enc",
        "RSA-OAEP-384,     ,        RSA, 2048,    enc",
        "RSA-OAEP-512,     ,        RSA, 2048,    enc",
        "A128KW,           ,        oct, 128,     enc",
        "A192KW,           ,        oct, 192,     enc",
        "A256KW,           ,        oct, 256,     enc",
        "A128GCMKW,        ,        oct, 128,     enc",
        "A192GCMKW,        ,        oct, 192,     enc",
        "A256GCMKW,        ,        oct, 256,     enc",
        "ECDH-ES,          ,        EC,  P-256,   enc",
        "ECDH-ES,          P-256,   EC,  P-256,   enc",
        "ECDH-ES,          P-384,   EC,  P-384,   enc",
        "ECDH-ES,          P-521,   EC,  P-521,   enc",
        "ECDH-ES,          X25519,  OKP, X25519,  enc",
        "ECDH-ES,          X448,    OKP, X448,    enc",
        "ECDH-ES+A128KW,   ,        EC,  P-256,   enc",
        "ECDH-ES+A128KW,   X25519,  OKP, X25519,  enc",
        "ECDH-ES+A192KW,   P-384,   EC,  P-384,   enc",
        "ECDH-ES+A192KW,   X448,    OKP, X448,    enc",
        "ECDH-ES+A256KW,   P-521,   EC,  P-521,   enc",
        "ECDH-ES+A256KW,   X25519,  OKP, X25519,  enc",
        "dir,              ,        oct, 256,     enc",
        "A128GCM,          ,        oct, 128,     enc",
        "A192GCM,          ,        oct, 192,     enc",
        "A256GCM,          ,        oct, 256,     enc",
        "A128CBC-HS256,    ,        oct, 256,     enc",
        "A192CBC-HS384,    ,        oct, 384,     enc",
        "A256CBC-HS512,    ,        oct, 512,     enc",
    })
    void generatesAUsableKeyForEveryListedAlgorithm(String alg, String curve, String kty, String size, String use) {
        KeyGenerator g = KeyGenerator.forAlgorithm(alg);
        if (curve != null) {
            g.curve(curve);
        }
        Jwk key = g.generate();

        assertThat(key.keyType()).isEqualTo(kty);
        assertThat(key.isPrivate()).isTrue();
        assertThat(key.algorithm()).contains(alg);
        assertThat(key.use()).contains(use);
        assertThat(key.keyOperations()).isEmpty();
        assertThat(key.keyId()).contains(Thumbprint.of(key));
        if (key instanceof OctJwk oct) {
            assertThat(oct.length() * 8).isEqualTo(Integer.parseInt(size));
        } else if (key instanceof RsaJwk rsa) {
            assertThat(rsa.modulusBits()).isEqualTo(Integer.parseInt(size));
        } else if (key instanceof EcJwk ec) {
            assertThat(ec.curveName()).isEqualTo(size);
        } else {
            assertThat(((OkpJwk) key).curveName()).isEqualTo(size);
        }
        // a generated key is valid by every rule an imported one must meet
        assertThat(Jwk.parse(key.toPrivateJson())).isEqualTo(key);
    }

    @Test
    void keysAreFreshEachTime() {
        assertThat(KeyGenerator.forAlgorithm("ES256").generate()).isNotEqualTo(KeyGenerator.forAlgorithm("ES256").generate());
        OctJwk a = (OctJwk) KeyGenerator.forAlgorithm("HS256").generate();
        OctJwk b = (OctJwk) KeyGenerator.forAlgorithm("HS256").generate();
        assertThat(a.secretBytes()).isNotEqualTo(b.secretBytes());
    }

    @Test
    void givenKeyIdReplacesTheThumbprint() {
        Jwk key = KeyGenerator.forAlgorithm("ES256").keyId("2026-11").generate();
        assertThat(key.keyId()).contains("2026-11");
    }

    @ParameterizedTest(name = "{0} bits")
    @ValueSource(ints = {2048, 3072, 2056})
    void rsaSizeIsAsAsked(int bits) {
        RsaJwk key = (RsaJwk) KeyGenerator.forAlgorithm("PS384").rsaBits(bits).generate();
        assertThat(key.modulusBits()).isEqualTo(bits);
    }

    @ParameterizedTest(name = "{0} with {1} bytes")
    @CsvSource({"HS256, 32", "HS256, 64", "HS384, 100", "HS512, 64", "dir, 16", "dir, 64"})
    void secretSizeIsAsAsked(String alg, int bytes) {
        OctJwk key = (OctJwk) KeyGenerator.forAlgorithm(alg).secretBytes(bytes).generate();
        assertThat(key.length()).isEqualTo(bytes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "None", "hs256", "RSA1_5", "PBES2-HS256+A128KW", "ES256K", "Ed25519", "", "A128CBC"})
    void unknownAlgorithmIsRefused(String alg) {
        assertThatThrownBy(() -> KeyGenerator.forAlgorithm(alg).generate()).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {1024, 2047, 2049, 2050, 16392, 0, -2048})
    void rsaSizeOutOfRangeIsRefused(int bits) {
        assertThatThrownBy(() -> KeyGenerator.forAlgorithm("RS256").rsaBits(bits)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 1025})
    void secretSizeOutOfRangeIsRefused(int bytes) {
        assertThatThrownBy(() -> KeyGenerator.forAlgorithm("HS256").secretBytes(bytes)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Options that do not fit the algorithm are caller mistakes: refused with IllegalArgumentException rather than
     * silently ignored (a caller asking for "A128KW with 32 bytes" would otherwise get 16 without noticing).
     */
    @ParameterizedTest(name = "{0} with {1}")
    @CsvSource({
        "ES256,          curve P-384",
        "ES256,          curve Ed25519",
        "ES384,          rsaBits 3072",
        "ES512,          secretBytes 32",
        "EdDSA,          curve X25519",
        "EdDSA,          curve P-256",
        "EdDSA,          rsaBits 2048",
        "EdDSA,          secretBytes 32",
        "ECDH-ES,        curve Ed25519",
        "ECDH-ES,        curve secp256k1",
        "ECDH-ES,        rsaBits 2048",
        "ECDH-ES+A128KW, secretBytes 16",
        "RS256,          curve P-256",
        "RS256,          secretBytes 32",
        "RSA-OAEP,       curve X25519",
        "PS256,          secretBytes 256",
        "HS256,          curve P-256",
        "HS256,          rsaBits 2048",
        "HS256,          secretBytes 16",
        "HS384,          secretBytes 47",
        "HS512,          secretBytes 32",
        "A128KW,         secretBytes 32",
        "A256GCM,        secretBytes 16",
        "A128CBC-HS256,  secretBytes 64",
        "A256KW,         curve P-256",
        "dir,            rsaBits 2048",
        "dir,            curve X25519",
    })
    void optionThatDoesNotFitTheAlgorithmIsRefused(String alg, String option) {
        KeyGenerator g = KeyGenerator.forAlgorithm(alg);
        apply(option).accept(g);
        assertThatThrownBy(g::generate).isInstanceOf(IllegalArgumentException.class).isNotInstanceOf(JoseException.class);
    }

    private static Consumer<KeyGenerator> apply(String option) {
        String[] parts = option.split(" ");
        return switch (parts[0]) {
            case "curve" -> g -> g.curve(parts[1]);
            case "rsaBits" -> g -> g.rsaBits(Integer.parseInt(parts[1]));
            case "secretBytes" -> g -> g.secretBytes(Integer.parseInt(parts[1]));
            default -> throw new IllegalArgumentException(option);
        };
    }
}
