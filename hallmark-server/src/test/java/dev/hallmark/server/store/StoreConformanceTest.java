package dev.hallmark.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hallmark.server.store.RefreshTokenRecord.State;
import dev.hallmark.server.store.sql.SqlStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Store} backend must do, method by method, including the races the interfaces promise to settle.
 * A backend's test extends this class and says how to make a fresh, empty database.
 */
public abstract class StoreConformanceTest {

    /** Millisecond-aligned, far from the epoch and from "now", so no test depends on the wall clock. */
    protected static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
    protected static final Duration HOUR = Duration.ofHours(1);

    protected Store store;
    private String url;
    private final List<Store> extraStores = new ArrayList<>();

    /** A URL of a new, empty database; called once before each test and again by tests that need a second one. */
    protected abstract String freshDatabase() throws Exception;

    /** Removes the databases made by {@link #freshDatabase()} during the test; stores are closed already. */
    protected void dropDatabases() throws Exception {
    }

    @BeforeEach
    void openStore() throws Exception {
        url = freshDatabase();
        store = Store.open(url);
    }

    @AfterEach
    void closeStores() throws Exception {
        extraStores.forEach(Store::close);
        if (store != null) {
            store.close();
        }
        dropDatabases();
    }

    /** The current test's database, opened once more (another instance or process sharing it). */
    protected Store openAgain() {
        Store again = Store.open(url);
        extraStores.add(again);
        return again;
    }

    // ---------------------------------------------------------------- the store as a whole

    @Test
    void opensHealthyAtTheLatestSchemaVersion() {
        assertThat(store.isHealthy()).isTrue();
        assertThat(((SqlStore) store).schemaVersion()).isEqualTo(1);
    }

    @Test
    void reopeningKeepsTheDataAndAppliesNoMigrationTwice() {
        store.clients().insert(client("c1"));
        store.users().insert(user("u1", "alice"));
        store.close();
        store = Store.open(url);
        assertThat(store.clients().find("c1")).isPresent();
        assertThat(store.users().findByUsername("alice")).isPresent();
        assertThat(((SqlStore) store).schemaVersion()).isEqualTo(1);

        Store second = openAgain();
        assertThat(second.clients().find("c1")).isPresent();
        second.clients().insert(client("c2"));
        assertThat(store.clients().find("c2")).isPresent();
    }

    @Test
    void processesOpeningAFreshDatabaseTogetherMigrateItOnce() throws Exception {
        String fresh = freshDatabase();
        List<Store> opened = race(6, () -> Store.open(fresh));
        try {
            for (Store each : opened) {
                assertThat(((SqlStore) each).schemaVersion()).isEqualTo(1);
                assertThat(each.isHealthy()).isTrue();
            }
            opened.get(0).clients().insert(client("shared"));
            assertThat(opened.get(5).clients().find("shared")).isPresent();
        } finally {
            opened.forEach(Store::close);
        }
    }

    @Test
    void aClosedStoreIsUnhealthyAndRefusesWork() {
        store.close();
        assertThat(store.isHealthy()).isFalse();
        assertThatThrownBy(() -> store.clients().find("c1")).isInstanceOf(StoreException.class)
                .hasMessageContaining("closed");
        store.close(); // twice is harmless
    }

    // ---------------------------------------------------------------- clients

    @Test
    void clientRoundTripsEveryField() {
        ClientRecord full = new ClientRecord("c1", "Orders app", "$argon2id$v=19$m=65536,t=3,p=1$abc$def",
                "{\"keys\":[]}", true, Set.of("read", "write", "admin:all"),
                Set.of("https://api.example.com", "a b", "quote\" back\\slash", "tab\tnew\nline\u0001",
                        "ünïcødé ✓"),
                false, T0);
        ClientRecord bare = new ClientRecord("c2", "Key-only", null, null, false, Set.of(), Set.of(), true,
                T0.plusSeconds(1));
        store.clients().insert(full);
        store.clients().insert(bare);

        assertThat(store.clients().find("c1")).contains(full);
        assertThat(store.clients().find("c2")).contains(bare);
        assertThat(store.clients().find("nobody")).isEmpty();
    }

    @Test
    void duplicateClientIdFails() {
        store.clients().insert(client("c1"));
        assertThatThrownBy(() -> store.clients().insert(client("c1"))).isInstanceOf(StoreException.class)
                .hasMessageContaining("c1").hasMessageContaining("already exists");
        assertThat(store.clients().list()).hasSize(1);
    }

    @Test
    void clientsAreListedOldestFirst() {
        store.clients().insert(new ClientRecord("b", "B", null, null, false, Set.of(), Set.of(), false,
                T0.plusSeconds(20)));
        store.clients().insert(new ClientRecord("c", "C", null, null, false, Set.of(), Set.of(), false, T0));
        store.clients().insert(new ClientRecord("a", "A", null, null, false, Set.of(), Set.of(), false,
                T0.plusSeconds(10)));
        assertThat(store.clients().list()).extracting(ClientRecord::clientId).containsExactly("c", "a", "b");
    }

    @Test
    void clientSecretIsReplacedOnlyForAnExistingClient() {
        store.clients().insert(client("c1"));
        assertThat(store.clients().updateSecret("c1", "new-hash")).isTrue();
        assertThat(store.clients().find("c1").orElseThrow().secretHash()).isEqualTo("new-hash");
        assertThat(store.clients().updateSecret("nobody", "x")).isFalse();
        assertThat(store.clients().find("nobody")).isEmpty();
    }

    @Test
    void clientIsDisabledOnlyWhenItExists() {
        store.clients().insert(client("c1"));
        assertThat(store.clients().disable("c1")).isTrue();
        assertThat(store.clients().find("c1").orElseThrow().disabled()).isTrue();
        assertThat(store.clients().disable("c1")).isTrue();
        assertThat(store.clients().disable("nobody")).isFalse();
    }

    @Test
    void instantsAreKeptToTheMillisecond() {
        store.clients().insert(new ClientRecord("c1", "C", null, null, false, Set.of(), Set.of(), false,
                T0.plusNanos(123_456_789)));
        assertThat(store.clients().find("c1").orElseThrow().createdAt()).isEqualTo(T0.plusMillis(123));
    }

    // ---------------------------------------------------------------- users

    @Test
    void userRoundTripsAndIsFoundByIdAndByName() {
        UserRecord alice = new UserRecord("u1", "alice", "$argon2id$hash", Set.of("admin", "billing team"), false,
                T0);
        store.users().insert(alice);
        assertThat(store.users().findById("u1")).contains(alice);
        assertThat(store.users().findByUsername("alice")).contains(alice);
        assertThat(store.users().findByUsername("Alice")).as("user names compare exactly").isEmpty();
        assertThat(store.users().findById("nobody")).isEmpty();
        assertThat(store.users().findByUsername("nobody")).isEmpty();
    }

    @Test
    void duplicateUserIdOrUserNameFails() {
        store.users().insert(user("u1", "alice"));
        assertThatThrownBy(() -> store.users().insert(user("u1", "bob"))).isInstanceOf(StoreException.class);
        assertThatThrownBy(() -> store.users().insert(user("u2", "alice"))).isInstanceOf(StoreException.class)
                .hasMessageContaining("already exists");
        assertThat(store.users().list()).extracting(UserRecord::userId).containsExactly("u1");
    }

    @Test
    void usersAreListedOldestFirst() {
        store.users().insert(new UserRecord("u2", "bob", "h", Set.of(), false, T0.plusSeconds(5)));
        store.users().insert(new UserRecord("u1", "alice", "h", Set.of(), false, T0));
        assertThat(store.users().list()).extracting(UserRecord::username).containsExactly("alice", "bob");
    }

    @Test
    void userPasswordIsReplacedOnlyForAnExistingUser() {
        store.users().insert(user("u1", "alice"));
        assertThat(store.users().updatePassword("u1", "$argon2id$new")).isTrue();
        assertThat(store.users().findById("u1").orElseThrow().passwordHash()).isEqualTo("$argon2id$new");
        assertThat(store.users().updatePassword("nobody", "x")).isFalse();
    }

    @Test
    void userIsDisabledOnlyWhenItExists() {
        store.users().insert(user("u1", "alice"));
        assertThat(store.users().disable("u1")).isTrue();
        assertThat(store.users().findByUsername("alice").orElseThrow().disabled()).isTrue();
        assertThat(store.users().disable("nobody")).isFalse();
    }

    // ---------------------------------------------------------------- refresh tokens

    @Test
    void refreshTokenRoundTrips() {
        RefreshTokenRecord withUser = refresh("h1", "f1", "c1", "u1");
        RefreshTokenRecord clientOnly = new RefreshTokenRecord("h2", "f2", "c1", null, "", T0, T0.plus(HOUR),
                State.ROTATED, "h3", T0.plusSeconds(30));
        store.refreshTokens().insert(withUser);
        store.refreshTokens().insert(clientOnly);
        assertThat(store.refreshTokens().find("h1")).contains(withUser);
        assertThat(store.refreshTokens().find("h2")).contains(clientOnly);
        assertThat(store.refreshTokens().find("nope")).isEmpty();
    }

    @Test
    void duplicateRefreshTokenHashFails() {
        store.refreshTokens().insert(refresh("h1", "f1", "c1", "u1"));
        assertThatThrownBy(() -> store.refreshTokens().insert(refresh("h1", "f2", "c2", null)))
                .isInstanceOf(StoreException.class);
    }

    @Test
    void rotationRetiresTheOldTokenAndStoresItsSuccessor() {
        store.refreshTokens().insert(refresh("h1", "f1", "c1", "u1"));
        RefreshTokenRecord successor = refresh("h2", "f1", "c1", "u1");
        Instant now = T0.plusSeconds(60);

        assertThat(store.refreshTokens().rotate("h1", successor, now)).isTrue();

        RefreshTokenRecord old = store.refreshTokens().find("h1").orElseThrow();
        assertThat(old.state()).isEqualTo(State.ROTATED);
        assertThat(old.replacedBy()).isEqualTo("h2");
        assertThat(old.rotatedAt()).isEqualTo(now);
        assertThat(store.refreshTokens().find("h2")).contains(successor);
    }

    @Test
    void rotatingTheSameTokenTwiceFailsTheSecondTimeAndChangesNothing() {
        store.refreshTokens().insert(refresh("h1", "f1", "c1", "u1"));
        assertThat(store.refreshTokens().rotate("h1", refresh("h2", "f1", "c1", "u1"), T0)).isTrue();

        assertThat(store.refreshTokens().rotate("h1", refresh("h3", "f1", "c1", "u1"), T0.plusSeconds(1)))
                .isFalse();
        assertThat(store.refreshTokens().find("h3")).isEmpty();
        assertThat(store.refreshTokens().find("h1").orElseThrow().replacedBy()).isEqualTo("h2");
    }

    @Test
    void rotatingAnUnknownOrRevokedTokenFails() {
        assertThat(store.refreshTokens().rotate("nope", refresh("h2", "f1", "c1", null), T0)).isFalse();
        assertThat(store.refreshTokens().find("h2")).isEmpty();

        store.refreshTokens().insert(refresh("h1", "f1", "c1", null));
        store.refreshTokens().revokeFamily("f1", T0);
        assertThat(store.refreshTokens().rotate("h1", refresh("h3", "f1", "c1", null), T0)).isFalse();
        assertThat(store.refreshTokens().find("h3")).isEmpty();
    }

    @Test
    void rotationIsAllOrNothingWhenTheSuccessorCannotBeStored() {
        store.refreshTokens().insert(refresh("h1", "f1", "c1", "u1"));
        store.refreshTokens().insert(refresh("taken", "f9", "c1", "u1"));

        assertThatThrownBy(() -> store.refreshTokens().rotate("h1", refresh("taken", "f1", "c1", "u1"), T0))
                .isInstanceOf(StoreException.class);
        RefreshTokenRecord old = store.refreshTokens().find("h1").orElseThrow();
        assertThat(old.state()).isEqualTo(State.ACTIVE);
        assertThat(old.replacedBy()).isNull();
        assertThat(store.refreshTokens().find("taken").orElseThrow().familyId()).isEqualTo("f9");
    }

    @Test
    void concurrentRotationsOfOneTokenHaveExactlyOneWinner() throws Exception {
        for (int round = 0; round < 10; round++) {
            String family = "f" + round;
            String old = family + "-old";
            store.refreshTokens().insert(refresh(old, family, "c1", "u1"));
            List<Integer> threads = IntStream.range(0, 8).boxed().toList();
            List<Boolean> results = raceEach(threads,
                    i -> store.refreshTokens().rotate(old, refresh(family + "-new" + i, family, "c1", "u1"), T0));

            assertThat(results).filteredOn(Boolean::booleanValue).hasSize(1);
            int winner = results.indexOf(true);
            assertThat(store.refreshTokens().find(old).orElseThrow().replacedBy()).isEqualTo(family + "-new" + winner);
            for (int i = 0; i < 8; i++) {
                assertThat(store.refreshTokens().find(family + "-new" + i).isPresent()).isEqualTo(i == winner);
            }
        }
    }

    @Test
    void revokingAFamilyRevokesEveryTokenInIt() {
        store.refreshTokens().insert(refresh("h1", "f1", "c1", "u1"));
        store.refreshTokens().rotate("h1", refresh("h2", "f1", "c1", "u1"), T0);
        store.refreshTokens().rotate("h2", refresh("h3", "f1", "c1", "u1"), T0);
        store.refreshTokens().insert(refresh("other", "f2", "c1", "u1"));

        assertThat(store.refreshTokens().revokeFamily("f1", T0.plusSeconds(5))).isEqualTo(3);
        for (String hash : List.of("h1", "h2", "h3")) {
            assertThat(store.refreshTokens().find(hash).orElseThrow().state()).isEqualTo(State.REVOKED);
        }
        assertThat(store.refreshTokens().find("h1").orElseThrow().replacedBy()).as("history kept").isEqualTo("h2");
        assertThat(store.refreshTokens().find("other").orElseThrow().state()).isEqualTo(State.ACTIVE);
        assertThat(store.refreshTokens().revokeFamily("f1", T0)).as("nothing left to change").isZero();
        assertThat(store.refreshTokens().revokeFamily("unknown", T0)).isZero();
    }

    @Test
    void revokingByUserAndByClientTouchesOnlyTheirTokens() {
        store.refreshTokens().insert(refresh("a1", "fa1", "c1", "alice"));
        store.refreshTokens().insert(refresh("a2", "fa2", "c2", "alice"));
        store.refreshTokens().insert(refresh("b1", "fb1", "c1", "bob"));
        store.refreshTokens().insert(refresh("n1", "fn1", "c3", null));

        assertThat(store.refreshTokens().revokeByUser("alice", T0)).isEqualTo(2);
        assertThat(store.refreshTokens().find("b1").orElseThrow().state()).isEqualTo(State.ACTIVE);
        assertThat(store.refreshTokens().revokeByClient("c1", T0)).as("a1 was revoked already").isEqualTo(1);
        assertThat(store.refreshTokens().find("b1").orElseThrow().state()).isEqualTo(State.REVOKED);
        assertThat(store.refreshTokens().find("n1").orElseThrow().state()).isEqualTo(State.ACTIVE);
        assertThat(store.refreshTokens().revokeByClient("c3", T0)).isEqualTo(1);
    }

    @Test
    void purgingRefreshTokensDeletesOnlyExpiredOnes() {
        store.refreshTokens().insert(new RefreshTokenRecord("old", "f1", "c1", null, "s", T0, T0.plusSeconds(10),
                State.ROTATED, "new", T0.plusSeconds(5)));
        store.refreshTokens().insert(refresh("new", "f1", "c1", null));
        assertThat(store.refreshTokens().purgeExpired(T0.plusSeconds(10))).isEqualTo(1);
        assertThat(store.refreshTokens().find("old")).isEmpty();
        assertThat(store.refreshTokens().find("new")).isPresent();
    }

    // ---------------------------------------------------------------- access tokens and revocation

    @Test
    void issuedAccessTokenRoundTrips() {
        AccessTokenRecord full = access("j1", "c1", "u1", "f1", T0.plus(HOUR));
        AccessTokenRecord bare = new AccessTokenRecord("j2", "c1", null, null, "", null, T0, T0.plus(HOUR));
        store.revocations().recordIssued(full);
        store.revocations().recordIssued(bare);
        assertThat(store.revocations().findIssued("j1")).contains(full);
        assertThat(store.revocations().findIssued("j2")).contains(bare);
        assertThat(store.revocations().findIssued("nope")).isEmpty();
        assertThatThrownBy(() -> store.revocations().recordIssued(full)).isInstanceOf(StoreException.class);
    }

    @Test
    void revokingAnAccessTokenIsIdempotent() {
        store.revocations().recordIssued(access("j1", "c1", "u1", null, T0.plus(HOUR)));
        assertThat(store.revocations().isRevoked("j1")).isFalse();

        assertThat(store.revocations().revoke("j1", T0)).isTrue();
        assertThat(store.revocations().revoke("j1", T0.plusSeconds(1))).isTrue();

        assertThat(store.revocations().isRevoked("j1")).isTrue();
        assertThat(store.revocations().feed(0, T0, 100)).singleElement()
                .satisfies(entry -> {
                    assertThat(entry.jti()).isEqualTo("j1");
                    assertThat(entry.expiresAt()).isEqualTo(T0.plus(HOUR));
                    assertThat(entry.cursor()).isPositive();
                });
    }

    @Test
    void unknownOrExpiredAccessTokensAreNotRevoked() {
        store.revocations().recordIssued(access("j1", "c1", "u1", null, T0.plusSeconds(10)));
        assertThat(store.revocations().revoke("nope", T0)).isFalse();
        assertThat(store.revocations().revoke("j1", T0.plusSeconds(10))).as("expired at its exp").isFalse();
        assertThat(store.revocations().isRevoked("j1")).isFalse();
        assertThat(store.revocations().isRevoked("nope")).isFalse();
        assertThat(store.revocations().feed(0, T0, 100)).isEmpty();
    }

    @Test
    void revokingAFamilyRevokesItsUnexpiredAccessTokens() {
        store.revocations().recordIssued(access("a", "c1", "u1", "f1", T0.plus(HOUR)));
        store.revocations().recordIssued(access("b", "c1", "u1", "f1", T0.plus(HOUR)));
        store.revocations().recordIssued(access("expired", "c1", "u1", "f1", T0.plusSeconds(5)));
        store.revocations().recordIssued(access("other", "c1", "u1", "f2", T0.plus(HOUR)));
        store.revocations().revoke("a", T0);

        assertThat(store.revocations().revokeFamily("f1", T0.plusSeconds(5))).as("b only").isEqualTo(1);
        assertThat(store.revocations().isRevoked("a")).isTrue();
        assertThat(store.revocations().isRevoked("b")).isTrue();
        assertThat(store.revocations().isRevoked("expired")).isFalse();
        assertThat(store.revocations().isRevoked("other")).isFalse();
        assertThat(store.revocations().revokeFamily("f1", T0.plusSeconds(5))).isZero();
        assertThat(store.revocations().feed(0, T0, 100)).extracting(RevokedToken::jti).containsExactly("a", "b");
    }

    @Test
    void revokingByUserAndByClientRevokesTheirAccessTokens() {
        store.revocations().recordIssued(access("a1", "c1", "alice", null, T0.plus(HOUR)));
        store.revocations().recordIssued(access("a2", "c2", "alice", null, T0.plus(HOUR)));
        store.revocations().recordIssued(access("b1", "c1", "bob", null, T0.plus(HOUR)));
        store.revocations().recordIssued(access("m1", "c3", null, null, T0.plus(HOUR)));

        assertThat(store.revocations().revokeByUser("alice", T0)).isEqualTo(2);
        assertThat(store.revocations().isRevoked("b1")).isFalse();
        assertThat(store.revocations().revokeByClient("c1", T0)).isEqualTo(1);
        assertThat(store.revocations().isRevoked("b1")).isTrue();
        assertThat(store.revocations().isRevoked("m1")).isFalse();
        assertThat(store.revocations().revokeByUser("nobody", T0)).isZero();
    }

    @Test
    void feedIsOrderedByCursorAndResumesAfterOne() {
        for (int i = 1; i <= 5; i++) {
            store.revocations().recordIssued(access("j" + i, "c1", "u1", null, T0.plus(HOUR)));
        }
        store.revocations().revoke("j3", T0);
        store.revocations().revoke("j1", T0);
        store.revocations().revoke("j5", T0);

        List<RevokedToken> all = store.revocations().feed(0, T0, 100);
        assertThat(all).extracting(RevokedToken::jti).containsExactly("j3", "j1", "j5");
        assertThat(all).extracting(RevokedToken::cursor).isSorted().doesNotHaveDuplicates();

        assertThat(store.revocations().feed(all.get(0).cursor(), T0, 100)).extracting(RevokedToken::jti)
                .containsExactly("j1", "j5");
        assertThat(store.revocations().feed(all.get(2).cursor(), T0, 100)).isEmpty();
        assertThat(store.revocations().feed(0, T0, 2)).extracting(RevokedToken::jti).containsExactly("j3", "j1");
        assertThatIllegalArgumentException().isThrownBy(() -> store.revocations().feed(0, T0, 0));
    }

    @Test
    void feedLeavesOutTokensThatHaveExpired() {
        store.revocations().recordIssued(access("short", "c1", "u1", null, T0.plusSeconds(60)));
        store.revocations().recordIssued(access("long", "c1", "u1", null, T0.plus(HOUR)));
        store.revocations().revoke("short", T0);
        store.revocations().revoke("long", T0);

        assertThat(store.revocations().feed(0, T0.plusSeconds(59), 100)).hasSize(2);
        assertThat(store.revocations().feed(0, T0.plusSeconds(60), 100)).extracting(RevokedToken::jti)
                .containsExactly("long");
    }

    @Test
    void feedCursorsKeepGrowingAfterAPurge() {
        store.revocations().recordIssued(access("j1", "c1", "u1", null, T0.plusSeconds(10)));
        store.revocations().recordIssued(access("j2", "c1", "u1", null, T0.plusSeconds(10)));
        store.revocations().recordIssued(access("j3", "c1", "u1", null, T0.plus(HOUR)));
        store.revocations().revoke("j1", T0);
        store.revocations().revoke("j2", T0);
        long lastBefore = store.revocations().feed(0, T0, 100).get(1).cursor();

        store.revocations().purgeExpired(T0.plusSeconds(10));
        store.revocations().revoke("j3", T0.plusSeconds(11));

        assertThat(store.revocations().feed(0, T0.plusSeconds(11), 100)).singleElement()
                .satisfies(entry -> assertThat(entry.cursor()).isGreaterThan(lastBefore));
    }

    @Test
    void concurrentRevocationsGetDistinctGapFreeCursors() throws Exception {
        for (int i = 0; i < 80; i++) {
            store.revocations().recordIssued(access("j" + i, "c1", "u" + (i % 8), "f" + (i % 8), T0.plus(HOUR)));
        }
        List<Integer> threads = IntStream.range(0, 8).boxed().toList();
        raceEach(threads, t -> {
            for (int i = t; i < 80; i += 8) {
                if (i % 16 == t) {
                    store.revocations().revoke("j" + i, T0);
                }
            }
            return store.revocations().revokeFamily("f" + t, T0); // the rest of this thread's tokens
        });

        List<RevokedToken> feed = store.revocations().feed(0, T0, 1000);
        assertThat(feed).hasSize(80);
        assertThat(feed).extracting(RevokedToken::jti).doesNotHaveDuplicates();
        long first = feed.get(0).cursor();
        assertThat(feed).extracting(RevokedToken::cursor)
                .containsExactlyElementsOf(LongStream.range(first, first + 80).boxed().toList());
    }

    @Test
    void purgingDeletesExpiredAccessTokensAndTheirRevocations() {
        store.revocations().recordIssued(access("gone1", "c1", "u1", null, T0.plusSeconds(10)));
        store.revocations().recordIssued(access("gone2", "c1", "u1", null, T0.plusSeconds(20)));
        store.revocations().recordIssued(access("kept", "c1", "u1", null, T0.plus(HOUR)));
        store.revocations().revoke("gone1", T0);
        store.revocations().revoke("kept", T0);

        assertThat(store.revocations().purgeExpired(T0.plusSeconds(20))).as("2 issued + 1 revocation")
                .isEqualTo(3);
        assertThat(store.revocations().findIssued("gone1")).isEmpty();
        assertThat(store.revocations().findIssued("gone2")).isEmpty();
        assertThat(store.revocations().isRevoked("gone1")).isFalse();
        assertThat(store.revocations().findIssued("kept")).isPresent();
        assertThat(store.revocations().isRevoked("kept")).isTrue();
        assertThat(store.revocations().purgeExpired(T0.plusSeconds(20))).isZero();
    }

    // ---------------------------------------------------------------- signing keys

    @Test
    void keysAreListedOldestFirstAndRoundTrip() {
        SigningKeyRecord newer = key("k2", KeyState.PUBLISHED, T0.plusSeconds(100));
        SigningKeyRecord older = new SigningKeyRecord("k1", "EdDSA", "{\"kty\":\"OKP\"}", "enc:secret",
                KeyState.RETIRED, T0, T0.plusSeconds(1), T0.plusSeconds(2), T0.plusSeconds(3));
        store.keys().insert(newer);
        store.keys().insert(older);
        assertThat(store.keys().list()).containsExactly(older, newer);
        assertThatThrownBy(() -> store.keys().insert(newer)).isInstanceOf(StoreException.class);
    }

    @Test
    void theFirstKeyIsActivatedWithNoExpectedActiveKey() {
        store.keys().insert(key("k1", KeyState.PUBLISHED, T0));
        assertThat(store.keys().activate("k1", null, T0, T0.plus(HOUR))).isTrue();
        assertThat(stateOf("k1")).isEqualTo(KeyState.ACTIVE);

        store.keys().insert(key("k2", KeyState.PUBLISHED, T0));
        assertThat(store.keys().activate("k2", null, T0, T0.plus(HOUR))).as("k1 is active").isFalse();
        assertThat(stateOf("k2")).isEqualTo(KeyState.PUBLISHED);
    }

    @Test
    void activationRetiresTheExpectedActiveKey() {
        store.keys().insert(key("k1", KeyState.PUBLISHED, T0));
        store.keys().insert(key("k2", KeyState.PUBLISHED, T0.plusSeconds(1)));
        store.keys().activate("k1", null, T0, T0.plus(HOUR));
        Instant now = T0.plusSeconds(600);

        assertThat(store.keys().activate("k2", "k1", now, now.plus(HOUR))).isTrue();

        SigningKeyRecord k1 = store.keys().list().get(0);
        assertThat(k1.state()).isEqualTo(KeyState.RETIRED);
        assertThat(k1.retiredAt()).isEqualTo(now);
        assertThat(k1.deleteAfter()).isEqualTo(now.plus(HOUR));
        assertThat(stateOf("k2")).isEqualTo(KeyState.ACTIVE);
    }

    @Test
    void activationWithAStaleExpectedKeyChangesNothing() {
        store.keys().insert(key("k1", KeyState.PUBLISHED, T0));
        store.keys().insert(key("k2", KeyState.PUBLISHED, T0));
        store.keys().insert(key("k3", KeyState.PUBLISHED, T0));
        store.keys().activate("k1", null, T0, T0.plus(HOUR));
        store.keys().activate("k2", "k1", T0, T0.plus(HOUR));

        assertThat(store.keys().activate("k3", "k1", T0, T0.plus(HOUR))).isFalse();
        assertThat(stateOf("k2")).isEqualTo(KeyState.ACTIVE);
        assertThat(stateOf("k3")).isEqualTo(KeyState.PUBLISHED);
    }

    @Test
    void activatingAKeyThatIsNotPublishedFailsAndKeepsTheActiveKey() {
        store.keys().insert(key("k1", KeyState.PUBLISHED, T0));
        store.keys().insert(key("old", KeyState.RETIRED, T0));
        store.keys().activate("k1", null, T0, T0.plus(HOUR));

        assertThat(store.keys().activate("missing", "k1", T0, T0.plus(HOUR))).isFalse();
        assertThat(store.keys().activate("old", "k1", T0, T0.plus(HOUR))).isFalse();
        SigningKeyRecord k1 = store.keys().list().stream().filter(k -> k.kid().equals("k1")).findFirst()
                .orElseThrow();
        assertThat(k1.state()).as("the retirement was rolled back").isEqualTo(KeyState.ACTIVE);
        assertThat(k1.retiredAt()).isNull();
        assertThatIllegalArgumentException().isThrownBy(() -> store.keys().activate("k1", "k1", T0, T0));
    }

    @Test
    void racingActivationsHaveExactlyOneWinner() throws Exception {
        store.keys().insert(key("first-a", KeyState.PUBLISHED, T0));
        store.keys().insert(key("first-b", KeyState.PUBLISHED, T0));
        List<Boolean> firsts = raceEach(List.of("first-a", "first-b"),
                kid -> store.keys().activate(kid, null, T0, T0.plus(HOUR)));
        assertThat(firsts).containsExactlyInAnyOrder(true, false);

        String active = firsts.get(0) ? "first-a" : "first-b";
        for (int round = 0; round < 10; round++) {
            String expected = active;
            List<String> candidates = List.of("r" + round + "a", "r" + round + "b");
            for (String kid : candidates) {
                store.keys().insert(key(kid, KeyState.PUBLISHED, T0.plusSeconds(round + 1)));
            }
            List<Boolean> results = raceEach(candidates,
                    kid -> store.keys().activate(kid, expected, T0, T0.plus(HOUR)));
            assertThat(results).containsExactlyInAnyOrder(true, false);
            active = candidates.get(results.indexOf(true));
            assertThat(store.keys().list()).filteredOn(k -> k.state() == KeyState.ACTIVE)
                    .extracting(SigningKeyRecord::kid).containsExactly(active);
            assertThat(stateOf(expected)).isEqualTo(KeyState.RETIRED);
        }
    }

    @Test
    void expiredRetiredKeysAreDeleted() {
        store.keys().insert(new SigningKeyRecord("due", "ES256", "{}", "enc", KeyState.RETIRED, T0, T0, T0,
                T0.plusSeconds(10)));
        store.keys().insert(new SigningKeyRecord("later", "ES256", "{}", "enc", KeyState.RETIRED, T0, T0, T0,
                T0.plusSeconds(11)));
        store.keys().insert(key("published", KeyState.PUBLISHED, T0));
        store.keys().insert(key("active", KeyState.PUBLISHED, T0));
        store.keys().activate("active", null, T0, T0);

        assertThat(store.keys().deleteExpired(T0.plusSeconds(10))).isEqualTo(1);
        assertThat(store.keys().list()).extracting(SigningKeyRecord::kid)
                .containsExactlyInAnyOrder("later", "published", "active");
    }

    // ---------------------------------------------------------------- login throttling

    @Test
    void failuresCountWithinTheWindowAndReset() {
        Duration window = Duration.ofMinutes(1);
        assertThat(store.throttle().failures("user:alice", T0)).isZero();
        assertThat(store.throttle().recordFailure("user:alice", T0, window)).isEqualTo(1);
        assertThat(store.throttle().recordFailure("user:alice", T0.plusSeconds(1), window)).isEqualTo(2);
        assertThat(store.throttle().recordFailure("ip:10.0.0.1", T0.plusSeconds(2), window)).isEqualTo(1);
        assertThat(store.throttle().failures("user:alice", T0.plusSeconds(2))).isEqualTo(2);

        store.throttle().reset("user:alice");
        assertThat(store.throttle().failures("user:alice", T0.plusSeconds(2))).isZero();
        assertThat(store.throttle().failures("ip:10.0.0.1", T0.plusSeconds(2))).isEqualTo(1);
        store.throttle().reset("never-seen");
    }

    @Test
    void forgivingTakesBackOneAttemptButNeverGoesBelowZero() {
        store.throttle().recordFailure("ip:10.0.0.2", T0, HOUR);
        store.throttle().recordFailure("ip:10.0.0.2", T0, HOUR);
        store.throttle().forgive("ip:10.0.0.2");
        assertThat(store.throttle().failures("ip:10.0.0.2", T0)).isEqualTo(1);
        store.throttle().forgive("ip:10.0.0.2");
        store.throttle().forgive("ip:10.0.0.2");
        assertThat(store.throttle().failures("ip:10.0.0.2", T0)).isZero();
        assertThat(store.throttle().recordFailure("ip:10.0.0.2", T0, HOUR)).isEqualTo(1);
        store.throttle().forgive("never-seen");
        assertThat(store.throttle().failures("never-seen", T0)).isZero();
    }

    @Test
    void anEndedWindowStartsAgainAtOne() {
        Duration window = Duration.ofMinutes(1);
        store.throttle().recordFailure("k", T0, window);
        store.throttle().recordFailure("k", T0.plusSeconds(30), window);
        store.throttle().recordFailure("k", T0.plusSeconds(59), window);
        assertThat(store.throttle().failures("k", T0.plusMillis(59_999))).as("fixed window from the first failure")
                .isEqualTo(3);
        assertThat(store.throttle().failures("k", T0.plusSeconds(60))).isZero();

        assertThat(store.throttle().recordFailure("k", T0.plusSeconds(60), window)).isEqualTo(1);
        assertThat(store.throttle().recordFailure("k", T0.plusSeconds(119), window)).isEqualTo(2);
        assertThat(store.throttle().failures("k", T0.plusSeconds(120))).isZero();
        assertThatIllegalArgumentException().isThrownBy(() -> store.throttle().recordFailure("k", T0, Duration.ZERO));
    }

    @Test
    void parallelFailuresAreNeverLost() throws Exception {
        List<Integer> threads = IntStream.range(0, 16).boxed().toList();
        List<List<Integer>> seen = raceEach(threads, t -> {
            List<Integer> counts = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                counts.add(store.throttle().recordFailure("user:alice", T0, HOUR));
            }
            return counts;
        });
        assertThat(store.throttle().failures("user:alice", T0)).isEqualTo(800);
        Set<Integer> all = seen.stream().flatMap(List::stream).collect(Collectors.toSet());
        assertThat(all).as("every caller saw its own increment").hasSize(800).contains(1, 800);
    }

    @Test
    void failuresFromTwoInstancesOfTheStoreAddUp() throws Exception {
        Store other = openAgain();
        List<Integer> threads = IntStream.range(0, 8).boxed().toList();
        raceEach(threads, t -> {
            Store mine = t % 2 == 0 ? store : other;
            for (int i = 0; i < 25; i++) {
                mine.throttle().recordFailure("ip:192.0.2.1", T0, HOUR);
            }
            return null;
        });
        assertThat(other.throttle().failures("ip:192.0.2.1", T0)).isEqualTo(200);
    }

    @Test
    void endedWindowsArePurged() {
        store.throttle().recordFailure("old", T0, Duration.ofSeconds(10));
        store.throttle().recordFailure("current", T0, Duration.ofSeconds(20));
        assertThat(store.throttle().purgeExpired(T0.plusSeconds(10))).isEqualTo(1);
        assertThat(store.throttle().failures("current", T0.plusSeconds(10))).isEqualTo(1);
        assertThat(store.throttle().recordFailure("old", T0.plusSeconds(10), Duration.ofSeconds(10))).isEqualTo(1);
    }

    // ---------------------------------------------------------------- helpers

    /** Key states, named apart from refresh-token states. */
    private static final class KeyState {
        static final SigningKeyRecord.State PUBLISHED = SigningKeyRecord.State.PUBLISHED;
        static final SigningKeyRecord.State ACTIVE = SigningKeyRecord.State.ACTIVE;
        static final SigningKeyRecord.State RETIRED = SigningKeyRecord.State.RETIRED;

        private KeyState() {
        }
    }

    private SigningKeyRecord.State stateOf(String kid) {
        return store.keys().list().stream().filter(k -> k.kid().equals(kid)).findFirst().orElseThrow().state();
    }

    protected static ClientRecord client(String id) {
        return new ClientRecord(id, "Client " + id, "hash-" + id, null, false, Set.of("read"), Set.of("api"), false,
                T0);
    }

    protected static UserRecord user(String id, String username) {
        return new UserRecord(id, username, "$argon2id$" + id, Set.of("user"), false, T0);
    }

    protected static RefreshTokenRecord refresh(String hash, String family, String client, String user) {
        return new RefreshTokenRecord(hash, family, client, user, "read write", T0, T0.plus(Duration.ofDays(30)),
                State.ACTIVE, null, null);
    }

    protected static AccessTokenRecord access(String jti, String client, String user, String family,
                                              Instant expiresAt) {
        return new AccessTokenRecord(jti, client, user, family, "read", "https://api.example.com", T0, expiresAt);
    }

    protected static SigningKeyRecord key(String kid, SigningKeyRecord.State state, Instant createdAt) {
        return new SigningKeyRecord(kid, "ES256", "{\"kty\":\"EC\",\"kid\":\"" + kid + "\"}", "encrypted-" + kid,
                state, createdAt, createdAt, null, null);
    }

    /** Runs {@code task} on {@code threads} threads released together; returns what each returned. */
    protected static <T> List<T> race(int threads, Callable<T> task) throws Exception {
        return raceEach(IntStream.range(0, threads).boxed().toList(), ignored -> task.call());
    }

    /** A task that may throw. */
    @FunctionalInterface
    protected interface Task<I, T> {
        T run(I input) throws Exception;
    }

    /** Runs one task per input, each on its own thread, all released at once; results in input order. */
    protected static <I, T> List<T> raceEach(List<I> inputs, Task<I, T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(inputs.size());
        CountDownLatch ready = new CountDownLatch(inputs.size());
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (I input : inputs) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return task.run(input);
                }));
            }
            ready.await();
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
