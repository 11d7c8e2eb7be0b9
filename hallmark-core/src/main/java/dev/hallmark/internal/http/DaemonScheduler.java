package dev.hallmark.internal.http;

import java.util.concurrent.ScheduledThreadPoolExecutor;

/** A single daemon thread for one background refresher: it never keeps a JVM alive, and close() stops it. */
public final class DaemonScheduler {

    private DaemonScheduler() {
    }

    public static ScheduledThreadPoolExecutor create(String name) {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        return executor;
    }
}
