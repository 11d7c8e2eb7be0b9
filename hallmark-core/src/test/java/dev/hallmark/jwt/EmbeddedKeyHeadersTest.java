package dev.hallmark.jwt;

import dev.hallmark.Reason;
import dev.hallmark.jwk.Jwk;
import dev.hallmark.jwk.KeyGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.hallmark.Rejection.assertRejected;
import static dev.hallmark.jwt.TestKeys.validClaims;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * RFC 8725 §3.10 and RFC 7515 §4.1.2-§4.1.6: keys offered by the token itself ({@code jwk}, {@code jku},
 * {@code x5u}, {@code x5c}) are never trusted, fetched or used to select a key. A token signed by an attacker's key
 * that carries that key is rejected; a token signed by the trusted key verifies with the trusted key whatever those
 * headers say. The {@code jku} and {@code x5u} URLs point at a local listener that counts connections: it proves
 * nothing is ever fetched.
 */
class EmbeddedKeyHeadersTest {

    private static final Jwk TRUSTED = TestKeys.ES256;
    private static final Jwk ATTACKER = KeyGenerator.forAlgorithm("ES256").generate();
    private static final X509Certificate ATTACKER_CERT = SelfSignedCertificate.of(ATTACKER, "attacker");

    private static ServerSocket listener;
    private static final AtomicInteger REQUESTS = new AtomicInteger();
    private static String jku;
    private static String x5u;

    @BeforeAll
    static void listenWhereTheHeadersPoint() throws IOException {
        listener = new ServerSocket();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread acceptor = new Thread(() -> {
            while (!listener.isClosed()) {
                try (Socket ignored = listener.accept()) {
                    REQUESTS.incrementAndGet();
                } catch (IOException closed) {
                    return;
                }
            }
        }, "jku-listener");
        acceptor.setDaemon(true);
        acceptor.start();
        String base = "http://127.0.0.1:" + listener.getLocalPort();
        jku = base + "/jwks.json";
        x5u = base + "/cert.pem";
    }

    @AfterAll
    static void stop() throws IOException {
        listener.close();
        assertThat(REQUESTS.get()).as("connections to the jku/x5u address").isZero();
    }

    private static List<String> x5c() {
        try {
            return List.of(Base64.getEncoder().encodeToString(ATTACKER_CERT.getEncoded()));
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> attackerJwk() {
        return dev.hallmark.internal.json.StrictJson.parseObject(ATTACKER.toPublicJwk().toPublicJson(),
                dev.hallmark.Limits.DEFAULT, "jwk");
    }

    private static JwtSigner.Builder withAllHeaders(Jwk key) {
        return JwtSigner.builder(key).clock(TestKeys.CLOCK).headerParameter("jwk", attackerJwk())
                .headerParameter("jku", jku).headerParameter("x5u", x5u).headerParameter("x5c", x5c());
    }

    private static JwtVerifier verifier() {
        return TestKeys.verifier(TRUSTED).build();
    }

    @Test
    void theCertificateReallyHoldsTheAttackersKey() {
        assertThat(ATTACKER_CERT.getPublicKey()).isEqualTo(ATTACKER.publicKey());
    }

    @Test
    void embeddedJwkOfTheSigningKeyIsIgnored() {
        String token = JwtSigner.builder(ATTACKER.withKeyId(null)).clock(TestKeys.CLOCK)
                .headerParameter("jwk", attackerJwk()).build().sign(validClaims().subject("admin").build());
        assertRejected(() -> verifier().verify(token), Reason.BAD_SIGNATURE);
    }

    @Test
    void embeddedJwkWithItsOwnKidFindsNoTrustedKey() {
        String token = JwtSigner.builder(ATTACKER).clock(TestKeys.CLOCK)
                .headerParameter("jwk", attackerJwk()).build().sign(validClaims().build());
        assertRejected(() -> verifier().verify(token), Reason.KEY_NOT_FOUND);
    }

    @Test
    void embeddedJwkUnderTheTrustedKidStillUsesTheTrustedKey() {
        String token = JwtSigner.builder(ATTACKER.withKeyId(TRUSTED.keyId().orElseThrow())).clock(TestKeys.CLOCK)
                .headerParameter("jwk", attackerJwk()).build().sign(validClaims().build());
        assertRejected(() -> verifier().verify(token), Reason.BAD_SIGNATURE);
    }

    @Test
    void jkuIsNeverFetched() {
        String token = JwtSigner.builder(ATTACKER).clock(TestKeys.CLOCK).headerParameter("jku", jku).build()
                .sign(validClaims().build());
        assertRejected(() -> verifier().verify(token), Reason.KEY_NOT_FOUND);
        String noKid = JwtSigner.builder(ATTACKER.withKeyId(null)).clock(TestKeys.CLOCK).headerParameter("jku", jku)
                .build().sign(validClaims().build());
        assertRejected(() -> verifier().verify(noKid), Reason.BAD_SIGNATURE);
        assertThat(REQUESTS.get()).isZero();
    }

    @Test
    void x5uIsNeverFetched() {
        String token = JwtSigner.builder(ATTACKER.withKeyId(null)).clock(TestKeys.CLOCK).headerParameter("x5u", x5u)
                .build().sign(validClaims().build());
        assertRejected(() -> verifier().verify(token), Reason.BAD_SIGNATURE);
        assertThat(REQUESTS.get()).isZero();
    }

    @Test
    void x5cIsNeverTrusted() {
        String token = JwtSigner.builder(ATTACKER.withKeyId(null)).clock(TestKeys.CLOCK).headerParameter("x5c", x5c())
                .build().sign(validClaims().build());
        assertRejected(() -> verifier().verify(token), Reason.BAD_SIGNATURE);
    }

    @Test
    void allFourTogetherFromTheAttacker() {
        String token = withAllHeaders(ATTACKER.withKeyId(null)).build().sign(validClaims().subject("admin").build());
        assertRejected(() -> verifier().verify(token), Reason.BAD_SIGNATURE);
        assertThat(REQUESTS.get()).isZero();
    }

    @Test
    void theHeadersNeverSelectKeysSoTheTrustedKeyStillVerifies() {
        String token = withAllHeaders(TRUSTED).build().sign(validClaims().build());
        VerifiedJwt jwt = verifier().verify(token);
        assertThat(jwt.key()).isEqualTo(TRUSTED.toPublicJwk());
        // still visible for inspection, never acted upon
        assertThat(jwt.header().get("jku")).contains(jku);
        assertThat(jwt.header().get("jwk")).isPresent();
        assertThat(REQUESTS.get()).isZero();

        String withoutKid = withAllHeaders(TRUSTED.withKeyId(null)).build().sign(validClaims().build());
        assertThat(verifier().verify(withoutKid).key()).isEqualTo(TRUSTED.toPublicJwk());
    }
}
