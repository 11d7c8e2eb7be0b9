package dev.hallmark.server.issue;

import dev.hallmark.server.store.ThrottleStore;
import dev.hallmark.server.store.UserRecord;
import dev.hallmark.server.store.UserStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Checks a username and password, with throttling that parallel guessing cannot outrun: every attempt is counted
 * atomically in the store <em>before</em> the password is checked, per account and per client address, and an
 * attempt over either limit is refused without looking at the password; a success clears the account's counter and
 * takes its own attempt back from the address's, so the address limit counts failures only.
 * Unknown users cost the same hashing time as wrong passwords. Used by the password grant and by cookie login.
 */
public final class PasswordLogin {

    private final UserStore users;
    private final ThrottleStore throttle;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final int maxPerAccount;
    private final int maxPerAddress;
    private final Duration lockout;
    private final AtomicLong failures = new AtomicLong();

    public PasswordLogin(UserStore users, ThrottleStore throttle, PasswordHasher hasher, Clock clock,
                         int maxPerAccount, int maxPerAddress, Duration lockout) {
        this.users = users;
        this.throttle = throttle;
        this.hasher = hasher;
        this.clock = clock;
        this.maxPerAccount = maxPerAccount;
        this.maxPerAddress = maxPerAddress;
        this.lockout = lockout;
    }

    /** The user, or {@link OAuthException} {@code invalid_grant} with one message for every kind of failure. */
    public UserRecord authenticate(String username, char[] password, String remoteAddress) {
        Instant now = clock.instant();
        String accountKey = "account:" + username;
        String addressKey = "address:" + remoteAddress;
        int byAccount = throttle.recordFailure(accountKey, now, lockout);
        int byAddress = throttle.recordFailure(addressKey, now, lockout);
        if (byAccount > maxPerAccount || byAddress > maxPerAddress) {
            failures.incrementAndGet();
            throw new LoginThrottledException();
        }
        Optional<UserRecord> user = users.findByUsername(username);
        if (user.isEmpty()) {
            hasher.verifyDummy(password);
            failures.incrementAndGet();
            throw OAuthException.invalidGrant("invalid username or password");
        }
        UserRecord u = user.get();
        if (!hasher.verify(password, u.passwordHash()) || u.disabled()) {
            failures.incrementAndGet();
            throw OAuthException.invalidGrant("invalid username or password");
        }
        throttle.reset(accountKey);
        throttle.forgive(addressKey);
        if (hasher.needsRehash(u.passwordHash())) {
            users.updatePassword(u.userId(), hasher.hash(password));
        }
        return u;
    }

    /** Failed attempts since start (wrong password, unknown user, throttled), for metrics. */
    public long failures() {
        return failures.get();
    }

    /** Too many attempts for the account or address: the caller answers without revealing which. */
    public static final class LoginThrottledException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LoginThrottledException() {
            super("too many login attempts; try again later", null, false, false);
        }
    }
}
