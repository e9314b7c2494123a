package io.veltrix.scenarios.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.veltrix.scenarios.model.Scenario;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StarterScenarioTest {

    @Test
    void shouldValidateCleanlyWithTheGivenName() {
        String text = StarterScenario.text("checkout");
        ParseResult result = ScenarioParser.parse("checkout.yaml", text);
        assertThat(result.formattedProblems()).isEmpty();
        Scenario scenario = result.scenario().orElseThrow();
        assertThat(scenario.name()).isEqualTo("checkout");
        assertThat(scenario.events()).hasSize(3);
        assertThat(scenario.strategies()).extracting(s -> s.name()).containsExactly("naive", "tiered");
        assertThat(scenario.slos()).hasSize(3);
    }

    @Test
    void shouldExplainItselfInComments() {
        String text = StarterScenario.text(StarterScenario.DEFAULT_NAME);
        assertThat(text).startsWith("# A Veltrix scenario").contains("name: scenario\n");
        assertThat(text.lines().filter(l -> l.trim().startsWith("#")).count()).isGreaterThan(20);
        assertThat(text).doesNotContain("${name}");
    }

    @ParameterizedTest(name = "{0} -> {1}, {2}")
    @CsvSource({
        "scenario, scenario.yaml, scenario",
        "checkout, checkout.yaml, checkout",
        "checkout.yaml, checkout.yaml, checkout",
        "load.yml, load.yml, load",
        "dir/spike-test, dir/spike-test.yaml, spike-test"
    })
    void shouldDeriveFileAndScenarioNameFromTheArgument(String argument, String file, String name) {
        assertThat(StarterScenario.fileFor(argument)).isEqualTo(Path.of(file));
        assertThat(StarterScenario.nameFor(argument)).isEqualTo(name);
    }

    @Test
    void shouldWriteOnceAndNeverOverwrite(@TempDir Path dir) throws IOException {
        String argument = dir.resolve("orders").toString();
        Path written = StarterScenario.write(argument);
        assertThat(written).isEqualTo(dir.resolve("orders.yaml"));
        assertThat(Files.readString(written)).contains("name: orders\n");

        Files.writeString(written, "mine");
        assertThatThrownBy(() -> StarterScenario.write(argument)).isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readString(written)).isEqualTo("mine");
    }

    @Test
    void shouldRefuseANameThatCannotNameResults() {
        assertThatThrownBy(() -> StarterScenario.text("my scenario"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid scenario name 'my scenario'; names use letters, digits, '.', '_' and '-', and"
                        + " start with a letter or digit");
    }
}
