package dev.hallmark.jwt;

import dev.hallmark.Reason;
import dev.hallmark.Rejection;
import dev.hallmark.testing.LoopbackServer;
import dev.hallmark.testing.LoopbackServer.Reply;
import dev.hallmark.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.hallmark.testing.LoopbackServer.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * RevocationFeed against a loopback server that speaks the issuer's feed format (hallmark-server's
 * RevocationFeedEndpoint): {"revocations":[{"jti","exp"}],"next":cursor,"more":bool}, HTTP Basic authenticated.
 */
class RevocationFeedTest {

    static final String FEED = "/oauth2/revocations";
    static final String CLIENT = "orders api";
    static final String SECRET = "s3:cr/t+&=";

    record Revoked(long cursor, String jti, long exp) {
    }

    final MutableClock clock = new MutableClock(TestKeys.NOW);
    final List<Revoked> revocations = new CopyOnWriteArrayList<>();
    final List<RevocationFeed> opened = new ArrayList<>();
    LoopbackServer server;
    volatile int pageSize = 1000;

    @BeforeEach
    void start() {
        server = LoopbackServer.start();
        server.route(FEED, this::feed);
    }

    @AfterEach
    void stop() {
        opened.forEach(RevocationFeed::close);
        server.close();
    }

    /** The issuer's behaviour: entries after the cursor, oldest first, a page at a time; 401 without the client. */
    Reply feed(LoopbackServer.Request r) {
        if (!authenticated(r.header("Authorization"))) {
            return Reply.status(401);
        }
        long since = Long.parseLong(r.query().substring("since=".length()));
        StringBuilder items = new StringBuilder();
        long next = since;
        int n = 0;
        for (Revoked x : revocations) {
            if (x.cursor > since && n < pageSize) {
                items.append(n++ == 0 ? "" : ",").append("{\"jti\":\"").append(x.jti).append("\",\"exp\":")
                        .append(x.exp).append('}');
                next = Math.max(next, x.cursor);
            }
        }
        return Reply.json("{\"revocations\":[" + items + "],\"next\":" + next + ",\"more\":" + (n == pageSize) + "}");
    }

    static boolean authenticated(String header) {
        if (header == null || !header.startsWith("Basic ")) {
            return false;
        }
        String pair = new String(Base64.getDecoder().decode(header.substring(6)), StandardCharsets.UTF_8);
        int colon = pair.indexOf(':');
        return URLDecoder.decode(pair.substring(0, colon), StandardCharsets.UTF_8).equals(CLIENT)
                && URLDecoder.decode(pair.substring(colon + 1), StandardCharsets.UTF_8).equals(SECRET);
    }

    void revoke(String jti, Instant exp) {
        revocations.add(new Revoked(revocations.size() + 1, jti, exp.getEpochSecond()));
    }

    RevocationFeed.Builder builder() {
        return RevocationFeed.builder(server.uri(FEED)).clientCredentials(CLIENT, SECRET).clock(clock)
                .pollInterval(Duration.ofHours(1));
    }

    RevocationFeed open(RevocationFeed.Builder b) {
        RevocationFeed feed = b.build();
        opened.add(feed);
        return feed;
    }

    static Claims jti(String jti) {
        return Claims.builder().jwtId(jti).build();
    }

    String metadata(String feedMember) {
        return "{\"issuer\":\"" + server.base() + "\",\"jwks_uri\":\"" + server.base() + "/jwks\"" + feedMember + "}";
    }

    @Test
    void theFeedIsFoundInTheIssuersMetadata() {
        server.reply(IssuerDiscoveryTest.OAUTH, Reply.json(metadata(",\"revocations_feed_endpoint\":\"" + server.base() + FEED + "\"")));
        revoke("a", TestKeys.NOW.plusSeconds(600));
        RevocationFeed feed = open(RevocationFeed.builderFromIssuer(server.base()).clientCredentials(CLIENT, SECRET)
                .clock(clock).pollInterval(Duration.ofHours(1)));
        assertThat(feed.isRevoked(jti("a"))).isTrue();
        assertThat(server.count(FEED)).isEqualTo(1);
    }

    @Test
    void anIssuerWithoutAFeedOrWithABadOneIsRefusedAtOnce() {
        server.reply(IssuerDiscoveryTest.OAUTH, Reply.json(metadata("")));
        assertThatThrownBy(() -> RevocationFeed.builderFromIssuer(server.base()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("publishes no \"revocations_feed_endpoint\"");
        server.reply(IssuerDiscoveryTest.OAUTH, Reply.json(metadata(",\"revocations_feed_endpoint\":42")));
        assertThatThrownBy(() -> RevocationFeed.builderFromIssuer(server.base()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not a string");
        server.reply(IssuerDiscoveryTest.OAUTH, Reply.json(metadata(",\"revocations_feed_endpoint\":\"http://feed.example/x\"")));
        assertThatThrownBy(() -> RevocationFeed.builderFromIssuer(server.base()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("revocations_feed_endpoint");
        // the document must name this issuer exactly (RFC 8414 §3.3), or its feed URL is not to be trusted
        server.reply(IssuerDiscoveryTest.OAUTH, Reply.json("{\"issuer\":\"https://evil.example\",\"jwks_uri\":\""
                + server.base() + "/jwks\",\"revocations_feed_endpoint\":\"" + server.base() + FEED + "\"}"));
        assertThatThrownBy(() -> RevocationFeed.builderFromIssuer(server.base()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("RFC 8414");
        assertThat(server.count(FEED)).isZero();
    }

    @Test
    void buildPollsOnceAndKnowsTheRevokedJtis() {
        revoke("a", TestKeys.NOW.plusSeconds(600));
        RevocationFeed feed = open(builder());
        assertThat(feed.isRevoked(jti("a"))).isTrue();
        assertThat(feed.isRevoked(jti("b"))).isFalse();
        assertThat(feed.isRevoked(Claims.builder().build())).isFalse();
        assertThat(feed.lastSuccessfulPoll()).contains(TestKeys.NOW);
        assertThat(server.requests().get(0).query()).isEqualTo("since=0");
    }

    @Test
    void laterPollsAskFromTheCursor() {
        revoke("a", TestKeys.NOW.plusSeconds(600));
        RevocationFeed feed = open(builder());
        revoke("b", TestKeys.NOW.plusSeconds(600));
        assertThat(feed.isRevoked(jti("b"))).isFalse();
        assertThat(feed.pollNow()).isTrue();
        assertThat(feed.isRevoked(jti("b"))).isTrue();
        assertThat(server.requests().get(1).query()).isEqualTo("since=1");
        feed.pollNow();
        assertThat(server.requests().get(2).query()).isEqualTo("since=2");
    }

    @Test
    void aPollFollowsMoreAcrossPages() {
        pageSize = 2;
        for (int i = 0; i < 5; i++) {
            revoke("j" + i, TestKeys.NOW.plusSeconds(600));
        }
        RevocationFeed feed = open(builder());
        assertThat(feed.size()).isEqualTo(5);
        assertThat(server.count(FEED)).isEqualTo(3);
        assertThat(feed.pollCount()).isEqualTo(1);
    }

    @Test
    void entriesAreDroppedOnceNoVerifierCanAcceptTheirToken() {
        revoke("short", TestKeys.NOW.plusSeconds(60));
        revoke("long", TestKeys.NOW.plusSeconds(3600));
        RevocationFeed feed = open(builder());
        // kept through the largest leeway a verifier may have past exp
        clock.advance(Duration.ofSeconds(60).plus(JwtVerifier.MAX_LEEWAY).minusSeconds(1));
        feed.pollNow();
        assertThat(feed.isRevoked(jti("short"))).isTrue();
        clock.advance(Duration.ofSeconds(1));
        feed.pollNow();
        assertThat(feed.isRevoked(jti("short"))).isFalse();
        assertThat(feed.isRevoked(jti("long"))).isTrue();
        assertThat(feed.size()).isEqualTo(1);
    }

    @Test
    void anUnreachableOrBrokenIssuerLeavesTheStateAndTheCursorAsTheyWere() {
        revoke("a", TestKeys.NOW.plusSeconds(600));
        RevocationFeed feed = open(builder());
        for (Reply bad : List.of(Reply.status(500), Reply.json("garbage"), Reply.json("{\"revocations\":[{}],\"next\":9}"),
                Reply.json("{\"revocations\":[],\"next\":0}"), Reply.json("{\"revocations\":[],\"next\":-1}"),
                Reply.status(302).header("Location", "/elsewhere"))) {
            server.reply(FEED, bad);
            assertThat(feed.pollNow()).isFalse();
            assertThat(feed.lastFailure()).isPresent();
            assertThat(feed.isRevoked(jti("a"))).isTrue();
        }
        assertThat(feed.failedPollCount()).isEqualTo(6);
        server.route(FEED, this::feed);
        assertThat(feed.pollNow()).isTrue();
        assertThat(server.requests().get(server.requests().size() - 1).query()).isEqualTo("since=1");
        assertThat(feed.lastFailure()).isEmpty();
    }

    @Test
    void wrongCredentialsAreAFailedPoll() {
        revoke("a", TestKeys.NOW.plusSeconds(600));
        RevocationFeed feed = open(RevocationFeed.builder(server.uri(FEED)).clientCredentials(CLIENT, "wrong")
                .clock(clock));
        assertThat(feed.isRevoked(jti("a"))).isFalse();
        assertThat(feed.lastFailure()).hasValueSatisfying(m -> assertThat(m).contains("401"));
    }

    @Test
    void anIssuerDownAtStartIsRememberedNotThrown() {
        server.reply(FEED, Reply.status(503));
        RevocationFeed feed = open(builder());
        assertThat(feed.lastSuccessfulPoll()).isEmpty();
        assertThat(feed.failedPollCount()).isEqualTo(1);
    }

    @Test
    void memoryIsBoundedByDroppingTheEntriesClosestToExpiry() {
        for (int i = 1; i <= 5; i++) {
            revoke("j" + i, TestKeys.NOW.plusSeconds(600L * i));
        }
        RevocationFeed feed = open(builder().maxEntries(3));
        assertThat(feed.size()).isEqualTo(3);
        assertThat(feed.droppedEntries()).isEqualTo(2);
        assertThat(feed.isRevoked(jti("j1"))).isFalse();
        assertThat(feed.isRevoked(jti("j5"))).isTrue();
    }

    @Test
    void theBackgroundPollPicksUpNewRevocations() {
        RevocationFeed feed = open(builder().pollInterval(Duration.ofMillis(50)));
        revoke("late", TestKeys.NOW.plusSeconds(600));
        assertThat(eventually(() -> feed.isRevoked(jti("late")))).isTrue();
        feed.close();
        assertThatThrownBy(feed::pollNow).isInstanceOf(IllegalStateException.class);
        assertThat(feed.isRevoked(jti("late"))).isTrue();
    }

    @Test
    void aVerifierRefusesRevokedTokensLastInThePipeline() {
        revoke("revoked-jti", TestKeys.NOW.plusSeconds(300));
        RevocationFeed feed = open(builder());
        JwtVerifier verifier = TestKeys.verifier(TestKeys.ES256).revocationCheck(feed).build();
        String revoked = TestKeys.signer(TestKeys.ES256).sign(TestKeys.validClaims().jwtId("revoked-jti").build());
        String fine = TestKeys.signer(TestKeys.ES256).sign(TestKeys.validClaims().jwtId("other").build());
        Rejection.assertRejected(() -> verifier.verify(revoked), Reason.REVOKED);
        assertThat(verifier.verify(fine)).isNotNull();
        // a revoked token that also fails an earlier check reports that check
        String wrongAudience = TestKeys.signer(TestKeys.ES256)
                .sign(TestKeys.validClaims().jwtId("revoked-jti").audience("other").build());
        Rejection.assertRejected(() -> verifier.verify(wrongAudience), Reason.AUDIENCE_MISMATCH);
    }

    @Test
    void settingsAreChecked() {
        assertThatThrownBy(() -> RevocationFeed.builder(URI.create("http://auth.example.com" + FEED))
                .clientCredentials(CLIENT, SECRET).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RevocationFeed.builder(server.uri(FEED)).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("clientCredentials");
        assertThatThrownBy(() -> builder().pollInterval(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder().maxEntries(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringNeverShowsTheSecret() {
        RevocationFeed feed = open(builder());
        assertThat(feed.toString()).contains(CLIENT).doesNotContain(SECRET)
                .doesNotContain(Base64.getEncoder().encodeToString(SECRET.getBytes(StandardCharsets.UTF_8)));
    }
}
