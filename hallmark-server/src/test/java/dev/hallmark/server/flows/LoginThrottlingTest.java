package dev.hallmark.server.flows;

import dev.hallmark.jwt.Claims;
import dev.hallmark.server.MutableClock;
import dev.hallmark.server.TestServer;
import dev.hallmark.server.store.UserRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.hallmark.server.TestServer.FIRST_PARTY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Password-grant throttling over real HTTP: counters are updated atomically in the store before the password is
 * looked at, so a parallel burst cannot get more guesses than the limit; lockouts end when the window has passed.
 */
class LoginThrottlingTest {

    static HttpResponse<String> login(TestServer s, String username, String password) throws Exception {
        return s.form("/oauth2/token", FIRST_PARTY, s.firstPartySecret, "grant_type", "password", "username",
                username, "password", password);
    }

    static void assertRefused(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(Claims.parse(r.body()).getString("error")).contains("invalid_grant");
    }

    static List<HttpResponse<String>> burst(TestServer s, int n, String username, boolean distinctUsers)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                String user = distinctUsers ? username + i : username;
                futures.add(pool.submit(() -> {
                    go.await();
                    return login(s, user, "wrong password");
                }));
            }
            go.countDown();
            List<HttpResponse<String>> out = new ArrayList<>();
            for (Future<HttpResponse<String>> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void parallelWrongPasswordsBeyondTheAccountLimitLockTheAccountUntilTheWindowPasses(@TempDir Path dir)
            throws Exception {
        MutableClock clock = new MutableClock(Instant.now());
        try (TestServer s = new TestServer(dir, b -> b.clock(clock).loginLimits(3, 100, Duration.ofMinutes(15)))) {
            s.store.users().insert(new UserRecord("user-bob", "bob", s.hasher.hash("bobs password".toCharArray()),
                    Set.of(), false, clock.instant()));
            for (HttpResponse<String> r : burst(s, 20, TestServer.USERNAME, false)) {
                assertRefused(r);
            }
            // the account is locked: even the right password is refused without being checked
            assertRefused(login(s, TestServer.USERNAME, TestServer.PASSWORD));
            // other accounts from the same address are not affected
            assertThat(login(s, "bob", "bobs password").statusCode()).isEqualTo(200);

            clock.advance(Duration.ofMinutes(14));
            assertRefused(login(s, TestServer.USERNAME, TestServer.PASSWORD));
            clock.advance(Duration.ofMinutes(2));
            HttpResponse<String> after = login(s, TestServer.USERNAME, TestServer.PASSWORD);
            assertThat(after.statusCode()).as(after.body()).isEqualTo(200);
        }
    }

    @Test
    void failuresBelowTheLimitAreForgottenAfterASuccess(@TempDir Path dir) throws Exception {
        MutableClock clock = new MutableClock(Instant.now());
        try (TestServer s = new TestServer(dir, b -> b.clock(clock).loginLimits(3, 100, Duration.ofMinutes(15)))) {
            assertRefused(login(s, TestServer.USERNAME, "wrong"));
            assertRefused(login(s, TestServer.USERNAME, "wrong"));
            assertThat(login(s, TestServer.USERNAME, TestServer.PASSWORD).statusCode()).isEqualTo(200);
            assertRefused(login(s, TestServer.USERNAME, "wrong"));
            assertRefused(login(s, TestServer.USERNAME, "wrong"));
            assertThat(login(s, TestServer.USERNAME, TestServer.PASSWORD).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void parallelGuessesAcrossAccountsBeyondTheAddressLimitLockTheAddress(@TempDir Path dir) throws Exception {
        MutableClock clock = new MutableClock(Instant.now());
        try (TestServer s = new TestServer(dir, b -> b.clock(clock).loginLimits(100, 3, Duration.ofMinutes(15)))) {
            for (HttpResponse<String> r : burst(s, 20, "guess-", true)) {
                assertRefused(r);
            }
            // every request comes from 127.0.0.1, which is now locked for any account
            assertRefused(login(s, TestServer.USERNAME, TestServer.PASSWORD));
            clock.advance(Duration.ofMinutes(16));
            HttpResponse<String> after = login(s, TestServer.USERNAME, TestServer.PASSWORD);
            assertThat(after.statusCode()).as(after.body()).isEqualTo(200);
        }
    }

    @Test
    void successfulLoginsDoNotCountTowardsTheAddressLimit(@TempDir Path dir) throws Exception {
        MutableClock clock = new MutableClock(Instant.now());
        try (TestServer s = new TestServer(dir, b -> b.clock(clock).loginLimits(100, 3, Duration.ofMinutes(15)))) {
            // a shared address (an office behind one NAT) logging in many times is not a guessing attack
            for (int i = 0; i < 10; i++) {
                HttpResponse<String> ok = login(s, TestServer.USERNAME, TestServer.PASSWORD);
                assertThat(ok.statusCode()).as("login %d: %s", i, ok.body()).isEqualTo(200);
            }
            assertRefused(login(s, "mallory", "guess 1"));
            assertRefused(login(s, "mallory", "guess 2"));
            assertRefused(login(s, "mallory", "guess 3"));
            // the fourth attempt from the address is over the limit of three failures, right password or not
            assertRefused(login(s, TestServer.USERNAME, TestServer.PASSWORD));
        }
    }
}
