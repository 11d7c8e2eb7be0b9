package dev.hallmark.bench;

import dev.hallmark.Reason;
import dev.hallmark.jwe.DecryptedJwe;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The JWE failure benchmark measures what it says: each forged case fails with DECRYPTION_FAILED (not run as JMH). */
class JweFailureBenchTest {

    @ParameterizedTest
    @ValueSource(strings = {"valid", "badTag", "badUnwrap", "badPadding"})
    void everyCaseEndsAsIntended(String kwCase) throws Exception {
        JweFailureBench bench = new JweFailureBench();
        bench.kwCase = kwCase;
        bench.setup();
        Object result = bench.decryptA256KwCbc();
        if (kwCase.equals("valid")) {
            assertThat(result).isInstanceOf(DecryptedJwe.class);
        } else {
            assertThat(result).isEqualTo(Reason.DECRYPTION_FAILED);
        }
        assertThat(bench.rsa1_5NotPkcs1()).isEqualTo(Reason.DECRYPTION_FAILED);
        assertThat(bench.rsa1_5BadTag()).isEqualTo(Reason.DECRYPTION_FAILED);
    }
}
