package dev.hallmark.servlet;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/** Collects the filter's log lines (System.Logger goes to java.util.logging when nothing else is installed). */
final class LogCapture extends Handler implements AutoCloseable {

    private final Logger logger = Logger.getLogger(JwtAuthenticationFilter.class.getName());
    private final SimpleFormatter formatter = new SimpleFormatter();
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Level previous;

    LogCapture() {
        previous = logger.getLevel();
        logger.setLevel(Level.ALL);
        // the lines are asserted, not printed
        logger.setUseParentHandlers(false);
        logger.addHandler(this);
    }

    @Override
    public void publish(LogRecord record) {
        lines.add(record.getLevel() + " " + formatter.formatMessage(record));
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    String last() {
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
        logger.setLevel(previous);
        logger.setUseParentHandlers(true);
    }
}
