package io.veltrix.reports.jfr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An application's own event type (as the engine's io.veltrix.QueueSnapshot will be) is analysed by adding one
 * aggregator, without touching the analyzer.
 */
class PluggableAggregatorTest {

    @Name("io.veltrix.test.QueueSnapshot")
    @Label("Queue snapshot (test)")
    static final class QueueSnapshot extends Event {
        @Label("Tier")
        String tier;

        @Label("Depth")
        int depth;
    }

    /** Counts snapshots and keeps the deepest queue: what a real queue aggregator would start from. */
    static final class QueueSnapshotAggregator implements EventAggregator {
        private long snapshots;
        private long maxDepth;

        QueueSnapshotAggregator(AnalysisOptions options) {}

        @Override
        public void subscribe(EventSubscriptions subscriptions) {
            subscriptions.on("io.veltrix.test.QueueSnapshot", this::onSnapshot);
        }

        private void onSnapshot(RecordedEvent e) {
            snapshots++;
            maxDepth = Math.max(maxDepth, e.getInt("depth"));
        }

        @Override
        public ReportSection finish(AnalysisContext context) {
            long count = snapshots;
            long max = maxDepth;
            return new ReportSection() {
                @Override
                public String key() {
                    return "queues";
                }

                @Override
                public String title() {
                    return "Queues";
                }

                @Override
                public void writeTo(SectionWriter out) {
                    out.count("snapshots", "snapshots", count);
                    out.count("maxDepth", "deepest", max);
                }
            };
        }
    }

    @TempDir
    Path dir;

    @Test
    void shouldFeedAnAddedAggregatorTheEventsOfItsOwnType() throws Exception {
        Path file = dir.resolve("queues.jfr");
        try (Recording r = new Recording()) {
            r.enable(QueueSnapshot.class);
            r.enable("jdk.ActiveSetting");
            r.start();
            for (int i = 1; i <= 50; i++) {
                QueueSnapshot s = new QueueSnapshot();
                s.tier = "tier-" + (i % 3);
                s.depth = i * 10;
                s.commit();
            }
            r.stop();
            r.dump(file);
        }

        JfrAnalysis analysis =
                JfrAnalyzer.standard().with(QueueSnapshotAggregator::new).analyze(List.of(file));

        ReportSection queues = analysis.sections().get(analysis.sections().size() - 1);
        assertThat(queues.key()).isEqualTo("queues");
        StringBuilder written = new StringBuilder();
        queues.writeTo(new RecordingSectionWriter(written));
        assertThat(written.toString()).isEqualTo("snapshots=50\nmaxDepth=500\n");
        assertThat(analysis.context().eventCount("io.veltrix.test.QueueSnapshot"))
                .isEqualTo(50);
        assertThat(analysis.context().settings().state("io.veltrix.test.QueueSnapshot"))
                .isEqualTo(EventSettings.State.ENABLED);
        assertThat(analysis.section(SettingsSummary.class).orElseThrow().eventTypes())
                .contains("io.veltrix.test.QueueSnapshot");
    }
}
