package dev.hallmark.bench;

import dev.hallmark.JoseException;
import dev.hallmark.Reason;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.crypto.AEADBadTagException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The JWE decrypt benchmarks compare like with like: every library (java-jwt has no JWE) decrypts the same two tokens
 * to the standard claims, the floor to the same plaintext bytes, and every one of them refuses a token whose
 * ciphertext was changed.
 */
class SameWorkJweTest {

    static HallmarkBench hallmark = new HallmarkBench();
    static NimbusBench nimbus = new NimbusBench();
    static JjwtBench jjwt = new JjwtBench();
    static Jose4jBench jose4j = new Jose4jBench();
    static FloorBench floor = new FloorBench();
    static JweFixtures jwe;

    @BeforeAll
    static void setUp() throws Exception {
        hallmark.setup();
        nimbus.setup();
        jjwt.setup();
        jose4j.setup();
        floor.setup();
        jwe = JweFixtures.shared();
    }

    @Test
    void theTokensAreWhatTheBenchmarksSayTheyAre() {
        assertThat(header(jwe.dirA256GCM)).contains("\"alg\":\"dir\"", "\"enc\":\"A256GCM\"", "\"typ\":\"JWT\"");
        assertThat(header(jwe.ecdhEsA256KW)).contains("\"alg\":\"ECDH-ES+A256KW\"", "\"enc\":\"A256GCM\"",
                "\"crv\":\"P-256\"");
        assertThat(new String(jwe.plaintext, StandardCharsets.UTF_8)).contains(Fixtures.SUBJECT);
    }

    @Test
    void everyLibraryDecryptsDirToTheSameClaims() throws Exception {
        Map<String, Object> expected = Fixtures.shared().claims;
        SameClaims.assertSame(hallmark.decryptDirA256GCM(), expected);
        SameClaims.assertSame(nimbus.decryptDirA256GCM(), expected);
        SameClaims.assertSame(jjwt.decryptDirA256GCM(), expected);
        SameClaims.assertSame(jose4j.decryptDirA256GCM(), expected);
        assertThat(floor.decryptDirA256GCM()).isEqualTo(jwe.plaintext);
    }

    @Test
    void everyLibraryDecryptsEcdhEsToTheSameClaims() throws Exception {
        Map<String, Object> expected = Fixtures.shared().claims;
        SameClaims.assertSame(hallmark.decryptEcdhEsA256KW(), expected);
        SameClaims.assertSame(nimbus.decryptEcdhEsA256KW(), expected);
        SameClaims.assertSame(jjwt.decryptEcdhEsA256KW(), expected);
        SameClaims.assertSame(jose4j.decryptEcdhEsA256KW(), expected);
        assertThat(floor.decryptEcdhEsA256KW()).isEqualTo(jwe.plaintext);
    }

    @Test
    void everyLibraryRefusesATamperedDirToken() {
        String tampered = JweFixtures.tamperCiphertext(jwe.dirA256GCM);
        assertThatThrownBy(() -> hallmark.dirDecrypter.decrypt(tampered)).isInstanceOf(JoseException.class)
                .extracting(e -> ((JoseException) e).reason()).isEqualTo(Reason.DECRYPTION_FAILED);
        assertThatThrownBy(() -> NimbusBench.decrypt(tampered, nimbus.dirDecrypter));
        assertThatThrownBy(() -> jjwt.dir.parseEncryptedClaims(tampered));
        assertThatThrownBy(() -> jose4j.dir.processToClaims(tampered));
        assertThatThrownBy(() -> floor.jweFloor.decryptDir(tampered)).isInstanceOf(AEADBadTagException.class);
    }

    @Test
    void everyLibraryRefusesATamperedEcdhEsToken() {
        String tampered = JweFixtures.tamperCiphertext(jwe.ecdhEsA256KW);
        assertThatThrownBy(() -> hallmark.ecdhDecrypter.decrypt(tampered)).isInstanceOf(JoseException.class)
                .extracting(e -> ((JoseException) e).reason()).isEqualTo(Reason.DECRYPTION_FAILED);
        assertThatThrownBy(() -> NimbusBench.decrypt(tampered, nimbus.ecdhDecrypter));
        assertThatThrownBy(() -> jjwt.ecdhEs.parseEncryptedClaims(tampered));
        assertThatThrownBy(() -> jose4j.ecdhEs.processToClaims(tampered));
        assertThatThrownBy(() -> floor.jweFloor.decryptEcdhEs(tampered)).isInstanceOf(AEADBadTagException.class);
    }

    private static String header(String compact) {
        return new String(java.util.Base64.getUrlDecoder().decode(compact.substring(0, compact.indexOf('.'))),
                StandardCharsets.UTF_8);
    }
}
