package dev.hallmark.cli;

import java.security.KeyFactory;
import java.security.Signature;

/**
 * Loads and initializes, on a second thread, the classes an issuer start needs later (the configuration reader,
 * SQLite's driver and native library, Jetty's server and connector, the JDK's elliptic-curve provider) while the
 * main thread builds the command line, reads the configuration and opens the store. Start-up on
 * a small machine is mostly class loading and initialization, done one class at a time; two threads do it in
 * parallel. Best effort: a failure here changes nothing but timing, and the real start reports real problems.
 */
final class ServePreload {

    private static final String[] CLASSES = {
        "dev.hallmark.server.config.ConfigLoader",
        "org.snakeyaml.engine.v2.api.Load",
        "org.sqlite.SQLiteConfig",
        "org.sqlite.core.NativeDB",
        "org.eclipse.jetty.server.Server",
        "org.eclipse.jetty.server.ServerConnector",
        "org.eclipse.jetty.server.HttpConfiguration",
        "org.eclipse.jetty.server.HttpConnectionFactory",
        "org.eclipse.jetty.server.internal.HttpConnection",
        "org.eclipse.jetty.server.internal.HttpChannelState",
        "org.eclipse.jetty.http.HttpParser",
        "org.eclipse.jetty.http.HttpGenerator",
        "org.eclipse.jetty.http.MimeTypes",
        "org.eclipse.jetty.util.thread.QueuedThreadPool",
        "org.eclipse.jetty.io.ManagedSelector",
        "dev.hallmark.server.HallmarkServer",
        "dev.hallmark.server.keys.KeyManager",
        "dev.hallmark.jwk.Jwk",
    };

    private ServePreload() {
    }

    static void startInBackground() {
        Thread t = new Thread(ServePreload::run, "hallmark-preload");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    private static void run() {
        ClassLoader loader = ServePreload.class.getClassLoader();
        for (String name : CLASSES) {
            try {
                Class.forName(name, true, loader);
            } catch (Throwable ignored) {
                // only a head start; the real start loads what it needs
            }
        }
        try {
            // extracts and loads the native library, the slowest single step of opening the store
            org.sqlite.SQLiteJDBCLoader.initialize();
        } catch (Throwable ignored) {
            // as above
        }
        try {
            KeyFactory.getInstance("EC");
            Signature.getInstance("SHA256withECDSA");
        } catch (Exception ignored) {
            // as above
        }
    }
}
