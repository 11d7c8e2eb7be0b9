package dev.hallmark.bench.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The table puts the Hallmark variants beside plain Hallmark and compares floor-less operations with a prefix's floor. */
class ResultsTableTest {

    @Test
    void variantsShareTheVerifyES256TableAndJwksUsesItsFloor(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("r.json");
        Files.writeString(json, "[" + String.join(",",
                run("FloorBench.verifyES256", 1000),
                run("HallmarkBench.verifyES256", 1100),
                run("HallmarkBcBench.verifyES256", 100),
                run("VerifiedTokenCacheBench.verifyCachedES256", 2),
                run("NimbusBench.verifyES256Jwks20", 1300)) + "]");
        String table = ResultsTable.render(ResultsTable.read(json));
        String es256 = table.substring(table.indexOf("### verifyES256\n"), table.indexOf("### verifyES256Jwks20"));
        assertThat(es256).contains("| Hallmark+bc (cached) | 2.000", "| Hallmark+bc | 100.000", "| Hallmark | 1,100.000",
                "| Floor | 1,000.000");
        assertThat(table).doesNotContain("verifyCachedES256");
        String jwks = table.substring(table.indexOf("### verifyES256Jwks20"));
        assertThat(jwks).contains("against the floor of `verifyES256`", "| Nimbus | 1,300.000 ± 1.000 | ≈ 769 ± 1 | - | 1.30 |");
    }

    @Test
    void parameterisedRunsGetARowEach(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("r.json");
        Files.writeString(json, "[" + String.join(",",
                run("JweFailureBench.decryptA256KwCbc", 5, "\"params\":{\"failure\":\"valid\"}"),
                run("JweFailureBench.decryptA256KwCbc", 4, "\"params\":{\"failure\":\"badTag\"}")) + "]");
        String table = ResultsTable.render(ResultsTable.read(json));
        assertThat(table).contains("| JweFailure [failure=badTag] | 4.000", "| JweFailure [failure=valid] | 5.000");
    }

    @Test
    void throughputComesFromItsOwnModeOrIsDerivedFromTheAverageTime(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("r.json");
        Files.writeString(json, "[" + String.join(",",
                run("HallmarkBench.verifyHS256", 2.0),
                "{\"benchmark\":\"dev.hallmark.bench.Auth0Bench.verifyHS256\",\"mode\":\"thrpt\","
                        + "\"primaryMetric\":{\"score\":0.25,\"scoreError\":0.01}}") + "]");
        String table = ResultsTable.render(ResultsTable.read(json));
        // 10^6 / 2 µs, and 1 µs of error is 10^6 * 1 / 2^2 ops/s to first order
        assertThat(table).contains("| Hallmark | 2.000 ± 1.000 | ≈ 500,000 ± 250,000 |",
                "| Auth0 | - | 250,000 ± 10,000 |");
    }

    private static String run(String benchmark, double score, String extra) {
        return "{\"benchmark\":\"dev.hallmark.bench." + benchmark + "\",\"mode\":\"avgt\"," + extra + ","
                + "\"primaryMetric\":{\"score\":" + score + ",\"scoreError\":1.0}}";
    }

    private static String run(String benchmark, double score) {
        return "{\"benchmark\":\"dev.hallmark.bench." + benchmark + "\",\"mode\":\"avgt\","
                + "\"primaryMetric\":{\"score\":" + score + ",\"scoreError\":1.0}}";
    }
}
