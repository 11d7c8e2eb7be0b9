package dev.hallmark.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** The key fixtures of {@code src/test/resources/keys} (see its README): paths for the CLI, text for comparisons. */
final class Fixtures {

    private Fixtures() {
    }

    /** The file system path of {@code keys/NAME}, as a command-line argument. */
    static String key(String name) {
        URL url = Fixtures.class.getResource("/keys/" + name);
        if (url == null) {
            throw new IllegalArgumentException("no fixture keys/" + name);
        }
        try {
            return Path.of(url.toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(String name) {
        try {
            return Files.readString(Path.of(key(name)), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The thumbprint of a fixture key as computed from openssl's output (thumbprints.properties). */
    static String thumbprint(String keyName) {
        Properties p = new Properties();
        try (InputStream in = Fixtures.class.getResourceAsStream("/keys/thumbprints.properties")) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String t = p.getProperty(keyName);
        if (t == null) {
            throw new IllegalArgumentException("no thumbprint for " + keyName);
        }
        return t;
    }

    /** Writes {@code text} to {@code dir/name} and returns the path as an argument. */
    static String write(Path dir, String name, String text) {
        try {
            return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
