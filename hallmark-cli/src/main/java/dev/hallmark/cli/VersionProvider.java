package dev.hallmark.cli;

import picocli.CommandLine;

/** The version from the jar manifest, or "development" when run from classes. */
final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[] {"hallmark " + (v == null ? "development" : v) + " (Java " + Runtime.version() + ")"};
    }
}
