package io.veltrix.reports.format;

import io.veltrix.reports.html.HtmlReportWriter;
import io.veltrix.reports.html.ReportInputs;
import io.veltrix.reports.html.SloVerdict;
import io.veltrix.reports.slo.SloStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code report.html}: the self-contained HTML report ({@link HtmlReportWriter}), with the run's SLO verdicts. The
 * percentile distributions come from the {@code .hlog} files in the same directory.
 */
public final class HtmlResultFormat implements ResultFormat {

    @Override
    public ResultFormatType type() {
        return ResultFormatType.HTML;
    }

    @Override
    public List<Path> write(RunReport report, Path directory) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve(HtmlReportWriter.REPORT_FILE);
        ReportInputs inputs = ReportInputs.of(directory).withSloVerdicts(verdicts(report));
        if (report.jvm() instanceof RecordingFigures recordings) {
            inputs = inputs.withJfr(recordings.summaries());
        }
        new HtmlReportWriter().write(report.results(), inputs, file);
        return List.of(file);
    }

    /** The SLO verdicts as the page shows them: skipped objectives (a strategy not run) are left out. */
    static List<SloVerdict> verdicts(RunReport report) {
        List<SloVerdict> out = new ArrayList<>();
        for (io.veltrix.reports.slo.SloVerdict v : report.slo().verdicts()) {
            if (v.status() == SloStatus.SKIPPED) {
                continue;
            }
            String objective = v.slo().expression() + (v.scope() == null ? "" : " (" + v.scope() + ")");
            out.add(new SloVerdict(
                    v.strategy(),
                    objective,
                    v.status() == SloStatus.PASS,
                    v.measuredText() == null ? "no data" : v.measuredText(),
                    v.message()));
        }
        return out;
    }
}
