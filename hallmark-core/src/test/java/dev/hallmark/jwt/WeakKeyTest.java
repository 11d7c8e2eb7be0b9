package dev.hallmark.jwt;

import dev.hallmark.Limits;
import dev.hallmark.Reason;
import dev.hallmark.jwk.Jwk;
import dev.hallmark.jwk.JwkSet;
import dev.hallmark.jwk.KeyGenerator;
import dev.hallmark.jwk.OctJwk;
import dev.hallmark.jwk.Pem;
import dev.hallmark.jwk.RsaJwk;
import dev.hallmark.jws.JwsAlgorithm;
import dev.hallmark.jws.JwsSigner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;

import static dev.hallmark.Rejection.assertRejected;
import static dev.hallmark.jwt.TestKeys.validClaims;
import static dev.hallmark.jwt.TokenForge.b64;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * RFC 8725 §3.5 and RFC 7518 §3.2, §3.3: HMAC keys shorter than the hash output and RSA moduli below 2048 bits (or
 * with a bad exponent) are {@code WEAK_KEY}: refused when a signer is built, when a key is imported, and when a
 * verifier would use one.
 */
class WeakKeyTest {

    private static byte[] secret(int length) {
        byte[] s = new byte[length];
        Arrays.fill(s, (byte) 0x5a);
        return s;
    }

    private static final KeyPair RSA_1024 = rsa(1024);

    private static KeyPair rsa(int bits) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(bits);
            return g.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String uint(BigInteger v) {
        byte[] b = v.toByteArray();
        return b64(b[0] == 0 ? Arrays.copyOfRange(b, 1, b.length) : b);
    }

    @ParameterizedTest(name = "{0} with a {1}-byte key")
    @CsvSource({"HS256,31", "HS256,16", "HS256,1", "HS384,47", "HS384,32", "HS512,63", "HS512,48"})
    void shortHmacKeyIsRefusedWhenASignerIsBuilt(String alg, int length) {
        JwsAlgorithm algorithm = JwsAlgorithm.fromName(alg).orElseThrow();
        OctJwk key = OctJwk.of(secret(length));
        assertRejected(() -> JwsSigner.builder(key).algorithm(algorithm).build(), Reason.WEAK_KEY);
        assertRejected(() -> JwtSigner.builder(key).algorithm(algorithm).build(), Reason.WEAK_KEY);
        assertRejected(() -> key.withAlgorithm(alg), Reason.WEAK_KEY);
        assertRejected(() -> Jwk.parse("{\"kty\":\"oct\",\"alg\":\"" + alg + "\",\"k\":\"" + b64(secret(length)) + "\"}"),
                Reason.WEAK_KEY);
        // asking the generator for a weak key is the caller's mistake, refused before any key exists
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> KeyGenerator.forAlgorithm(alg).secretBytes(length).generate())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aKeyWithoutAlgDefaultsToHs256AndIsStillChecked() {
        assertRejected(() -> JwtSigner.builder(OctJwk.of(secret(31))).build(), Reason.WEAK_KEY);
        assertThat(JwtSigner.builder(OctJwk.of(secret(32))).build().algorithm()).isEqualTo(JwsAlgorithm.HS256);
    }

    @Test
    void anEmptySecretIsNeverAKey() {
        assertRejected(() -> OctJwk.of(new byte[0]), Reason.WEAK_KEY);
        assertRejected(() -> Jwk.parse("{\"kty\":\"oct\",\"k\":\"\"}"), Reason.WEAK_KEY);
    }

    @ParameterizedTest(name = "{0} token, {1}-byte trusted key")
    @CsvSource({"HS256,31", "HS384,47", "HS512,63", "HS512,32"})
    void shortHmacKeyIsRefusedAtVerification(String alg, int length) {
        // the secret was imported without an alg, so only the token's alg shows it is too short
        JwtVerifier verifier = TestKeys.verifier(OctJwk.of(secret(length))).build();
        String token = TokenForge.signHmac(alg, secret(length), "{\"alg\":\"" + alg + "\"}", TestKeys.validPayloadJson());
        assertRejected(() -> verifier.verify(token), Reason.WEAK_KEY);
    }

    @ParameterizedTest(name = "{0} with a {1}-byte key")
    @CsvSource({"HS256,32", "HS384,48", "HS512,64", "HS256,64"})
    void hmacKeysOfTheHashSizeOrLongerWork(String alg, int length) {
        OctJwk key = OctJwk.of(secret(length));
        JwtSigner signer = JwtSigner.builder(key).algorithm(JwsAlgorithm.fromName(alg).orElseThrow())
                .clock(TestKeys.CLOCK).build();
        assertThat(TestKeys.verifier(key).build().verify(signer.sign(validClaims().build()))).isNotNull();
    }

    @Test
    void rsa1024IsRefusedOnEveryImportPath() {
        RSAPublicKey pub = (RSAPublicKey) RSA_1024.getPublic();
        String jwk = "{\"kty\":\"RSA\",\"n\":\"" + uint(pub.getModulus()) + "\",\"e\":\"" + uint(pub.getPublicExponent())
                + "\"}";
        assertRejected(() -> Jwk.parse(jwk), Reason.WEAK_KEY);
        assertRejected(() -> Jwk.fromPublicKey(pub), Reason.WEAK_KEY);
        assertRejected(() -> Jwk.fromKeyPair(RSA_1024), Reason.WEAK_KEY);
        assertRejected(() -> Jwk.fromPrivateKey(RSA_1024.getPrivate()), Reason.WEAK_KEY);
        String pem = "-----BEGIN PUBLIC KEY-----\n" + java.util.Base64.getMimeEncoder().encodeToString(pub.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        assertRejected(() -> Pem.readJwk(pem), Reason.WEAK_KEY);
        // a JWK Set skips it, and says why (RFC 7517 §5)
        JwkSet set = JwkSet.parse("{\"keys\":[" + jwk + "," + TestKeys.RS256.toPublicJson() + "]}");
        assertThat(set.keys()).hasSize(1);
        assertThat(set.skipped()).singleElement().asString().contains("WEAK_KEY");
        assertThatThrownBy(() -> KeyGenerator.forAlgorithm("RS256").rsaBits(1024)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rsaWithABadPublicExponentOrAnEvenModulusIsRefused() {
        RsaJwk good = (RsaJwk) TestKeys.RS256.toPublicJwk();
        BigInteger n = good.publicKey().getModulus();
        for (BigInteger e : new BigInteger[] {BigInteger.ONE, BigInteger.TWO, BigInteger.valueOf(65536), n, n.add(BigInteger.TWO)}) {
            String jwk = "{\"kty\":\"RSA\",\"n\":\"" + uint(n) + "\",\"e\":\"" + uint(e) + "\"}";
            assertRejected(() -> Jwk.parse(jwk), Reason.WEAK_KEY);
        }
        String even = "{\"kty\":\"RSA\",\"n\":\"" + uint(n.clearBit(0)) + "\",\"e\":\"AQAB\"}";
        assertRejected(() -> Jwk.parse(even), Reason.WEAK_KEY);
    }

    @Test
    void aRaisedRsaFloorAppliesAtVerification() {
        // the key was imported under the default floor of 2048; a verifier asking for 3072 refuses to use it
        Limits strict = Limits.builder().minRsaBits(3072).build();
        String token = TestKeys.signer(TestKeys.RS256).sign(validClaims().build());
        assertRejected(() -> TestKeys.verifier(TestKeys.RS256).limits(strict).build().verify(token), Reason.WEAK_KEY);
        assertRejected(() -> Jwk.parse(TestKeys.RS256.toPublicJson(), strict), Reason.WEAK_KEY);
    }
}
