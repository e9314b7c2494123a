package io.veltrix.scenarios.results;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads and writes {@code results.json} (schema {@value BenchResults#SCHEMA}) with Jackson. */
public final class ResultsJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ResultsJson() {}

    /** The results as JSON text (UTF-8), indented. */
    public static byte[] toBytes(BenchResults results) throws IOException {
        return MAPPER.writeValueAsBytes(results);
    }

    /**
     * Reads a results file. Fields added by later versions of the same schema are ignored.
     *
     * @throws IOException when the file cannot be read, is not JSON of this shape, or has another schema
     */
    public static BenchResults read(Path file) throws IOException {
        BenchResults results = MAPPER.readValue(Files.readAllBytes(file), BenchResults.class);
        if (!BenchResults.SCHEMA.equals(results.schema())) {
            throw new IOException(file + ": schema '" + results.schema() + "' is not " + BenchResults.SCHEMA);
        }
        return results;
    }
}
