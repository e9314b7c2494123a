package io.veltrix.scenarios.parse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The JSON Schema (draft 2020-12) of the scenario format, for editors. A test keeps its property names and the
 * parser's keys identical.
 */
public final class ScenarioSchema {
    /** The schema's resource name, next to this class. */
    public static final String RESOURCE = "scenario.schema.json";

    private ScenarioSchema() {}

    /** The schema as JSON text. */
    public static String text() {
        try (InputStream in = ScenarioSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE + " next to " + ScenarioSchema.class);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
