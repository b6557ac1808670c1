package io.textgan.cli.command;

import picocli.CommandLine;

/** The version from the jar manifest, and the ND4J backend it runs on. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = VersionProvider.class.getPackage().getImplementationVersion();
        return new String[]{"gan " + (version == null ? "(development build)" : version),
                "Java " + System.getProperty("java.version") + ", ND4J 1.0.0-M2.1"};
    }
}
