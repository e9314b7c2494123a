package io.veltrix.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;

/** Reads the version stamped into the jar by the build, plus the runtime it runs on. */
final class VersionProvider implements CommandLine.IVersionProvider {

    static String version() {
        Properties properties = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version", "unknown");
    }

    @Override
    public String[] getVersion() {
        return new String[] {
            "veltrix " + version(),
            "JVM: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " ("
                    + System.getProperty("java.vendor") + ")",
            "OS: " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                    + System.getProperty("os.arch") + ", "
                    + Runtime.getRuntime().availableProcessors() + " CPUs"
        };
    }
}
