package io.veltrix.scenarios.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.veltrix.scenarios.load.ScenarioSummary;
import io.veltrix.scenarios.model.Backoff;
import io.veltrix.scenarios.model.FailureWindow;
import io.veltrix.scenarios.model.OverflowPolicy;
import io.veltrix.scenarios.model.Scenario;
import io.veltrix.scenarios.model.SchedulingPolicy;
import io.veltrix.scenarios.model.Sizing;
import io.veltrix.scenarios.model.Topology;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The example scenarios in {@code scenarios/examples/} are run by later steps: they must stay valid. */
class ExampleScenariosTest {
    static final Path EXAMPLES = Path.of("examples");

    static List<Path> examples() throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @Test
    void shouldHaveTheFourExamples() throws IOException {
        assertThat(examples())
                .extracting(p -> p.getFileName().toString())
                .containsExactly("fixed-vs-dynamic.yaml", "priority-burst.yaml", "retry-storm.yaml", "seed-story.yaml");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "seed-story.yaml       | ok: seed-story: 4 event types, 2 strategies, schedule of ~113000 events",
                "fixed-vs-dynamic.yaml | ok: fixed-vs-dynamic: 2 event types, 3 strategies, schedule of ~137000 events",
                "retry-storm.yaml      | ok: retry-storm: 2 event types, 2 strategies, schedule of ~69000 events",
                "priority-burst.yaml   | ok: priority-burst: 2 event types, 3 strategies, schedule of ~117000 events"
            })
    void shouldValidateEveryExample(String file, String summary) {
        ParseResult result = ScenarioParser.read(EXAMPLES.resolve(file));
        assertThat(result.formattedProblems()).isEmpty();
        Scenario scenario = result.scenario().orElseThrow();
        assertThat(scenario.name()).isEqualTo(file.replace(".yaml", ""));
        assertThat(scenario.duration()).isEqualTo(Duration.ofSeconds(20));
        assertThat(scenario.warmup()).isEqualTo(Duration.ofSeconds(3));
        assertThat(ScenarioSummary.oneLine(scenario)).isEqualTo(summary);
    }

    @Test
    void shouldValidateTheCompleteExampleOfTheFormatDocs() throws IOException {
        String docs = Files.readString(Path.of("..", "docs", "scenario-format.md"));
        int section = docs.indexOf("## A complete example");
        int start = docs.indexOf("```yaml\n", section) + "```yaml\n".length();
        String yaml = docs.substring(start, docs.indexOf("```", start));
        ParseResult result = ScenarioParser.parse("scenario-format.md", yaml);
        assertThat(result.formattedProblems()).isEmpty();
        assertThat(ScenarioSummary.oneLine(result.scenario().orElseThrow()))
                .isEqualTo("ok: checkout: 3 event types, 2 strategies, schedule of ~92000 events");
    }

    @Test
    void shouldPitANaiveQueueAgainstTieredQueuesInTheSeedStory() {
        Scenario scenario = ScenarioParser.read(EXAMPLES.resolve("seed-story.yaml"))
                .scenario()
                .orElseThrow();
        var naive = scenario.strategy("naive");
        assertThat(naive.topology()).isEqualTo(Topology.SINGLE);
        assertThat(naive.sizing()).isEqualTo(new Sizing.Fixed(128));
        assertThat(naive.overflow().policy()).isEqualTo(OverflowPolicy.REJECT);
        assertThat(naive.retry().retries()).isFalse();
        var tiered = scenario.strategy("tiered");
        assertThat(tiered.topology()).isEqualTo(Topology.TIERED);
        assertThat(tiered.scheduling().policy()).isEqualTo(SchedulingPolicy.STRICT);
        assertThat(tiered.sizing()).isInstanceOf(Sizing.Dynamic.class);
        assertThat(((Backoff.Exponential) tiered.retry().backoff()).jitter().token())
                .isEqualTo("full");
        assertThat(tiered.settingsFor("payment").sizing())
                .isEqualTo(new Sizing.Dynamic(256, 8192, 1024, Duration.ofMillis(2)));
        assertThat(scenario.events()).extracting(e -> e.tier()).containsExactly("critical", "high", "normal", "low");
    }

    @Test
    void shouldStageAnOutageAgainstImmediateRetriesInTheRetryStorm() {
        Scenario scenario = ScenarioParser.read(EXAMPLES.resolve("retry-storm.yaml"))
                .scenario()
                .orElseThrow();
        FailureWindow outage = scenario.events().get(0).failures().windows().get(0);
        assertThat(outage.rate()).isEqualTo(1.0);
        assertThat(outage.to().minus(outage.from())).isEqualTo(Duration.ofSeconds(4));
        assertThat(scenario.strategy("immediate-retries").retry().backoff())
                .isEqualTo(new Backoff.Fixed(Duration.ZERO));
        assertThat(scenario.strategy("immediate-retries").retry().maxAttempts()).isEqualTo(10);
        assertThat(scenario.strategy("backoff-budget").retry().budget().getAsDouble())
                .isEqualTo(0.10);
    }
}
