package dev.hallmark.jwk;

import dev.hallmark.internal.json.StrictJson;
import dev.hallmark.Limits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** X.509 certificates in PEM become public JWKs whose {@code x5c} is the chain, leaf first (RFC 7517 §4.7). */
class PemCertificateTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "rsa2048.cert.pem,    RSA, rsa2048.spki.pem, CN=hallmark test rsa",
        "ec-p256.cert.pem,    EC,  ec-p256.spki.pem, CN=hallmark test ec",
        "chain-leaf.cert.pem, EC,  ec-p256.spki.pem, CN=hallmark test leaf",
        "chain-ca.cert.pem,   EC,  ,                 CN=hallmark test ca",
    })
    void singleCertificateYieldsItsPublicKeyWithX5c(String file, String kty, String spki, String subject)
            throws Exception {
        Jwk key = Pem.readJwk(PemFixtures.text(file));
        assertThat(key.keyType()).isEqualTo(kty);
        assertThat(key.isPrivate()).isFalse();
        if (spki != null) {
            assertThat(Thumbprint.of(key)).isEqualTo(PemFixtures.referenceThumbprint(spki));
        } else {
            assertThat(Thumbprint.of(key)).isEqualTo(Thumbprint.of(Pem.readJwk(PemFixtures.text("chain-ca.pkcs8.pem"))));
        }
        assertThat(key.certificateChain()).hasSize(1);
        assertThat(key.certificateChain().get(0).getSubjectX500Principal().getName()).isEqualTo(subject);
        assertThat(key.certificateChain().get(0).getEncoded()).isEqualTo(PemFixtures.block(file).der());
    }

    @Test
    void chainKeepsItsOrderLeafFirst() throws Exception {
        Jwk key = Pem.readJwk(PemFixtures.text("chain.pem"));
        assertThat(key.keyType()).isEqualTo("EC");
        assertThat(Thumbprint.of(key)).isEqualTo(PemFixtures.referenceThumbprint("ec-p256.spki.pem"));

        List<X509Certificate> chain = key.certificateChain();
        assertThat(chain).hasSize(2);
        X509Certificate leaf = chain.get(0);
        X509Certificate ca = chain.get(1);
        assertThat(leaf.getSubjectX500Principal().getName()).isEqualTo("CN=hallmark test leaf");
        assertThat(ca.getSubjectX500Principal().getName()).isEqualTo("CN=hallmark test ca");
        assertThat(leaf.getIssuerX500Principal()).isEqualTo(ca.getSubjectX500Principal());
        leaf.verify(ca.getPublicKey()); // the second certificate really issued the first
        assertThat(leaf.getPublicKey()).isEqualTo(key.publicKey());

        List<PemFixtures.Block> blocks = PemFixtures.blocks("chain.pem");
        assertThat(leaf.getEncoded()).isEqualTo(blocks.get(0).der());
        assertThat(ca.getEncoded()).isEqualTo(blocks.get(1).der());
    }

    /** The JWK JSON carries x5c as standard (not URL) base64 DER, in chain order; it parses back the same. */
    @Test
    void x5cSurvivesTheJwkJson() throws Exception {
        Jwk key = Pem.readJwk(PemFixtures.text("chain.pem"));
        String json = key.toPublicJson();
        Map<String, Object> members = StrictJson.parseObject(json.getBytes(StandardCharsets.UTF_8), Limits.DEFAULT, "test");
        List<PemFixtures.Block> blocks = PemFixtures.blocks("chain.pem");
        assertThat(members.get("x5c")).isEqualTo(List.of(
                Base64.getEncoder().encodeToString(blocks.get(0).der()),
                Base64.getEncoder().encodeToString(blocks.get(1).der())));

        Jwk reparsed = Jwk.parse(json);
        assertThat(reparsed).isEqualTo(key);
        assertThat(reparsed.certificateChain()).extracting(c -> c.getSubjectX500Principal().getName())
                .containsExactly("CN=hallmark test leaf", "CN=hallmark test ca");
    }

    /** Pem.readJwk takes the first key block when there is one; the certificates beside it are not attached. */
    @Test
    void keyBlockWinsOverCertificates() throws Exception {
        String both = PemFixtures.text("ec-p256.cert.pem") + PemFixtures.text("ec-p256.pkcs8.pem");
        Jwk key = Pem.readJwk(both);
        assertThat(key.isPrivate()).isTrue();
        assertThat(Thumbprint.of(key)).isEqualTo(PemFixtures.referenceThumbprint("ec-p256.spki.pem"));
    }

    /** Text around the blocks (openssl's "Bag Attributes", comments) is ignored, as RFC 7468 §5.2 allows. */
    @Test
    void explanatoryTextAroundBlocksIsIgnored() throws Exception {
        String text = "subject=CN = hallmark test rsa\nissuer=CN = hallmark test rsa\n"
                + PemFixtures.text("rsa2048.cert.pem") + "\ntrailing words\n";
        Jwk key = Pem.readJwk(text);
        assertThat(Thumbprint.of(key)).isEqualTo(PemFixtures.referenceThumbprint("rsa2048.spki.pem"));
        assertThat(key.certificateChain()).hasSize(1);
    }
}
