package dev.hallmark.jwk;

import dev.hallmark.jws.JwsSigner;
import dev.hallmark.jws.JwsVerifier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading openssl-made PEM keys of every supported kind (PKCS#8, PKCS#1, SEC 1, SPKI, RSASSA-PSS), and writing them
 * back. Expected thumbprints come from the SPKI fixture through the JDK alone ({@link PemFixtures}).
 */
class PemTest {

    private static final byte[] PAYLOAD = "pem fixture".getBytes(StandardCharsets.UTF_8);

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // file,                     kty, curve or RSA bits, private, SPKI with the same key
        "rsa2048.pkcs8.pem,          RSA, 2048,    true,  rsa2048.spki.pem",
        "rsa2048.pkcs1.pem,          RSA, 2048,    true,  rsa2048.spki.pem",
        "rsa2048.spki.pem,           RSA, 2048,    false, rsa2048.spki.pem",
        "rsa2048.pkcs1-public.pem,   RSA, 2048,    false, rsa2048.spki.pem",
        "rsa-pss.pkcs8.pem,          RSA, 2048,    true,  rsa-pss.spki.pem",
        "rsa-pss.spki.pem,           RSA, 2048,    false, rsa-pss.spki.pem",
        "rsa-pss-sha256.pkcs8.pem,   RSA, 2048,    true,  rsa-pss-sha256.spki.pem",
        "rsa-pss-sha256.spki.pem,    RSA, 2048,    false, rsa-pss-sha256.spki.pem",
        "ec-p256.pkcs8.pem,          EC,  P-256,   true,  ec-p256.spki.pem",
        "ec-p256.sec1.pem,           EC,  P-256,   true,  ec-p256.spki.pem",
        "ec-p256.spki.pem,           EC,  P-256,   false, ec-p256.spki.pem",
        "ec-p384.pkcs8.pem,          EC,  P-384,   true,  ec-p384.spki.pem",
        "ec-p384.sec1.pem,           EC,  P-384,   true,  ec-p384.spki.pem",
        "ec-p384.spki.pem,           EC,  P-384,   false, ec-p384.spki.pem",
        "ec-p521.pkcs8.pem,          EC,  P-521,   true,  ec-p521.spki.pem",
        "ec-p521.sec1.pem,           EC,  P-521,   true,  ec-p521.spki.pem",
        "ec-p521.spki.pem,           EC,  P-521,   false, ec-p521.spki.pem",
        "ed25519.pkcs8.pem,          OKP, Ed25519, true,  ed25519.spki.pem",
        "ed25519.spki.pem,           OKP, Ed25519, false, ed25519.spki.pem",
        "ed448.pkcs8.pem,            OKP, Ed448,   true,  ed448.spki.pem",
        "ed448.spki.pem,             OKP, Ed448,   false, ed448.spki.pem",
        "x25519.pkcs8.pem,           OKP, X25519,  true,  x25519.spki.pem",
        "x25519.spki.pem,            OKP, X25519,  false, x25519.spki.pem",
        "x448.pkcs8.pem,             OKP, X448,    true,  x448.spki.pem",
        "x448.spki.pem,              OKP, X448,    false, x448.spki.pem",
    })
    void readsKeyOfTheRightTypeWithItsPublicHalf(String file, String kty, String size, boolean isPrivate,
                                                 String spki) throws Exception {
        Jwk key = Pem.readJwk(PemFixtures.text(file));

        assertThat(key.keyType()).isEqualTo(kty);
        switch (kty) {
            case "RSA" -> assertThat(((RsaJwk) key).modulusBits()).isEqualTo(Integer.parseInt(size));
            case "EC" -> assertThat(((EcJwk) key).curveName()).isEqualTo(size);
            default -> assertThat(((OkpJwk) key).curveName()).isEqualTo(size);
        }
        assertThat(key.isPrivate()).isEqualTo(isPrivate);
        assertThat(key.privateKey().isPresent()).isEqualTo(isPrivate);
        // the private key's derived public half is the key of the SPKI file openssl wrote from it
        assertThat(Thumbprint.of(key)).isEqualTo(PemFixtures.referenceThumbprint(spki));
        // PEM carries no JOSE metadata
        assertThat(key.keyId()).isEmpty();
        assertThat(key.algorithm()).isEmpty();
        assertThat(key.use()).isEmpty();
        assertThat(key.certificateChain()).isEmpty();
    }

    /** The public half is not just equal on paper: the private key signs what the SPKI key verifies. */
    @ParameterizedTest(name = "{0} {2}")
    @CsvSource({
        "rsa2048.pkcs8.pem,        rsa2048.spki.pem,        RS256",
        "rsa2048.pkcs1.pem,        rsa2048.pkcs1-public.pem, PS384",
        "rsa-pss.pkcs8.pem,        rsa-pss.spki.pem,        PS256",
        "rsa-pss-sha256.pkcs8.pem, rsa-pss-sha256.spki.pem, RS512",
        "ec-p256.sec1.pem,         ec-p256.spki.pem,        ES256",
        "ec-p384.pkcs8.pem,        ec-p384.spki.pem,        ES384",
        "ec-p521.sec1.pem,         ec-p521.spki.pem,        ES512",
        "ed25519.pkcs8.pem,        ed25519.spki.pem,        EdDSA",
        "ed448.pkcs8.pem,          ed448.spki.pem,          EdDSA",
    })
    void privateKeySignsWhatTheSpkiKeyVerifies(String privateFile, String publicFile, String alg) {
        // An RSASSA-PSS key becomes a plain RSA JWK: JOSE binds the padding to "alg", so even RS512 works with it.
        Jwk signingKey = Pem.readJwk(PemFixtures.text(privateFile)).withAlgorithm(alg);
        Jwk verificationKey = Pem.readJwk(PemFixtures.text(publicFile)).withAlgorithm(alg);
        String jws = JwsSigner.builder(signingKey).build().sign(PAYLOAD);
        assertThat(JwsVerifier.builder().key(verificationKey).build().verify(jws).payload()).isEqualTo(PAYLOAD);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "rsa2048.pkcs8.pem", "rsa2048.pkcs1.pem", "rsa-pss.pkcs8.pem", "rsa-pss-sha256.pkcs8.pem",
        "ec-p256.pkcs8.pem", "ec-p256.sec1.pem", "ec-p384.sec1.pem", "ec-p521.pkcs8.pem",
        "ed25519.pkcs8.pem", "ed448.pkcs8.pem", "x25519.pkcs8.pem", "x448.pkcs8.pem",
    })
    void privateKeyWriteReadRoundTrip(String file) {
        Jwk key = Pem.readJwk(PemFixtures.text(file));
        String written = Pem.writePrivateKey(key);
        assertThat(written).startsWith("-----BEGIN PRIVATE KEY-----\n").endsWith("-----END PRIVATE KEY-----\n");
        assertThat(Pem.readJwk(written)).isEqualTo(key);

        Jwk publicKey = Pem.readJwk(Pem.writePublicKey(key));
        assertThat(publicKey.isPrivate()).isFalse();
        assertThat(publicKey).isEqualTo(key.toPublicJwk());
    }

    /** SPKI is a canonical encoding: what Hallmark writes is byte for byte what openssl wrote. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "rsa2048.spki.pem", "ec-p256.spki.pem", "ec-p384.spki.pem", "ec-p521.spki.pem",
        "ed25519.spki.pem", "ed448.spki.pem", "x25519.spki.pem", "x448.spki.pem",
    })
    void publicKeyWrittenAsOpensslWroteIt(String file) {
        Jwk key = Pem.readJwk(PemFixtures.text(file));
        String written = Pem.writePublicKey(key);
        assertThat(written).isEqualTo(PemFixtures.text(file));
        assertThat(Pem.readJwk(written)).isEqualTo(key);
    }

    /** PKCS#1 public keys and RSASSA-PSS SPKIs are written as plain rsaEncryption SPKI: same key, standard form. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"rsa2048.pkcs1-public.pem, rsa2048.spki.pem", "rsa-pss.spki.pem,", "rsa-pss-sha256.pkcs8.pem,"})
    void rsaVariantsAreWrittenAsPlainSpki(String file, String expectedSpki) {
        Jwk key = Pem.readJwk(PemFixtures.text(file));
        String written = Pem.writePublicKey(key);
        if (expectedSpki != null) {
            assertThat(written).isEqualTo(PemFixtures.text(expectedSpki));
        }
        // 1.2.840.113549.1.1.1 rsaEncryption, not 1.2.840.113549.1.1.10 RSASSA-PSS
        byte[] der = java.util.Base64.getMimeDecoder().decode(written.replaceAll("-----[A-Z ]+-----", ""));
        assertThat(dev.hallmark.internal.codec.Der.parse(der).children().get(0).children().get(0).oid())
                .isEqualTo("1.2.840.113549.1.1.1");
        assertThat(Pem.readJwk(written)).isEqualTo(key.toPublicJwk());
    }
}
