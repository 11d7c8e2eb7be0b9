package dev.hallmark.bench.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Prints a Markdown table per operation from a JMH JSON result file: for each library the average time (± error),
 * the throughput (derived from the average time, marked ≈, when only that mode ran), the allocation per operation,
 * and the ratio of its time to the raw-JCA floor's.
 *
 * <p>A library is its benchmark class's name without {@code Bench}, except the Hallmark variants below, so that they
 * sit in the same table as plain Hallmark: {@code HallmarkBc} (with the hallmark-bc engine) is "Hallmark+bc", and
 * {@code verifyCachedX} of {@code VerifiedTokenCache} is shown in the {@code verifyX} table as
 * "Hallmark+bc (cached)". An operation without a floor of its own (e.g. {@code verifyES256Jwks20}) is compared with
 * the floor of the longest operation its name starts with ({@code verifyES256}), and the table says so.
 *
 * <pre>{@code java -cp benchmarks.jar dev.hallmark.bench.report.ResultsTable results.json}</pre>
 */
public final class ResultsTable {

    /** One measured figure with its error. */
    record Figure(double score, double error) {
    }

    /** All figures of one library on one operation. */
    static final class Row {
        Figure avgt;
        Figure thrpt;
        Figure alloc;
    }

    /** Benchmark classes that measure a Hallmark variant, by the name they are shown under. */
    private static final Map<String, String> LABELS = Map.of(
            "HallmarkBc", "Hallmark+bc",
            "VerifiedTokenCache", "Hallmark+bc");

    private static final String CACHED = "verifyCached";

    private ResultsTable() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: ResultsTable RESULTS.json");
            System.exit(2);
        }
        System.out.print(render(read(Path.of(args[0]))));
    }

    /** operation -> library -> row. */
    static Map<String, Map<String, Row>> read(Path file) throws IOException {
        Map<String, Map<String, Row>> ops = new TreeMap<>();
        try (JsonParser p = new JsonFactory().createParser(Files.readAllBytes(file))) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw new IOException("not a JMH JSON result array");
            }
            while (p.nextToken() == JsonToken.START_OBJECT) {
                Map<String, Object> run = readObject(p);
                String benchmark = (String) run.get("benchmark");
                String mode = (String) run.get("mode");
                String[] parts = benchmark.split("\\.");
                String library = parts[parts.length - 2].replace("Bench", "");
                library = LABELS.getOrDefault(library, library);
                String op = parts[parts.length - 1];
                if (op.startsWith(CACHED)) {
                    op = "verify" + op.substring(CACHED.length());
                    library = library + " (cached)";
                }
                if (run.get("params") instanceof Map<?, ?> params && !params.isEmpty()) {
                    // one row per parameter combination (e.g. JweFailureBench's case), not one overwriting the others
                    StringBuilder label = new StringBuilder(library).append(" [");
                    params.forEach((k, v) -> label.append(label.charAt(label.length() - 1) == '[' ? "" : ", ")
                            .append(k).append('=').append(v));
                    library = label.append(']').toString();
                }
                Row row = ops.computeIfAbsent(op, k -> new TreeMap<>()).computeIfAbsent(library, k -> new Row());
                Figure primary = figure(run.get("primaryMetric"));
                if (mode.equals("avgt")) {
                    row.avgt = primary;
                } else if (mode.equals("thrpt")) {
                    row.thrpt = primary;
                }
                if (run.get("secondaryMetrics") instanceof Map<?, ?> secondary) {
                    Object alloc = secondary.containsKey("gc.alloc.rate.norm") ? secondary.get("gc.alloc.rate.norm")
                            : secondary.get("\u00b7gc.alloc.rate.norm");
                    if (alloc != null && (row.alloc == null || mode.equals("avgt"))) {
                        row.alloc = figure(alloc);
                    }
                }
            }
        }
        return ops;
    }

    static String render(Map<String, Map<String, Row>> ops) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, Map<String, Row>> op : ops.entrySet()) {
            String floorOp = floorOperation(ops, op.getKey());
            Row floor = floorOp == null ? null : ops.get(floorOp).get("Floor");
            b.append("\n### ").append(op.getKey()).append("\n\n");
            if (floorOp != null && !floorOp.equals(op.getKey())) {
                b.append("(× floor: against the floor of `").append(floorOp).append("`)\n\n");
            }
            b.append("| library | µs/op | ops/s | B/op | × floor |\n| --- | ---: | ---: | ---: | ---: |\n");
            List<Map.Entry<String, Row>> rows = new ArrayList<>(op.getValue().entrySet());
            rows.sort((x, y) -> Double.compare(time(x.getValue()), time(y.getValue())));
            for (Map.Entry<String, Row> e : rows) {
                Row r = e.getValue();
                b.append("| ").append(e.getKey())
                        .append(" | ").append(r.avgt == null ? "-" : fmt(r.avgt.score, 3) + " ± " + fmt(r.avgt.error, 3))
                        .append(" | ").append(throughput(r))
                        .append(" | ").append(r.alloc == null ? "-" : fmt(r.alloc.score, 0))
                        .append(" | ").append(floor == null || floor.avgt == null || r.avgt == null ? "-"
                                : fmt(r.avgt.score / floor.avgt.score, 2))
                        .append(" |\n");
            }
        }
        return b.toString();
    }

    /**
     * Operations per second: measured in throughput mode, else derived from the average time of the same
     * single-threaded run (10⁶ / µs per op, its error carried to first order) and marked {@code ≈}.
     */
    static String throughput(Row r) {
        if (r.thrpt != null) {
            return fmt(r.thrpt.score * 1e6, 0) + " ± " + fmt(r.thrpt.error * 1e6, 0);
        }
        if (r.avgt == null || !(r.avgt.score > 0)) {
            return "-";
        }
        double s = r.avgt.score;
        return "≈ " + fmt(1e6 / s, 0) + " ± " + fmt(1e6 * r.avgt.error / (s * s), 0);
    }

    /** The operation whose Floor row {@code op} is compared with: its own, else its longest prefix's; or null. */
    static String floorOperation(Map<String, Map<String, Row>> ops, String op) {
        String best = null;
        for (Map.Entry<String, Map<String, Row>> e : ops.entrySet()) {
            String candidate = e.getKey();
            if (op.startsWith(candidate) && e.getValue().containsKey("Floor")
                    && (best == null || candidate.length() > best.length())) {
                best = candidate;
            }
        }
        return best;
    }

    private static double time(Row r) {
        return r.avgt == null ? Double.MAX_VALUE : r.avgt.score;
    }

    private static String fmt(double v, int decimals) {
        return String.format(Locale.ROOT, "%,." + decimals + "f", v);
    }

    private static Figure figure(Object metric) {
        Map<?, ?> m = (Map<?, ?>) metric;
        double error = m.get("scoreError") instanceof Number n ? n.doubleValue() : Double.NaN;
        return new Figure(((Number) m.get("score")).doubleValue(), error);
    }

    private static Map<String, Object> readObject(JsonParser p) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            m.put(name, readValue(p, p.nextToken()));
        }
        return m;
    }

    private static Object readValue(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case START_OBJECT:
                return readObject(p);
            case START_ARRAY: {
                List<Object> l = new ArrayList<>();
                JsonToken n;
                while ((n = p.nextToken()) != JsonToken.END_ARRAY) {
                    l.add(readValue(p, n));
                }
                return l;
            }
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return p.getDoubleValue();
            case VALUE_STRING:
                String s = p.getText();
                return s.equals("NaN") ? Double.NaN : s;
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            default:
                return null;
        }
    }
}
