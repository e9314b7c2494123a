package io.veltrix.reports.format;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.veltrix.reports.compare.CompareMetric;
import io.veltrix.reports.compare.RepeatFigures;
import io.veltrix.reports.slo.JvmFigures;
import io.veltrix.scenarios.results.AtomicFiles;
import io.veltrix.scenarios.results.BenchResults;
import io.veltrix.scenarios.results.StrategyResult;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Two files for <a href="https://github.com/benchmark-action/github-action-benchmark">github-action-benchmark</a>,
 * which charts them commit by commit and alerts on regressions: {@code benchmark-bigger-is-better.json} (tool {@code
 * customBiggerIsBetter}: each strategy's throughput) and {@code benchmark-smaller-is-better.json} (tool {@code
 * customSmallerIsBetter}: each strategy's end-to-end p50, p99 and max in milliseconds, its loss in percent, and its
 * allocation when known). Each is a JSON array of {@code {name, unit, value, extra}}; names are {@code
 * <scenario>/<strategy>/<metric>}. With repeats, a value is the mean of the repeats.
 */
public final class BenchmarkResultFormat implements ResultFormat {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public ResultFormatType type() {
        return ResultFormatType.BENCHMARK;
    }

    @Override
    public List<Path> write(RunReport report, Path directory) throws IOException {
        Path bigger = directory.resolve(ResultFormatType.BENCHMARK.files().get(0));
        Path smaller = directory.resolve(ResultFormatType.BENCHMARK.files().get(1));
        AtomicFiles.write(bigger, biggerIsBetter(report).getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(smaller, smallerIsBetter(report).getBytes(StandardCharsets.UTF_8));
        return List.of(bigger, smaller);
    }

    /** The {@code customBiggerIsBetter} file's text. */
    public String biggerIsBetter(RunReport report) throws IOException {
        return MAPPER.writeValueAsString(biggerEntries(report)) + "\n";
    }

    /** The {@code customSmallerIsBetter} file's text. */
    public String smallerIsBetter(RunReport report) throws IOException {
        return MAPPER.writeValueAsString(smallerEntries(report)) + "\n";
    }

    private ArrayNode biggerEntries(RunReport report) {
        ArrayNode entries = MAPPER.createArrayNode();
        for (StrategyResult s : report.results().strategies()) {
            add(
                    entries,
                    report,
                    s,
                    "throughput",
                    "events/s",
                    round(value(report, s, CompareMetric.THROUGHPUT), 1),
                    "completed events per measured second");
        }
        return entries;
    }

    private ArrayNode smallerEntries(RunReport report) {
        ArrayNode entries = MAPPER.createArrayNode();
        for (StrategyResult s : report.results().strategies()) {
            for (CompareMetric m : List.of(CompareMetric.P50, CompareMetric.P99, CompareMetric.MAX)) {
                add(
                        entries,
                        report,
                        s,
                        m.token(),
                        "ms",
                        round(value(report, s, m) / 1e6, 3),
                        "end-to-end latency from each event's intended time");
            }
            add(
                    entries,
                    report,
                    s,
                    "loss",
                    "%",
                    round(value(report, s, CompareMetric.LOSS), 4),
                    "rejected, evicted and dead-lettered events, of submitted");
            JvmFigures jvm = report.jvm().figures(s);
            if (jvm != null && jvm.allocatedBytesPerEvent() != null) {
                add(
                        entries,
                        report,
                        s,
                        "alloc_per_event",
                        "B/event",
                        round(jvm.allocatedBytesPerEvent(), 1),
                        "bytes allocated per completed event");
            }
            if (jvm != null && jvm.allocatedBytesPerSecond() != null) {
                add(
                        entries,
                        report,
                        s,
                        "alloc_rate",
                        "MB/s",
                        round(jvm.allocatedBytesPerSecond() / (1 << 20), 3),
                        "bytes allocated per second");
            }
        }
        return entries;
    }

    private static void add(
            ArrayNode entries,
            RunReport report,
            StrategyResult s,
            String metric,
            String unit,
            double value,
            String meaning) {
        BenchResults results = report.results();
        ObjectNode e = entries.addObject();
        e.put("name", results.scenario().name() + "/" + s.name() + "/" + metric);
        e.put("unit", unit);
        e.put("value", value);
        int repeats = repeats(report, s).size();
        String extra = String.format(
                Locale.ROOT,
                "%s; %s, %ss measured, seed %d%s",
                meaning,
                results.scenario().load(),
                number(results.scenario().durationSeconds()),
                results.scenario().seed(),
                repeats > 1 ? "; mean of " + repeats + " repeats" : "");
        if (results.environment() != null) {
            extra += String.format(
                    Locale.ROOT,
                    "; %d CPUs, %s",
                    results.environment().cpus(),
                    results.environment().jdkVersion());
        }
        e.put("extra", extra);
    }

    private static List<RepeatFigures> repeats(RunReport report, StrategyResult s) {
        return report.repeats() == null ? List.of() : report.repeats().of(s.name());
    }

    private static double value(RunReport report, StrategyResult s, CompareMetric metric) {
        List<RepeatFigures> repeats = repeats(report, s);
        if (repeats.isEmpty()) {
            return metric.value(s);
        }
        double sum = 0;
        for (RepeatFigures f : repeats) {
            sum += metric.value(f);
        }
        return sum / repeats.size();
    }

    private static double round(double value, int decimals) {
        return BigDecimal.valueOf(value)
                .setScale(decimals, RoundingMode.HALF_UP)
                .doubleValue();
    }

    private static String number(double seconds) {
        return seconds == Math.rint(seconds) ? Long.toString((long) seconds) : Double.toString(seconds);
    }
}
