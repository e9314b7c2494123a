package io.veltrix.reports.html;

import io.veltrix.scenarios.results.AtomicFiles;
import io.veltrix.scenarios.results.BenchResults;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Writes a run's {@code report.html}: one self-contained page (its chart library, style, scripts and data inlined;
 * it requests nothing, so it opens offline from a CI artifact) with, in this order, the verdict and SLO outcome, the
 * strategies compared, the latency distribution, throughput, p99 and drops over time, queues, retries and dead
 * letters, the JVM's allocation, GC pauses and CPU with flame graphs (when Flight Recorder figures are given), the
 * breakdown by event type and tier, the scenario as run and the environment. It reads well on a laptop and a phone,
 * in light and dark mode.
 *
 * <p>Meant to be one of the report formats: the shape is {@code write(results, out)}.
 */
public final class HtmlReportWriter {
    /** The usual name of the page in a run's directory. */
    public static final String REPORT_FILE = "report.html";

    /**
     * Writes the report of {@code results} to {@code out}, reading each strategy's {@code .hlog} from {@code out}'s
     * directory (where a bench writes report.html beside results.json).
     */
    public void write(BenchResults results, Path out) throws IOException {
        Path directory = out.toAbsolutePath().getParent();
        write(results, ReportInputs.of(directory), out);
    }

    /**
     * Writes the report of {@code results} with {@code inputs} to {@code out}, atomically (a reader sees the old file
     * or the whole new one).
     *
     * @throws IOException when the file cannot be written
     * @throws IllegalArgumentException when a JFR summary's collapsed stacks are malformed
     */
    public void write(BenchResults results, ReportInputs inputs, Path out) throws IOException {
        AtomicFiles.write(out, render(results, inputs).getBytes(StandardCharsets.UTF_8));
    }

    /** The report's HTML. */
    public String render(BenchResults results, ReportInputs inputs) {
        return ReportPage.render(results, inputs, ReportAssets.get());
    }
}
