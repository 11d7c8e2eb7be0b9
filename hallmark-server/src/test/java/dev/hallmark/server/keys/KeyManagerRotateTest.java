package dev.hallmark.server.keys;

import dev.hallmark.server.issue.SecretTokens;
import dev.hallmark.server.store.SigningKeyRecord;
import dev.hallmark.server.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** On-demand rotation ({@code hallmark admin keys rotate}): the new key signs once publish-ahead has passed. */
class KeyManagerRotateTest {

    @TempDir
    Path dir;

    /** A clock tests move forward. */
    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-03-01T12:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aKeyPublishedOnDemandStartsSigningAfterPublishAheadBeforeTheScheduleIsDue() {
        MovableClock clock = new MovableClock();
        try (Store store = Store.open("sqlite:" + dir.resolve("hallmark.db"))) {
            KeyManager keys = new KeyManager(store.keys(), MasterKey.fromBase64Url(SecretTokens.newSecret()), clock,
                    "ES256", Duration.ofDays(30), Duration.ofHours(1), Duration.ofMinutes(15));
            keys.maintain();
            String first = keys.signer().toString();
            SigningKeyRecord next = keys.rotate();
            assertThat(next.state()).isEqualTo(SigningKeyRecord.State.PUBLISHED);

            clock.now = clock.now.plus(Duration.ofMinutes(59));
            assertThat(keys.maintain()).as("still waiting for verifiers to fetch it").isFalse();

            clock.now = clock.now.plus(Duration.ofMinutes(2));
            assertThat(keys.maintain()).as("publish-ahead has passed: it signs now").isTrue();
            assertThat(store.keys().list()).filteredOn(k -> k.kid().equals(next.kid()))
                    .extracting(SigningKeyRecord::state).containsExactly(SigningKeyRecord.State.ACTIVE);
            assertThat(keys.signer().toString()).isNotEqualTo(first);
        }
    }
}
