package io.veltrix.reports.jfr.format;

import io.veltrix.reports.jfr.AnalysisContext;
import io.veltrix.reports.jfr.Column;
import io.veltrix.reports.jfr.EventAggregator;
import io.veltrix.reports.jfr.EventSubscriptions;
import io.veltrix.reports.jfr.JfrAnalysis;
import io.veltrix.reports.jfr.JfrAnalyzer;
import io.veltrix.reports.jfr.ReportSection;
import io.veltrix.reports.jfr.SectionWriter;
import io.veltrix.reports.jfr.Unit;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import jdk.jfr.Recording;

/**
 * An analysis whose last section has fixed values, including text that needs escaping, so format tests can compare
 * output exactly.
 */
final class FixedSectionAnalysis {

    static final String TRICKY = "he said \"hi\" \\ back\nslash\ttab \u00e9 \u2603 \u0001";

    private FixedSectionAnalysis() {}

    static JfrAnalysis create(Path dir) throws Exception {
        Path file = dir.resolve("tiny.jfr");
        try (Recording r = new Recording()) {
            r.enable("jdk.ActiveSetting");
            r.start();
            r.stop();
            r.dump(file);
        }
        EventAggregator.Factory fixed = options -> new EventAggregator() {
            @Override
            public void subscribe(EventSubscriptions subscriptions) {}

            @Override
            public ReportSection finish(AnalysisContext context) {
                return new FixedSection();
            }
        };
        return JfrAnalyzer.of(List.of(fixed)).analyze(List.of(file));
    }

    static final class FixedSection implements ReportSection {
        @Override
        public String key() {
            return "fixed";
        }

        @Override
        public String title() {
            return "Fixed \"section\"";
        }

        @Override
        public void writeTo(SectionWriter out) {
            out.text("quote", "tricky text", TRICKY);
            out.count("events", "events", 1_234_567);
            out.bytes("heapBytes", "heap", 1536L * 1024 * 1024);
            out.millis("pauseMs", "pause", Duration.ofNanos(12_345_678));
            out.percent("sharePercent", "share", 100.0 / 3);
            out.value("rateBytesPerSecond", "rate", 1234.56, Unit.BYTES_PER_SECOND);
            out.value("at", "at", Instant.parse("2024-01-02T03:04:05.123Z"), Unit.TIMESTAMP);
            out.value("flag", "flag", true, Unit.TEXT);
            out.missing("absent", "absent", "jdk.Foo was disabled");
            out.table(
                    "rows",
                    "some rows",
                    List.of(
                            new Column("name", "name", Unit.TEXT),
                            new Column("bytes", "bytes", Unit.BYTES),
                            new Column("ms", "time", Unit.MILLISECONDS)),
                    List.of(List.of("a;b", 2048L, 1.5), Arrays.asList("x", null, 0.0004)));
            out.note("a note");
            out.estimate("how it was estimated");
        }
    }
}
