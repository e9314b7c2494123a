package io.veltrix.reports;

import static io.veltrix.reports.Fixtures.MS;
import static io.veltrix.reports.Fixtures.US;

import io.veltrix.reports.compare.BaselineComparer;
import io.veltrix.reports.compare.LoadedResults;
import io.veltrix.reports.compare.RegressionLimits;
import io.veltrix.reports.compare.RepeatFigures;
import io.veltrix.reports.compare.Repeats;
import io.veltrix.reports.format.RunReport;
import io.veltrix.reports.slo.JvmFigures;
import io.veltrix.reports.slo.JvmFiguresSource;
import io.veltrix.reports.slo.SloEvaluator;
import io.veltrix.reports.slo.SloReport;
import io.veltrix.scenarios.model.Slo;
import io.veltrix.scenarios.parse.SloParser;
import io.veltrix.scenarios.results.BenchResults;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The report behind the golden files: {@link Fixtures#checkout()} with SLOs of every outcome and a baseline. */
public final class GoldenReport {
    /** The SLOs: passing, failing, without data (no .hlog, no Flight Recorder figures) and skipped. */
    public static final List<String> SLOS = List.of(
            "p99 < 20ms strategy=tiered type=payment",
            "loss == 0 strategy=tiered tier=critical",
            "throughput >= 4900/s",
            "loss < 1% over 5s",
            "p99 < 50ms over 5s strategy=naive",
            "gc_pause_max < 10ms strategy=tiered",
            "max < 1s strategy=dynamic");

    private GoldenReport() {}

    public static SloReport slos(BenchResults results, JvmFiguresSource jvm) {
        List<Slo> slos = new ArrayList<>();
        for (String s : SLOS) {
            slos.add(SloParser.parse(s));
        }
        return new SloEvaluator(jvm).evaluate(slos, results, Map.of());
    }

    /** Three repeats of a baseline run: naive's p99 was 151ms, tiered's throughput 4,800/s. */
    public static Repeats baseRepeats() {
        Map<String, List<RepeatFigures>> strategies = new LinkedHashMap<>();
        strategies.put(
                "naive",
                List.of(
                        new RepeatFigures(3900, 5_600 * US, 150 * MS, 160 * MS, 170 * MS, 22.0),
                        new RepeatFigures(3890, 5_700 * US, 152 * MS, 161 * MS, 175 * MS, 22.5),
                        new RepeatFigures(3910, 5_800 * US, 151 * MS, 159 * MS, 180 * MS, 22.2)));
        strategies.put(
                "tiered",
                List.of(
                        new RepeatFigures(4800, 950 * US, 23 * MS, 40 * MS, 70 * MS, 2.1),
                        new RepeatFigures(4810, 940 * US, 22_500 * US, 39 * MS, 65 * MS, 2.0),
                        new RepeatFigures(4790, 960 * US, 23_500 * US, 41 * MS, 60 * MS, 2.2)));
        return new Repeats(Repeats.SCHEMA, 3, strategies);
    }

    /** The report of the golden files. */
    public static RunReport build() {
        BenchResults results = Fixtures.checkout();
        LoadedResults base = new LoadedResults(Path.of("baseline", "results.json"), results, baseRepeats());
        LoadedResults current =
                new LoadedResults(Path.of("veltrix-results", "checkout", "results.json"), results, null);
        RegressionLimits limits = RegressionLimits.parse(List.of("10%", "p99.9=25%", "max=50%"));
        JvmFiguresSource jvm = s -> s.name().equals("tiered") ? new JvmFigures(48.0, 96.0 * (1 << 20), null) : null;
        return new RunReport(results, slos(results, jvm), BaselineComparer.compare(base, current, limits), null, jvm);
    }
}
