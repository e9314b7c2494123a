package io.veltrix.reports.format;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.veltrix.reports.compare.BaselineComparison;
import io.veltrix.reports.compare.ComparisonRow;
import io.veltrix.reports.slo.SloReport;
import io.veltrix.reports.slo.SloVerdict;
import io.veltrix.scenarios.model.SloUnit;
import io.veltrix.scenarios.parse.Quantities;
import io.veltrix.scenarios.results.AtomicFiles;
import io.veltrix.scenarios.results.ResultsJson;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code report.json}: the content of results.json (schema {@code veltrix-results/1}, so anything that reads
 * results reads this too) with three more top-level fields: {@code slo} (every verdict), and when there are some,
 * {@code baseline} (the comparison) and {@code repeats}.
 */
public final class JsonResultFormat implements ResultFormat {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public ResultFormatType type() {
        return ResultFormatType.JSON;
    }

    @Override
    public List<Path> write(RunReport report, Path directory) throws IOException {
        Path file = directory.resolve(ResultFormatType.JSON.files().get(0));
        AtomicFiles.write(file, render(report));
        return List.of(file);
    }

    /** The file's content (UTF-8). */
    public byte[] render(RunReport report) throws IOException {
        ObjectNode root = (ObjectNode) MAPPER.readTree(ResultsJson.toBytes(report.results()));
        root.set("slo", slo(report.slo()));
        if (report.baseline() != null) {
            root.set("baseline", baseline(report.baseline()));
        }
        if (report.repeats() != null) {
            root.set("repeats", MAPPER.valueToTree(report.repeats()));
        }
        if (report.jvm() instanceof RecordingFigures recordings
                && !recordings.strategies().isEmpty()) {
            root.set("jfr", jfr(recordings));
        }
        return MAPPER.writeValueAsBytes(root);
    }

    /**
     * Per strategy, what its Flight Recorder recording says: allocation (estimated from allocation samples), bytes
     * per completed event, GC pauses, CPU, the top allocation sites and hot methods.
     */
    private static ObjectNode jfr(RecordingFigures recordings) {
        ObjectNode jfr = MAPPER.createObjectNode();
        recordings.strategies().forEach((name, s) -> {
            ObjectNode n = jfr.putObject(name);
            if (s.problem() != null) {
                n.put("problem", s.problem());
                return;
            }
            n.put("allocationBytesPerSecond", s.summary().allocationBytesPerSecond());
            n.put("allocatedBytes", s.summary().allocatedBytes());
            n.put("allocatedBytesPerEvent", s.jvm().allocatedBytesPerEvent());
            n.put("allocationEstimate", "sum of jdk.ObjectAllocationSample weights");
            n.put("gcCount", s.summary().gcCount());
            n.put("gcPauseTotalMs", s.summary().gcPauseTotalMillis());
            n.put("gcPauseMaxMs", s.summary().gcPauseLongestMillis());
            n.put("cpuJvmMeanPercent", s.summary().cpuJvmMeanPercent());
            n.put("cpuMachineMeanPercent", s.summary().cpuMachineMeanPercent());
            ObjectNode sites = n.putObject("topAllocationSitesBytes");
            s.topAllocationSites().forEach(sites::put);
            ObjectNode methods = n.putObject("hotMethodsSamples");
            s.hotMethods().forEach(methods::put);
        });
        return jfr;
    }

    private static ObjectNode slo(SloReport report) {
        ObjectNode slo = MAPPER.createObjectNode();
        slo.put("passed", report.passed());
        slo.put("summary", report.summary());
        ArrayNode verdicts = slo.putArray("verdicts");
        for (SloVerdict v : report.verdicts()) {
            ObjectNode n = verdicts.addObject();
            n.put("expression", v.slo().expression());
            n.put("strategy", v.strategy());
            n.put("metric", v.slo().metric().token());
            n.put("scope", v.scope());
            n.put("window", v.slo().window().map(Quantities::formatDuration).orElse(null));
            n.put("status", v.status().label());
            n.put("measured", v.measured());
            n.put("measuredText", v.measuredText());
            n.put("comparator", v.slo().comparison().token());
            n.put("threshold", v.slo().threshold());
            n.put("thresholdText", v.thresholdText());
            n.put("unit", unit(v.slo().unit()));
            if (v.windows() != null) {
                ObjectNode w = n.putObject("windows");
                w.put("count", v.windows().count());
                w.put("failed", v.windows().failed());
                w.put("worstStart", v.windows().worstStart());
                w.put("worstEnd", v.windows().worstEnd());
                w.put("wholeRun", v.windows().wholeRun());
            }
            n.put("message", v.message());
        }
        return slo;
    }

    /** The unit of {@code measured} and {@code threshold} in the JSON. */
    static String unit(SloUnit unit) {
        switch (unit) {
            case NANOSECONDS:
                return "ns";
            case PER_SECOND:
                return "events/s";
            case COUNT:
                return "events";
            case FRACTION:
                return "fraction";
            case BYTES:
                return "B";
            default:
                return "B/s";
        }
    }

    private static ObjectNode baseline(BaselineComparison c) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("base", c.base());
        n.put("new", c.current());
        n.put("regression", c.hasRegression());
        n.put("summary", c.summary());
        n.put("limits", c.limits());
        ArrayNode rows = n.putArray("rows");
        for (ComparisonRow r : c.rows()) {
            ObjectNode row = rows.addObject();
            row.put("strategy", r.strategy());
            row.put("metric", r.metric().token());
            row.put("base", r.base());
            row.put("new", r.current());
            row.put("deltaPercent", r.deltaPercent());
            row.put("noise", r.noise());
            row.put("baseSamples", r.baseSamples());
            row.put("newSamples", r.newSamples());
            row.put("limitPercent", r.limitPercent());
            row.put("verdict", r.verdict().label());
        }
        n.set("onlyInBase", MAPPER.valueToTree(c.onlyInBase()));
        n.set("onlyInNew", MAPPER.valueToTree(c.onlyInNew()));
        n.set("notes", MAPPER.valueToTree(c.notes()));
        return n;
    }
}
