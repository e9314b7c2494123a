package io.veltrix.reports.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.veltrix.reports.Fixtures;
import io.veltrix.reports.GoldenReport;
import io.veltrix.scenarios.results.ResultsJson;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadedResultsTest {

    @Test
    void shouldLoadAResultsFileOrADirectoryWithItsRepeats(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("results.json"), ResultsJson.toBytes(Fixtures.checkout()));
        LoadedResults alone = LoadedResults.load(dir.resolve("results.json"));
        assertThat(alone.results()).isEqualTo(Fixtures.checkout());
        assertThat(alone.repeats()).isNull();
        LoadedResults.writeRepeats(dir, GoldenReport.baseRepeats());
        LoadedResults withRepeats = LoadedResults.load(dir);
        assertThat(withRepeats.file()).isEqualTo(dir.resolve("results.json"));
        assertThat(withRepeats.repeats()).isEqualTo(GoldenReport.baseRepeats());
        assertThat(withRepeats.repeats().of("naive")).hasSize(3);
    }

    @Test
    void shouldSayWhatIsWrongWithWhichFile(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> LoadedResults.load(dir.resolve("missing.json")))
                .isInstanceOf(BadResultsException.class)
                .hasMessage(dir.resolve("missing.json") + ": no such file");
        assertThatThrownBy(() -> LoadedResults.load(dir))
                .hasMessage(dir + ": no results.json in this directory; give a results file or the output directory"
                        + " of a bench");
        Path notJson = Files.writeString(dir.resolve("a.json"), "{\"schema\": ");
        assertThatThrownBy(() -> LoadedResults.load(notJson)).hasMessageStartingWith(notJson + ": not JSON: ");
        Path array = Files.writeString(dir.resolve("b.json"), "[1, 2]");
        assertThatThrownBy(() -> LoadedResults.load(array))
                .hasMessage(array + ": not a Veltrix results file (expected a JSON object)");
        Path noSchema = Files.writeString(dir.resolve("c.json"), "{\"name\": \"x\"}");
        assertThatThrownBy(() -> LoadedResults.load(noSchema))
                .hasMessage(noSchema + ": not a Veltrix results file (no \"schema\" field); expected the results.json"
                        + " a bench writes, schema veltrix-results/1");
        Path otherSchema = Files.writeString(dir.resolve("d.json"), "{\"schema\": \"veltrix-results/9\"}");
        assertThatThrownBy(() -> LoadedResults.load(otherSchema))
                .hasMessage(otherSchema + ": schema 'veltrix-results/9' is not veltrix-results/1; this version of"
                        + " veltrix reads veltrix-results/1");
        Path wrongShape =
                Files.writeString(dir.resolve("e.json"), "{\"schema\": \"veltrix-results/1\", \"strategies\": 3}");
        assertThatThrownBy(() -> LoadedResults.load(wrongShape))
                .hasMessageStartingWith(wrongShape + ": not of schema veltrix-results/1: ");
        Path empty = Files.writeString(dir.resolve("f.json"), "{\"schema\": \"veltrix-results/1\"}");
        assertThatThrownBy(() -> LoadedResults.load(empty))
                .hasMessage(empty + ": incomplete results: no \"strategies\" or no \"scenario\" (schema"
                        + " veltrix-results/1)");
    }

    @Test
    void shouldRejectBadRepeatsBesideGoodResults(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("results.json"), ResultsJson.toBytes(Fixtures.checkout()));
        Files.writeString(dir.resolve("repeats.json"), "{\"schema\": \"other\"}");
        assertThatThrownBy(() -> LoadedResults.load(dir))
                .isInstanceOf(BadResultsException.class)
                .hasMessage(dir.resolve("repeats.json").toAbsolutePath() + ": schema 'other' is not veltrix-repeats/1");
    }
}
