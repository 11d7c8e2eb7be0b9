package dev.hallmark.bench;

import dev.hallmark.Limits;
import dev.hallmark.internal.json.JsonOutput;
import dev.hallmark.internal.json.StrictJson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Each stage measures the work its name says, on the fixture token, and the measuring sticks decide right. */
class HallmarkStagesBenchTest {

    static HallmarkStagesBench stages;

    @BeforeAll
    static void setUp() {
        stages = new HallmarkStagesBench();
        stages.setup();
    }

    @Test
    void theHmacStageAcceptsTheFixtureToken() {
        assertThat(stages.hmacHS256()).isTrue();
    }

    @Test
    void theDecodeStageGivesThePayload() {
        assertThat((byte[]) stages.decodePayload()).isEqualTo(stages.claimsJson);
    }

    @Test
    void bothParsesReadTheNineClaims() {
        assertThat((Map<?, ?>) stages.parseClaimsJson()).hasSize(9).isEqualTo(stages.parseClaimsRetained());
    }

    @Test
    void jacksonWalksEveryTokenOfTheClaims() throws Exception {
        // { and }, nine names, nine scalar values of which roles is an array of two: [ , two strings , ]
        assertThat(stages.jacksonTokenizeClaims()).isEqualTo(2 + 9 + 8 + 4);
    }

    @Test
    void theLeastVerifierAcceptsTheTokenAndRefusesAForgedOne() {
        String token = stages.f.tokenHS256;
        assertThat(stages.leastVerifierWithoutJson()).isTrue();
        char last = token.charAt(token.length() - 1);
        String forged = token.substring(0, token.length() - 1) + (last == 'A' ? 'Q' : 'A');
        assertThat(stages.leastVerifierWithoutJson(forged)).isFalse();
    }

    @Test
    void theLeastSignerMakesTheFixtureToken() {
        assertThat(stages.leastSignerFromJsonBytes()).isEqualTo(stages.f.tokenHS256);
    }

    @Test
    void theSignerStagesMakeTheFixtureClaimsAndToken() {
        JsonOutput json = (JsonOutput) stages.writeClaimsJson();
        // the same claims, in the fixture map's order rather than the token's
        assertThat(StrictJson.parseObject(Arrays.copyOf(json.buffer(), json.size()), Limits.DEFAULT, "written"))
                .isEqualTo(stages.parseClaimsJson());
        assertThat(stages.jwsSignHS256FromJsonBytes()).isEqualTo(stages.f.tokenHS256);
    }
}
