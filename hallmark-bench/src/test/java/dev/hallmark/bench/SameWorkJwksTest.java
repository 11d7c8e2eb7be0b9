package dev.hallmark.bench;

import dev.hallmark.JoseException;
import dev.hallmark.Reason;
import dev.hallmark.jwk.JwkSet;
import dev.hallmark.jws.UnverifiedJws;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The JWK-Set selection benchmarks compare like with like: every library picks the 13th of 20 keys (and the one key
 * of the one-key set) and returns the standard claims, and every library refuses a token signed by a key outside the
 * set that claims the signer's kid.
 */
class SameWorkJwksTest {

    static HallmarkBench hallmark = new HallmarkBench();
    static HallmarkBcBench hallmarkBc = new HallmarkBcBench();
    static NimbusBench nimbus = new NimbusBench();
    static JjwtBench jjwt = new JjwtBench();
    static Auth0Bench auth0 = new Auth0Bench();
    static Jose4jBench jose4j = new Jose4jBench();
    static JwksFixtures jwks;

    @BeforeAll
    static void setUp() throws Exception {
        hallmark.setup();
        hallmarkBc.setup();
        nimbus.setup();
        jjwt.setup();
        auth0.setup();
        jose4j.setup();
        jwks = JwksFixtures.shared();
    }

    @Test
    void theSetsHoldTwentyAndOneKeysAndTheTokenNamesTheThirteenth() {
        assertThat(JwkSet.parse(jwks.jwks20Json).keys()).hasSize(JwksFixtures.SIZE);
        assertThat(JwkSet.parse(jwks.jwks1Json).keys()).hasSize(1);
        assertThat(UnverifiedJws.decode(jwks.token, dev.hallmark.Limits.DEFAULT).header().keyId())
                .contains("2026-11-key-13");
        assertThat(jwks.jwks20Json).doesNotContain("\"d\"");
    }

    @Test
    void everyLibrarySelectsTheKeyAndReturnsTheSameClaims() throws Exception {
        Map<String, Object> expected = Fixtures.shared().claims;
        SameClaims.assertSame(hallmark.verifyES256Jwks20(), expected);
        SameClaims.assertSame(hallmark.verifyES256Jwks1(), expected);
        SameClaims.assertSame(hallmarkBc.verifyES256Jwks20(), expected);
        SameClaims.assertSame(hallmarkBc.verifyES256Jwks1(), expected);
        SameClaims.assertSame(nimbus.verifyES256Jwks20(), expected);
        SameClaims.assertSame(nimbus.verifyES256Jwks1(), expected);
        SameClaims.assertSame(jjwt.verifyES256Jwks20(), expected);
        SameClaims.assertSame(jjwt.verifyES256Jwks1(), expected);
        SameClaims.assertSame(jose4j.verifyES256Jwks20(), expected);
        SameClaims.assertSame(jose4j.verifyES256Jwks1(), expected);
        SameClaims.assertSameAuth0(auth0.verifyES256Jwks20(), expected);
        SameClaims.assertSameAuth0(auth0.verifyES256Jwks1(), expected);
    }

    @Test
    void everyLibraryRefusesAnImpostorClaimingTheSignersKid() {
        String impostor = jwks.impostorToken;
        assertThatThrownBy(() -> hallmark.jwks20.verify(impostor)).isInstanceOf(JoseException.class)
                .extracting(e -> ((JoseException) e).reason()).isEqualTo(Reason.BAD_SIGNATURE);
        assertThatThrownBy(() -> hallmark.jwks1.verify(impostor)).isInstanceOf(JoseException.class);
        assertThatThrownBy(() -> hallmarkBc.jwks20.verify(impostor)).isInstanceOf(JoseException.class)
                .extracting(e -> ((JoseException) e).reason()).isEqualTo(Reason.BAD_SIGNATURE);
        assertThatThrownBy(() -> hallmarkBc.jwks1.verify(impostor)).isInstanceOf(JoseException.class);
        assertThatThrownBy(() -> nimbus.jwks20.process(impostor, null));
        assertThatThrownBy(() -> nimbus.jwks1.process(impostor, null));
        assertThatThrownBy(() -> jjwt.jwks20.parseSignedClaims(impostor));
        assertThatThrownBy(() -> jjwt.jwks1.parseSignedClaims(impostor));
        assertThatThrownBy(() -> auth0.jwks20.verify(impostor));
        assertThatThrownBy(() -> auth0.jwks1.verify(impostor));
        assertThatThrownBy(() -> jose4j.jwks20.processToClaims(impostor));
        assertThatThrownBy(() -> jose4j.jwks1.processToClaims(impostor));
    }
}
