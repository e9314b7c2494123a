package io.veltrix.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class SchemaCommandTest {

    @Test
    void shouldPrintTheJsonSchemaOfScenarios() throws IOException {
        CliRun run = CliRun.of("schema");
        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(run.err()).isEmpty();
        JsonNode schema = new ObjectMapper().readTree(run.out());
        assertThat(schema.get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.get("required").toString()).isEqualTo("[\"name\",\"duration\",\"load\",\"events\"]");
        assertThat(schema.at("/$defs/fixedSizing/properties/capacity/minimum").asInt())
                .isEqualTo(1);
        assertThat(run.out()).endsWith("}\n");
    }
}
