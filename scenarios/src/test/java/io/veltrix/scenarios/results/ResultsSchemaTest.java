package io.veltrix.scenarios.results;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@code results.schema.json} (JSON Schema draft 2020-12) describes what {@link ResultsWriter} writes. With
 * {@code -Dveltrix.results=FILE[,FILE...]}, this test also validates those files, and fails listing every problem:
 * {@code .ci/run} checks the results of real benches and of a merge with it.
 */
public class ResultsSchemaTest {
    /** Where the schema is on the classpath. */
    static final String RESOURCE = "/io/veltrix/scenarios/results/results.schema.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    static Schema schema() {
        try (InputStream in = ResultsSchemaTest.class.getResourceAsStream(RESOURCE)) {
            assertThat(in).as(RESOURCE).isNotNull();
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every way {@code document} breaks the schema, one line each: where, and what. */
    public static List<String> problems(JsonNode document) {
        List<String> problems = new ArrayList<>();
        for (Error e : schema().validate(document)) {
            problems.add(e.getInstanceLocation() + ": " + e.getMessage());
        }
        return problems;
    }

    @Test
    void shouldAcceptWhatTheWriterWritesAndRefuseWhatItDoesNot() throws IOException {
        BenchResults results = SchemaSamples.results();
        JsonNode written = JSON.readTree(ResultsJson.toBytes(results));
        assertThat(problems(written)).isEmpty();

        ObjectNode broken = written.deepCopy();
        broken.put("schema", "veltrix-results/2");
        ((ObjectNode) broken.path("strategies").get(0).path("measured")).put("completed", -1);
        ((ObjectNode) broken.path("strategies").get(0)).remove("timeline");
        assertThat(problems(broken))
                .hasSize(3)
                .anyMatch(p -> p.startsWith("/schema: "))
                .anyMatch(p -> p.startsWith("/strategies/0/measured/completed: "))
                .anyMatch(p -> p.startsWith("/strategies/0: ") && p.contains("timeline"));
    }

    @Test
    void shouldValidateTheFilesNamedOnTheCommandLine() throws IOException {
        String files = System.getProperty("veltrix.results", "");
        Assumptions.assumeFalse(files.isBlank(), "no -Dveltrix.results=FILE[,FILE...] given");
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (String name : files.split(",")) {
            if (name.isBlank()) {
                continue;
            }
            Path file = Path.of(name.trim());
            if (!Files.isRegularFile(file)) {
                problems.add(file + ": no such file");
                continue;
            }
            for (String p : problems(JSON.readTree(file.toFile()))) {
                problems.add(file + ": " + p);
            }
            checked++;
        }
        assertThat(problems)
                .as("results files against " + RESOURCE + " (" + checked + " read)")
                .isEmpty();
        System.out.println("results.schema.json: " + checked + " file(s) valid: " + files);
    }
}
