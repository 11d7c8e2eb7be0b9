package dev.hallmark.server.http;

import dev.hallmark.server.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** With {@code cookies.secure: false} the cookies lose {@code Secure} and, with it, their name prefixes. */
class SessionCookiesInsecureTest {

    @Test
    void withoutSecureTheNamesHaveNoPrefixes(@TempDir Path dir) throws Exception {
        try (TestServer t = new TestServer(dir, b -> b.cookieSecure(false))) {
            HttpResponse<String> r = t.post("/session/login", "application/x-www-form-urlencoded",
                    TestServer.encode("username", TestServer.USERNAME, "password", TestServer.PASSWORD, "client_id",
                            TestServer.FIRST_PARTY), "Origin", t.base());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().allValues("Set-Cookie")).hasSize(3)
                    .noneMatch(l -> l.contains("Secure") || l.startsWith("__"))
                    .anyMatch(l -> l.startsWith("hallmark-at=")
                            && l.endsWith("; Max-Age=900; Path=/; HttpOnly; SameSite=Strict"))
                    .anyMatch(l -> l.startsWith("hallmark-rt=")
                            && l.endsWith("; Path=/session; HttpOnly; SameSite=Strict"))
                    .anyMatch(l -> l.startsWith("hallmark-csrf=") && l.endsWith("; Path=/; SameSite=Strict"));
        }
    }
}
