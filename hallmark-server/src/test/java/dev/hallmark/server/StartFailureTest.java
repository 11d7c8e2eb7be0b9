package dev.hallmark.server;

import dev.hallmark.server.issue.SecretTokens;
import dev.hallmark.server.keys.MasterKey;
import dev.hallmark.server.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Signing keys are prepared while Jetty starts; when they cannot be (here: the store's keys were sealed under another
 * master key), {@code start()} must fail with the key problem and leave nothing listening.
 */
class StartFailureTest {

    @Test
    void keysSealedUnderAnotherMasterKeyFailTheStartAndReleaseThePort(@TempDir Path dir) throws Exception {
        // a first server creates and seals the signing keys
        new TestServer(dir).close();

        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        try (Store store = Store.open("sqlite:" + dir.resolve("hallmark.db"))) {
            HallmarkServer other = HallmarkServer.builder().store(store)
                    .masterKey(MasterKey.fromBase64Url(SecretTokens.newSecret()))
                    .passwordHasher(new dev.hallmark.server.issue.PasswordHasher(1024, 1, 1))
                    .host("127.0.0.1").port(port).build();
            assertThatThrownBy(other::start).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("cannot be decrypted");
        }
        // Jetty was started beside the key preparation; the failed start stopped it again
        try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            again.setReuseAddress(true);
        }
    }
}
