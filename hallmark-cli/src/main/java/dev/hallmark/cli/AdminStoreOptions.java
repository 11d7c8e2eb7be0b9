package dev.hallmark.cli;

import dev.hallmark.cli.support.CliContext;
import dev.hallmark.cli.support.UsageException;
import dev.hallmark.server.config.ConfigException;
import dev.hallmark.server.config.ConfigLoader;
import dev.hallmark.server.config.ServerConfig;
import dev.hallmark.server.store.Store;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where {@code hallmark admin} finds the store: the same {@code --config}, {@code --data} and {@code --store} as
 * {@code serve}, with the same defaults and {@code HALLMARK_*} variables, so an admin command reaches the store the
 * server uses.
 */
final class AdminStoreOptions {

    @Option(names = "--config", paramLabel = "FILE", description = "YAML configuration file (as for serve).")
    Path config;

    @Option(names = "--data", paramLabel = "DIR", description = "Data directory (data-dir, default ./hallmark-data).")
    String data;

    @Option(names = "--store", paramLabel = "URL", description = "Store URL (store.url): sqlite:PATH or postgres://...")
    String store;

    /** The effective configuration; a configuration problem is a usage error (exit 2). */
    ServerConfig load(CliContext ctx) {
        Map<String, String> flags = new LinkedHashMap<>();
        if (data != null) {
            flags.put("data-dir", data);
        }
        if (store != null) {
            flags.put("store.url", store);
        }
        try {
            return ConfigLoader.load(Optional.ofNullable(config), ctx.env(), flags);
        } catch (ConfigException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** Opens the configured store (applying pending migrations); the caller closes it. */
    Store open(ServerConfig cfg) {
        return openStore(cfg);
    }

    /**
     * Opens the configured store; an unreachable or unusable one is the operator's problem to fix (exit 2 with the
     * store's message, which never contains the password), not a bug.
     */
    static Store openStore(ServerConfig cfg) {
        try {
            return Store.open(cfg.store().url());
        } catch (dev.hallmark.server.store.StoreException | IllegalArgumentException e) {
            throw new dev.hallmark.cli.support.UsageException("store " + cfg.store().redactedUrl() + ": "
                    + e.getMessage());
        }
    }
}
