package dev.hallmark.cli;

import dev.hallmark.cli.support.CliContext;

import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;

/**
 * Runs the everyday commands once, in-process and silently, so the launcher can record every class they load in a
 * class-data-sharing archive ({@code -XX:ArchiveClassesAtExit}). Later runs map those classes instead of loading
 * them, whatever command they run. With the argument {@code serve} it instead starts the issuer on a throwaway data
 * directory, calls its main endpoints once and stops it, for the archive {@code serve} uses. Not a user command.
 */
final class CdsTraining {

    private CdsTraining() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("hallmark-cds");
        try {
            if (args.length == 1 && args[0].equals("serve")) {
                trainServe(dir);
                return;
            }
            Path key = dir.resolve("key.json");
            Files.writeString(key, run("", "keygen", "--alg", "ES256"));
            Path hs = dir.resolve("hs.json");
            Files.writeString(hs, run("", "keygen", "--alg", "HS256"));
            String token = run("", "sign", "--key", key.toString(), "--sub", "training", "--aud", "a", "--exp", "5m",
                    "--claim", "roles=[\"x\"]").strip();
            run("", "verify", "--key", key.toString(), "--aud", "a", token);
            run(token + "\n", "verify", "--key", key.toString(), "-");
            run("", "verify", "--key", hs.toString(), token);
            run("", "decode", token);
            run("", "decode", "--json", token);
            run("", "jwk", "public", key.toString());
            run("", "jwk", "thumbprint", key.toString());
            Path pem = dir.resolve("key.pem");
            Files.writeString(pem, run("", "jwk", "to-pem", key.toString()));
            run("", "jwk", "from-pem", pem.toString());
            Path enc = dir.resolve("enc.json");
            Files.writeString(enc, run("", "keygen", "--alg", "ECDH-ES+A256KW"));
            String jwe = run("", "encrypt", "--key", enc.toString(), "training").strip();
            run("", "decrypt", "--key", enc.toString(), jwe);
            run("", "--help");
        } finally {
            deleteTree(dir);
        }
    }

    /** A first start with the demo (keys created, client and user added), then the requests a client makes. */
    private static void trainServe(Path dir) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ServeCommand serve = new ServeCommand(context("", out));
        new CommandLine(serve).parseArgs("--data", dir.resolve("data").toString(), "--port", "0", "--demo");
        try (ServeCommand.Running running = serve.start()) {
            String base = running.server().issuer();
            String client = null;
            String secret = null;
            for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("demo client: ")) {
                    String[] parts = line.split(" ");
                    client = parts[2];
                    secret = parts[3];
                }
            }
            HttpClient http = HttpClient.newHttpClient();
            String basic = "Basic " + Base64.getEncoder().encodeToString((client + ":" + secret)
                    .getBytes(StandardCharsets.UTF_8));
            for (String path : new String[] {"/health", "/oauth2/jwks", "/.well-known/oauth-authorization-server"}) {
                http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
            }
            String token = http.send(HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
                    .header("Authorization", basic).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            String access = token.replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
            http.send(HttpRequest.newBuilder(URI.create(base + "/oauth2/introspect"))
                    .header("Authorization", basic).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("token=" + access)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static String run(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Main.run(args, context(stdin, out));
        return out.toString(StandardCharsets.UTF_8);
    }

    private static CliContext context(String stdin, ByteArrayOutputStream out) {
        return new CliContext(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                Clock.systemUTC(), Map.of(), false);
    }
}
