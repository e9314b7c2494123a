package io.veltrix.scenarios.parse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** The commented starter scenario that {@code veltrix init} writes: valid as it stands, meant to be edited. */
public final class StarterScenario {
    /** The name used when none is given. */
    public static final String DEFAULT_NAME = "scenario";

    private static final String RESOURCE = "starter.yaml";
    private static final String PLACEHOLDER = "${name}";

    private StarterScenario() {}

    /**
     * The scenario name for what the user typed: the file name without its directory and {@code .yaml} or
     * {@code .yml} extension.
     */
    public static String nameFor(String argument) {
        String base = Path.of(argument).getFileName().toString();
        if (base.endsWith(".yaml")) {
            return base.substring(0, base.length() - 5);
        }
        return base.endsWith(".yml") ? base.substring(0, base.length() - 4) : base;
    }

    /** The file to write for what the user typed: {@code NAME.yaml}, or the path itself when it ends in .yaml. */
    public static Path fileFor(String argument) {
        return argument.endsWith(".yaml") || argument.endsWith(".yml")
                ? Path.of(argument)
                : Path.of(argument + ".yaml");
    }

    /**
     * The starter scenario's text for {@code name}.
     *
     * @throws IllegalArgumentException when {@code name} is not a valid scenario name
     */
    public static String text(String name) {
        if (!Names.isValid(name)) {
            throw new IllegalArgumentException("invalid scenario name '" + name + "'; " + Names.RULE);
        }
        try (InputStream in = StarterScenario.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE + " next to " + StarterScenario.class);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace(PLACEHOLDER, name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the starter scenario for {@code argument} and returns the file written.
     *
     * @throws java.nio.file.FileAlreadyExistsException when the file exists: it is never overwritten
     * @throws IllegalArgumentException when the name is not a valid scenario name
     */
    public static Path write(String argument) throws IOException {
        Path file = fileFor(argument);
        String text = text(nameFor(argument));
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        return file;
    }
}
