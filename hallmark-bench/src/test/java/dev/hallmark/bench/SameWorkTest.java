package dev.hallmark.bench;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The benchmarks compare like with like: every library verifies the same tokens and returns the same claims, and
 * every library's verifier really rejects a forged token (so no benchmark measures a path that skips checks).
 */
class SameWorkTest {

    static HallmarkBench hallmark = new HallmarkBench();
    static NimbusBench nimbus = new NimbusBench();
    static JjwtBench jjwt = new JjwtBench();
    static Auth0Bench auth0 = new Auth0Bench();
    static Jose4jBench jose4j = new Jose4jBench();
    static FloorBench floor = new FloorBench();

    @BeforeAll
    static void setUp() throws Exception {
        hallmark.setup();
        nimbus.setup();
        jjwt.setup();
        auth0.setup();
        jose4j.setup();
        floor.setup();
    }

    @Test
    void everyLibraryVerifiesTheSameTokensAndSeesTheSameSubject() throws Exception {
        for (Map<?, ?> claims : new Map<?, ?>[] {
            hallmark.verifyHS256(), hallmark.verifyRS256(), hallmark.verifyES256(), hallmark.verifyEdDSA(),
            nimbus.verifyHS256(), nimbus.verifyRS256(), nimbus.verifyES256(), nimbus.verifyEdDSA(),
            jjwt.verifyHS256(), jjwt.verifyRS256(), jjwt.verifyES256(), jjwt.verifyEdDSA(),
            jose4j.verifyHS256(), jose4j.verifyRS256(), jose4j.verifyES256(), jose4j.verifyEdDSA()}) {
            assertThat(String.valueOf(claims.get("sub"))).isEqualTo(Fixtures.SUBJECT);
        }
        assertThat(auth0.verifyHS256().get("sub").asString()).isEqualTo(Fixtures.SUBJECT);
        assertThat(auth0.verifyRS256().get("sub").asString()).isEqualTo(Fixtures.SUBJECT);
        assertThat(auth0.verifyES256().get("sub").asString()).isEqualTo(Fixtures.SUBJECT);
        assertThat(floor.verifyHS256()).isTrue();
        assertThat(floor.verifyRS256()).isTrue();
        assertThat(floor.verifyES256()).isTrue();
        assertThat(floor.verifyEdDSA()).isTrue();
    }

    @Test
    void everyLibrarySignsTokensHallmarkAccepts() throws Exception {
        for (String token : new String[] {nimbus.signHS256(), jjwt.signHS256(), auth0.signHS256(), jose4j.signHS256(),
            hallmark.signHS256()}) {
            assertThat(hallmark.hs256.verify(token).claims().subject()).contains(Fixtures.SUBJECT);
        }
        for (String token : new String[] {nimbus.signES256(), jjwt.signES256(), auth0.signES256(), jose4j.signES256(),
            hallmark.signES256()}) {
            assertThat(HallmarkBench.verifier(hallmark.f.es256.toPublicJwk()).verify(token).claims().subject())
                    .contains(Fixtures.SUBJECT);
        }
    }

    @Test
    void everyLibraryRejectsAForgedToken() {
        String forged = forge(hallmark.f.tokenHS256);
        assertThatThrownBy(() -> hallmark.hs256.verify(forged));
        assertThatThrownBy(() -> nimbus.hs256.process(forged, null));
        assertThatThrownBy(() -> jjwt.hs256.parseSignedClaims(forged));
        assertThatThrownBy(() -> auth0.hs256.verify(forged));
        assertThatThrownBy(() -> jose4j.hs256.processToClaims(forged));
    }

    /** The same token with its subject changed and the old signature kept. */
    private static String forge(String token) {
        String[] parts = token.split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8)
                .replace(Fixtures.SUBJECT, "user-9999");
        return parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "." + parts[2];
    }
}
