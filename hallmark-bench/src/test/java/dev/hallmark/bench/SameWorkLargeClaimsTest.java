package dev.hallmark.bench;

import dev.hallmark.JoseException;
import dev.hallmark.Reason;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The 4 KB claims benchmark compares like with like: the claims set really is about 4 KB with nested objects, arrays
 * and non-ASCII text; every library returns all of it, equal to what was signed; every library refuses the token
 * with its subject changed.
 */
class SameWorkLargeClaimsTest {

    static HallmarkBench hallmark = new HallmarkBench();
    static NimbusBench nimbus = new NimbusBench();
    static JjwtBench jjwt = new JjwtBench();
    static Auth0Bench auth0 = new Auth0Bench();
    static Jose4jBench jose4j = new Jose4jBench();
    static FloorBench floor = new FloorBench();
    static LargeClaimsFixtures large;

    @BeforeAll
    static void setUp() throws Exception {
        hallmark.setup();
        nimbus.setup();
        jjwt.setup();
        auth0.setup();
        jose4j.setup();
        floor.setup();
        large = LargeClaimsFixtures.shared();
    }

    @Test
    void theClaimsSetIsAboutFourKilobytesOfNestedUnicodeClaims() {
        assertThat(large.claimsBytes).isBetween(LargeClaimsFixtures.TARGET_BYTES, LargeClaimsFixtures.TARGET_BYTES + 64);
        assertThat(large.claims).containsKeys("address", "tenant", "groups", "permissions", "entitlements");
        assertThat((List<?>) large.claims.get("permissions")).hasSizeGreaterThan(20);
        assertThat((String) large.claims.get("name")).isEqualTo("Zoë Ångström-Nakamura");
    }

    @Test
    void everyLibraryReturnsEveryClaimAsSigned() throws Exception {
        Map<String, Object> expected = large.claims;
        SameClaims.assertSame(hallmark.verifyHS256Claims4k(), expected);
        SameClaims.assertSame(nimbus.verifyHS256Claims4k(), expected);
        SameClaims.assertSame(jjwt.verifyHS256Claims4k(), expected);
        SameClaims.assertSame(jose4j.verifyHS256Claims4k(), expected);
        SameClaims.assertSameAuth0(auth0.verifyHS256Claims4k(), expected);
        assertThat(floor.verifyHS256Claims4k()).isTrue();
    }

    @Test
    void everyLibraryRefusesTheTokenWithItsSubjectChanged() {
        String forged = SameClaims.forgeSubject(large.token);
        assertThatThrownBy(() -> hallmark.hs256.verify(forged)).isInstanceOf(JoseException.class)
                .extracting(e -> ((JoseException) e).reason()).isEqualTo(Reason.BAD_SIGNATURE);
        assertThatThrownBy(() -> nimbus.hs256.process(forged, null));
        assertThatThrownBy(() -> jjwt.hs256.parseSignedClaims(forged));
        assertThatThrownBy(() -> auth0.hs256.verify(forged));
        assertThatThrownBy(() -> jose4j.hs256.processToClaims(forged));
    }
}
