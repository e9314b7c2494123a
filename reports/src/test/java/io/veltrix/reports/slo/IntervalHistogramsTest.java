package io.veltrix.reports.slo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.veltrix.scenarios.results.HlogTags;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.junit.jupiter.api.Test;

class IntervalHistogramsTest {

    /** Writes a log the way the runner's sampler does: per interval, one histogram per type, then the total. */
    static byte[] runnerLog(long startEpochMillis, double[][] intervals, long[][] paymentAndAudit) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        HistogramLogWriter log = new HistogramLogWriter(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        log.outputComment("veltrix checkout, strategy tiered");
        log.outputLogFormatVersion();
        log.outputStartTime(startEpochMillis);
        log.setBaseTime(startEpochMillis);
        log.outputBaseTime(startEpochMillis);
        log.outputLegend();
        for (int i = 0; i < intervals.length; i++) {
            Histogram total = new Histogram(3);
            String[] tags = {"payment", "audit"};
            for (int t = 0; t < 2; t++) {
                Histogram h = new Histogram(3);
                h.recordValueWithCount(1_000_000L * (t + 1), paymentAndAudit[i][t]);
                h.setTag(tags[t]);
                log.outputIntervalHistogram(intervals[i][0], intervals[i][1], h);
                total.add(h);
            }
            log.outputIntervalHistogram(intervals[i][0], intervals[i][1], total);
        }
        log.close();
        return bytes.toByteArray();
    }

    @Test
    void shouldReadTheRunnersLogIntervalByInterval() throws IOException {
        byte[] hlog =
                runnerLog(1_700_000_000_123L, new double[][] {{3.0, 4.0}, {4.0, 5.002}, {5.002, 5.75}}, new long[][] {
                    {10, 20}, {0, 5}, {7, 0}
                });
        List<IntervalHistograms.Interval> intervals =
                IntervalHistograms.read(hlog).intervals();
        assertThat(intervals).hasSize(3);
        assertThat(intervals.get(1).start()).isCloseTo(4.0, within(0.0011));
        assertThat(intervals.get(1).end()).isCloseTo(5.002, within(0.0011));
        assertThat(intervals.get(0).total().getTotalCount()).isEqualTo(30);
        assertThat(intervals.get(0).byType()).containsOnlyKeys("payment", "audit");
        assertThat(intervals.get(0).byType().get("audit").getTotalCount()).isEqualTo(20);
        assertThat(intervals.get(2).byType().get("payment").getMaxValue()).isBetween(999_000L, 1_001_000L);
        assertThat(IntervalHistograms.read(hlog).startingAt(5.002).total().getTotalCount())
                .isEqualTo(7);
        assertThat(IntervalHistograms.read(hlog).startingAt(6.0)).isNull();
    }

    @Test
    void shouldRejectWhatIsNotALog() {
        assertThatThrownBy(() -> IntervalHistograms.read("0.0,1.0,5.0,notbase64!\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("not a readable HdrHistogram log");
    }

    @Test
    void shouldKeepTheOtherKindsApartFromTheEventTypes() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        HistogramLogWriter log = new HistogramLogWriter(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        log.outputLogFormatVersion();
        log.outputStartTime(1_700_000_000_000L);
        log.setBaseTime(1_700_000_000_000L);
        log.outputLegend();
        String[] tags = {
            "payment",
            null,
            "queueDelay:payment",
            "service:payment",
            "uncorrected:payment",
            HlogTags.LAG,
            "someday:payment"
        };
        for (int i = 0; i < tags.length; i++) {
            Histogram h = new Histogram(3);
            h.recordValueWithCount(1_000L * (i + 1), i + 1);
            h.setTag(tags[i]);
            log.outputIntervalHistogram(1.0, 2.0, h);
        }
        log.close();

        IntervalHistograms read = IntervalHistograms.read(bytes.toByteArray());

        IntervalHistograms.Interval interval = read.intervals().get(0);
        assertThat(interval.byType()).containsOnlyKeys("payment");
        assertThat(interval.total().getTotalCount()).isEqualTo(2);
        assertThat(interval.kind(HlogTags.Kind.QUEUE_DELAY, "payment").getTotalCount())
                .isEqualTo(3);
        assertThat(interval.kind(HlogTags.Kind.SERVICE, "payment").getTotalCount())
                .isEqualTo(4);
        assertThat(interval.kind(HlogTags.Kind.UNCORRECTED, "payment").getTotalCount())
                .isEqualTo(5);
        assertThat(interval.kind(HlogTags.Kind.SERVICE, "audit")).isNull();
        assertThat(interval.lag().getTotalCount()).isEqualTo(6);
        assertThat(read.hasKinds()).isTrue();
        assertThat(read.hasLag()).isTrue();

        IntervalHistograms older = IntervalHistograms.read(
                runnerLog(1_700_000_000_000L, new double[][] {{3.0, 4.0}}, new long[][] {{1, 2}}));
        assertThat(older.hasKinds()).isFalse();
        assertThat(older.hasLag()).isFalse();
        assertThat(older.intervals().get(0).kinds()).isEmpty();
    }
}
