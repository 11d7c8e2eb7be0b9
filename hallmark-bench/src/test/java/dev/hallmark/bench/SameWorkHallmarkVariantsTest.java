package dev.hallmark.bench;

import dev.hallmark.JoseException;
import dev.hallmark.Reason;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Hallmark variants shown beside {@code verifyES256}: with hallmark-bc and with the verified-token cache. Both
 * return the standard claims, run on the engine they are named for (the test class path has hallmark-bc, like the
 * benchmark jar), and refuse a forged token, the cached one even after it has cached the genuine token.
 */
class SameWorkHallmarkVariantsTest {

    static HallmarkBcBench bc = new HallmarkBcBench();
    static VerifiedTokenCacheBench cache = new VerifiedTokenCacheBench();

    @BeforeAll
    static void setUp() {
        bc.setup();
        bc.checkEngine();
        cache.setup();
        cache.checkEngine();
    }

    @Test
    void bothReturnTheStandardClaims() {
        SameClaims.assertSame(bc.verifyES256(), Fixtures.shared().claims);
        SameClaims.assertSame(bc.verifyEdDSA(), Fixtures.shared().claims);
        SameClaims.assertSame(cache.verifyCachedES256(), Fixtures.shared().claims);
        SameClaims.assertSame(cache.verifyCachedES256(), Fixtures.shared().claims);
    }

    @Test
    void bothRefuseAForgedToken() {
        cache.verifyCachedES256();
        String forged = SameClaims.forgeSubject(Fixtures.shared().tokenES256);
        assertThatThrownBy(() -> bc.es256.verify(forged)).isInstanceOf(JoseException.class)
                .extracting(e -> ((JoseException) e).reason()).isEqualTo(Reason.BAD_SIGNATURE);
        assertThatThrownBy(() -> cache.cached.verify(forged)).isInstanceOf(JoseException.class)
                .extracting(e -> ((JoseException) e).reason()).isEqualTo(Reason.BAD_SIGNATURE);
        assertThat(cache.verifyCachedES256()).containsEntry("sub", Fixtures.SUBJECT);
    }
}
