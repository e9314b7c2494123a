package io.veltrix.scenarios.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import jdk.jfr.Configuration;

/**
 * Whether and how each strategy's measured part is recorded with JDK Flight Recorder: {@code off}; {@code on} (or
 * {@code profile}): the JDK's {@code profile} configuration, with allocation and execution sampling; or a {@code
 * .jfc} file of the user's. In every case the engine's {@code io.veltrix.*} events are enabled, the periodic ones
 * every second.
 *
 * @param configuration the JFR configuration to record with, or null when off
 * @param source {@code off}, {@code profile}, or the .jfc file's path as given
 */
public record JfrSettings(Configuration configuration, String source) {

    /** No recording. */
    public static final JfrSettings OFF = new JfrSettings(null, "off");

    public JfrSettings {
        Objects.requireNonNull(source, "source");
    }

    /** Whether recordings are made. */
    public boolean enabled() {
        return configuration != null;
    }

    /**
     * Reads the value of {@code --jfr}: {@code off}, {@code on}, {@code profile}, or a path to a {@code .jfc} file.
     *
     * @throws BenchSetupException when the file cannot be read or parsed, or Flight Recorder's configuration is
     *     missing
     */
    public static JfrSettings parse(String value) throws BenchSetupException {
        String v = value.trim();
        switch (v.toLowerCase(Locale.ROOT)) {
            case "off":
                return OFF;
            case "on":
            case "profile":
                try {
                    return new JfrSettings(Configuration.getConfiguration("profile"), "profile");
                } catch (IOException | ParseException e) {
                    throw new BenchSetupException(
                            List.of("--jfr: cannot load the JDK's 'profile' configuration: " + e.getMessage()));
                }
            default:
                Path file = Path.of(v);
                if (!v.endsWith(".jfc")) {
                    throw new BenchSetupException(List.of(
                            "--jfr: expected off, on, profile or a .jfc configuration file, was '" + value + "'"));
                }
                if (!Files.isRegularFile(file)) {
                    throw new BenchSetupException(List.of("--jfr: no such .jfc file: " + file));
                }
                try {
                    return new JfrSettings(Configuration.create(file), file.toString());
                } catch (IOException | ParseException e) {
                    throw new BenchSetupException(
                            List.of("--jfr: cannot read " + file + " as a JFR configuration: " + e.getMessage()));
                }
        }
    }
}
