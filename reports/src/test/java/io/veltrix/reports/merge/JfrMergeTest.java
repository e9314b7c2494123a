package io.veltrix.reports.merge;

import static org.assertj.core.api.Assertions.assertThat;

import io.veltrix.reports.Fixtures;
import io.veltrix.reports.slo.JvmFigures;
import io.veltrix.reports.slo.JvmFiguresSource;
import io.veltrix.scenarios.results.JfrFigures;
import io.veltrix.scenarios.results.JfrFigures.HotMethod;
import io.veltrix.scenarios.results.JfrFigures.Site;
import io.veltrix.scenarios.results.StrategyResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JfrMergeTest {
    private static JfrFigures figures(
            long bytes,
            double rate,
            long gcs,
            long pauseTotal,
            long pauseMax,
            double cpu,
            List<Site> sites,
            long samples,
            List<HotMethod> methods) {
        return new JfrFigures(
                null,
                Map.of("allocatedBytes", "sampled."),
                bytes,
                rate,
                null,
                1_000L,
                gcs,
                pauseTotal,
                pauseMax,
                cpu,
                cpu + 10,
                cpu + 20,
                sites,
                samples,
                methods,
                Map.of());
    }

    private static StrategyResult run(JfrFigures f) {
        return Fixtures.tiered().withJfr(f);
    }

    @Test
    void shouldAddWhatAddsAndKeepPerJvmWhatIsPerJvm() {
        // Machine a: 4 MB in 2 s; machine b: 2 MB in 4 s.
        JfrFigures a = figures(
                4_000_000,
                2_000_000,
                3,
                30_000_000,
                20_000_000,
                40,
                List.of(new Site("A.x:1", 3_000_000, 75), new Site("B.y:2", 1_000_000, 25)),
                100,
                List.of(new HotMethod("M.a", 60, 60), new HotMethod("M.b", 40, 40)));
        JfrFigures b = figures(
                2_000_000,
                500_000,
                1,
                5_000_000,
                5_000_000,
                60,
                List.of(new Site("B.y:2", 1_500_000, 75), new Site("C.z:3", 500_000, 25)),
                300,
                List.of(new HotMethod("M.b", 200, 66.67), new HotMethod("M.c", 100, 33.33)));
        List<String> warnings = new ArrayList<>();

        JfrFigures m = JfrMerge.merge(List.of(run(a), run(b)), List.of("a", "b"), 3_000, warnings);

        assertThat(warnings).isEmpty();
        assertThat(m.problem()).isNull();
        assertThat(m.allocatedBytes()).isEqualTo(6_000_000);
        // 6 MB over the 6 recorded seconds of the two JVMs: 1 MB/s per JVM, not the sum of the rates.
        assertThat(m.allocationBytesPerSecond()).isEqualTo(1_000_000.0);
        assertThat(m.allocatedBytesPerEvent()).isEqualTo(2_000.0);
        assertThat(m.excludedFirstSampleBytes()).isEqualTo(2_000);
        assertThat(m.gcCollections()).isEqualTo(4);
        assertThat(m.gcPauseTotalNanos()).isEqualTo(35_000_000);
        assertThat(m.gcPauseMaxNanos()).isEqualTo(20_000_000);
        assertThat(m.cpuJvmMeanPercent()).isEqualTo(50.0);
        assertThat(m.cpuJvmMaxPercent()).isEqualTo(70.0);
        assertThat(m.cpuMachineMeanPercent()).isEqualTo(70.0);
        assertThat(m.topAllocationSites())
                .containsExactly(
                        new Site("A.x:1", 3_000_000, 50.0),
                        new Site("B.y:2", 2_500_000, 41.67),
                        new Site("C.z:3", 500_000, 8.33));
        assertThat(m.executionSamples()).isEqualTo(400);
        assertThat(m.hotMethods())
                .containsExactly(
                        new HotMethod("M.b", 240, 60.0),
                        new HotMethod("M.c", 100, 25.0),
                        new HotMethod("M.a", 60, 15.0));
        assertThat(m.estimates().get("allocatedBytes")).isEqualTo("sampled. Merged: the sum of 2 machines' estimates.");
        assertThat(m.estimates().get("topAllocationSites")).contains("Each machine's top 5 only");

        // An SLO on a merged run reads these figures.
        JvmFigures slo = JvmFiguresSource.FROM_RESULTS.figures(Fixtures.tiered().withJfr(m));
        assertThat(slo).isEqualTo(new JvmFigures(2_000.0, 1_000_000.0, 20_000_000L));
    }

    @Test
    void shouldLeaveFiguresOutWhenAMachineHasNone() {
        JfrFigures a = figures(1, 1, 0, 0, 0, 1, List.of(), 0, List.of());
        List<String> warnings = new ArrayList<>();

        assertThat(JfrMerge.merge(
                        List.of(run(a), Fixtures.tiered(), run(JfrFigures.failed("x.jfr: truncated"))),
                        List.of("a", "b", "c"),
                        10,
                        warnings))
                .isNull();
        assertThat(warnings)
                .containsExactly("JFR figures left out of the merge: b has none; c's recording could not be analysed"
                        + " (x.jfr: truncated). Figures of some machines only would misstate the whole");

        List<String> none = new ArrayList<>();
        assertThat(JfrMerge.merge(List.of(Fixtures.tiered(), Fixtures.tiered()), List.of("a", "b"), 10, none))
                .isNull();
        assertThat(none).as("no machine recorded: nothing to warn about").isEmpty();
    }
}
