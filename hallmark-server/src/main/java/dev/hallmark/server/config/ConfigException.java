package dev.hallmark.server.config;

import java.util.List;

/**
 * The configuration cannot be used. Carries every problem found, not only the first, so one run shows an operator
 * everything to fix; the message lists them all, one per line. Problems name the key and where its value came from;
 * they never contain a secret's value.
 *
 * <pre>{@code
 * try {
 *     config = ConfigLoader.load(file, System.getenv(), flags);
 * } catch (ConfigException e) {
 *     System.err.println(e.getMessage()); // "2 configuration problems:\n  - server.port (flag): ..."
 * }
 * }</pre>
 */
public final class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<String> problems;

    ConfigException(List<String> problems) {
        super(message(problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** Every problem, one sentence each, in the order found. */
    public List<String> problems() {
        return problems;
    }

    private static String message(List<String> problems) {
        StringBuilder sb = new StringBuilder();
        sb.append(problems.size() == 1 ? "1 configuration problem:" : problems.size() + " configuration problems:");
        for (String p : problems) {
            sb.append("\n  - ").append(p);
        }
        return sb.toString();
    }
}
