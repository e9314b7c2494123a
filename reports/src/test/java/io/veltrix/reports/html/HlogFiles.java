package io.veltrix.reports.html;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/** Writes .hlog files the way the runner does: per second, one interval per event type (tagged) and one untagged. */
final class HlogFiles {
    private HlogFiles() {}

    /**
     * Latencies {@code 1 * unit, 2 * unit, ... count * unit} ns spread over ten one-second intervals, each interval
     * also written once more tagged {@code payment} with ten times the values (which the report must ignore).
     */
    static void writeUniform(Path file, int count, long unit) throws IOException {
        try (PrintStream out = new PrintStream(Files.newOutputStream(file), true, "UTF-8")) {
            HistogramLogWriter log = new HistogramLogWriter(out);
            log.outputLogFormatVersion();
            log.outputStartTime(1_700_000_000_000L);
            log.setBaseTime(1_700_000_000_000L);
            log.outputLegend();
            for (int second = 0; second < 10; second++) {
                Histogram all = new Histogram(3);
                Histogram tagged = new Histogram(3);
                for (int i = second + 1; i <= count; i += 10) {
                    all.recordValue(i * unit);
                    tagged.recordValue(i * unit * 10);
                }
                tagged.setTag("payment");
                all.setStartTimeStamp(1_700_000_000_000L + 1000L * second);
                all.setEndTimeStamp(1_700_000_000_000L + 1000L * (second + 1));
                tagged.setStartTimeStamp(all.getStartTimeStamp());
                tagged.setEndTimeStamp(all.getEndTimeStamp());
                log.outputIntervalHistogram(tagged);
                log.outputIntervalHistogram(all);
            }
        }
    }
}
