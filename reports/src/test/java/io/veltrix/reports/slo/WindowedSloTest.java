package io.veltrix.reports.slo;

import static io.veltrix.reports.Fixtures.MS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.veltrix.reports.Fixtures;
import io.veltrix.scenarios.parse.SloParser;
import io.veltrix.scenarios.results.LatencySummary;
import io.veltrix.scenarios.results.MeasuredCounts;
import io.veltrix.scenarios.results.StrategyResult;
import io.veltrix.scenarios.results.TimelinePoint;
import io.veltrix.scenarios.results.TypeResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class WindowedSloTest {
    private static final int SECONDS = 600;
    private static final int RATE = 1000;
    private static final int STALL_FROM = 300;
    private static final int STALL_SECONDS = 5;

    /**
     * Ten minutes at 1,000 events a second completing in 1 ms, except a 5-second stall from second 300 where every
     * event takes 200 ms: 5,000 of 600,000 events (0.83%), under the 1% that a whole-run p99 looks at.
     */
    private static final class StallRun {
        final List<IntervalHistograms.Interval> intervals = new ArrayList<>();
        final List<TimelinePoint> timeline = new ArrayList<>();
        final Histogram all = new Histogram(3);
        final StrategyResult result;

        StallRun() {
            timeline.add(Fixtures.warmup(2.0));
            for (int s = 0; s < SECONDS; s++) {
                boolean stalled = s >= STALL_FROM && s < STALL_FROM + STALL_SECONDS;
                Histogram payment = new Histogram(3);
                payment.recordValueWithCount(stalled ? 200 * MS : MS, RATE);
                Histogram total = payment.copy();
                all.add(payment);
                double start = 2.0 + s;
                intervals.add(new IntervalHistograms.Interval(start, start + 1, total, Map.of("payment", payment)));
                long lost = stalled ? 50 : 0;
                timeline.add(Fixtures.point(
                        start, start + 1, RATE + lost, RATE, lost, 0, 0, 0, total.getValueAtPercentile(99)));
            }
            MeasuredCounts counts =
                    MeasuredCounts.of((long) SECONDS * RATE + 250, (long) SECONDS * RATE, 0, 250, 0, 0, 0);
            LatencySummary latency = LatencySummary.of(all);
            result = Fixtures.strategy(
                    "tiered",
                    SECONDS,
                    counts,
                    latency,
                    List.of(Fixtures.type("payment", "critical", counts, latency)),
                    List.of(Fixtures.tier("critical", counts, latency, "payment")),
                    timeline);
        }

        SloVerdict check(String expression, boolean withHistograms) {
            return new SloEvaluator()
                    .check(
                            SloParser.parse(expression),
                            result,
                            withHistograms ? IntervalHistograms.of(intervals) : null);
        }
    }

    private final StallRun run = new StallRun();

    @Test
    void shouldCatchAFiveSecondStallThatTheWholeRunP99Hides() {
        SloVerdict whole = run.check("p99 < 50ms", true);
        assertThat(whole.status()).isEqualTo(SloStatus.PASS);
        assertThat(whole.measured()).isCloseTo(MS, within(0.001 * MS));

        SloVerdict windowed = run.check("p99 < 50ms over 10s", true);
        assertThat(windowed.status()).isEqualTo(SloStatus.FAIL);
        assertThat(windowed.measured()).isCloseTo(200.0 * MS, within(0.2 * MS));
        // 591 windows of ten seconds end at seconds 10 to 600; the 14 that hold any of the 5 stalled seconds fail.
        assertThat(windowed.windows().count()).isEqualTo(SECONDS - 9);
        assertThat(windowed.windows().failed()).isEqualTo(9 + STALL_SECONDS);
        assertThat(windowed.windows().wholeRun()).isFalse();
        assertThat(windowed.windows().worstEnd() - windowed.windows().worstStart())
                .isCloseTo(10.0, within(1e-9));
        assertThat(windowed.windows().worstStart()).isBetween(2.0 + STALL_FROM - 9, 2.0 + STALL_FROM + 4);
        assertThat(windowed.message())
                .startsWith("p99 of all events over 10s windows: worst 200ms (")
                .endsWith("), failed in 14 of 591 windows; must be < 50ms in every window");
    }

    @Test
    void shouldNotAverageAStallAwayInWindowsWhereItIsHalfTheEvents() {
        // A window of 10 s holding the whole stall: half its events took 200 ms, so its p99 is 200 ms, not the
        // 100 ms that averaging ten per-second p99s would give.
        SloVerdict verdict = run.check("p99 <= 100ms over 10s type=payment", true);
        assertThat(verdict.status()).isEqualTo(SloStatus.FAIL);
        assertThat(verdict.measured()).isCloseTo(200.0 * MS, within(0.2 * MS));
        assertThat(run.check("p50 < 100ms over 10s", true).status()).isEqualTo(SloStatus.PASS);
        assertThat(run.check("p50 < 100ms over 5s tier=critical", true).status())
                .isEqualTo(SloStatus.FAIL);
        assertThat(run.check("max < 100ms over 60s", true).windows().failed()).isEqualTo(60 + STALL_SECONDS - 1);
    }

    @Test
    void shouldCheckThroughputAndLossInEveryWindowFromTheTimeline() {
        SloVerdict throughput = run.check("throughput >= 999/s over 10s", false);
        assertThat(throughput.status()).isEqualTo(SloStatus.PASS);
        assertThat(throughput.measured()).isCloseTo(1000.0, within(1e-9));
        SloVerdict loss = run.check("loss == 0 over 10s", false);
        assertThat(loss.status()).isEqualTo(SloStatus.FAIL);
        assertThat(loss.measured()).isEqualTo(250.0);
        assertThat(loss.windows().failed()).isEqualTo(14);
        SloVerdict lossPercent = run.check("loss < 3% over 5s", false);
        // The worst 5 s window is the stall itself: 250 lost of 5,250 submitted.
        assertThat(lossPercent.measured()).isCloseTo(250.0 / 5250, within(1e-12));
        assertThat(lossPercent.status()).isEqualTo(SloStatus.FAIL);
        assertThat(run.check("loss < 5% over 5s", false).status()).isEqualTo(SloStatus.PASS);
        assertThat(run.check("throughput >= 999/s over 10s type=payment", true).status())
                .isEqualTo(SloStatus.PASS);
    }

    @Test
    void shouldFindAThroughputDipThatTheWholeRunAverageHides() {
        List<TimelinePoint> timeline = new ArrayList<>();
        timeline.add(Fixtures.warmup(1.0));
        for (int s = 0; s < 60; s++) {
            long completed = s >= 30 && s < 33 ? 100 : 1000;
            timeline.add(Fixtures.point(1.0 + s, 2.0 + s, 1000, completed, 0, 0, 0, 0, MS));
        }
        MeasuredCounts counts = MeasuredCounts.of(60_000, 57_300, 0, 0, 0, 0, 0);
        StrategyResult dip = Fixtures.strategy(
                "dip",
                60,
                counts,
                Fixtures.latency(57_300, MS, MS, MS, MS, MS),
                List.<TypeResult>of(),
                List.of(),
                timeline);
        SloEvaluator evaluator = new SloEvaluator();
        assertThat(evaluator
                        .check(SloParser.parse("throughput >= 900/s"), dip, null)
                        .status())
                .isEqualTo(SloStatus.PASS);
        SloVerdict windowed = evaluator.check(SloParser.parse("throughput >= 900/s over 5s"), dip, null);
        assertThat(windowed.status()).isEqualTo(SloStatus.FAIL);
        assertThat(windowed.measured()).isCloseTo((2 * 1000 + 3 * 100) / 5.0, within(1e-9));
        assertThat(windowed.windows().worstStart()).isEqualTo(29.0);
    }

    @Test
    void shouldCheckAShortFirstIntervalInTheFirstWindow() {
        // Samples came late: a first interval of 0.7 s (a stall), then 1.0 s. A window of 1 s would end with the
        // second interval alone, leaving the stall unchecked; the first window holds both instead.
        Histogram slow = new Histogram(3);
        slow.recordValueWithCount(300 * MS, 100);
        Histogram fast = new Histogram(3);
        fast.recordValueWithCount(MS, 1000);
        List<TimelinePoint> timeline = List.of(
                Fixtures.warmup(1.2),
                Fixtures.point(1.2, 1.9, 100, 100, 0, 0, 0, 0, 300 * MS),
                Fixtures.point(1.9, 2.9, 1000, 1000, 0, 0, 0, 0, MS));
        IntervalHistograms intervals = IntervalHistograms.of(List.of(
                new IntervalHistograms.Interval(1.2, 1.9, slow, Map.of("payment", slow)),
                new IntervalHistograms.Interval(1.9, 2.9, fast, Map.of("payment", fast))));
        MeasuredCounts counts = MeasuredCounts.of(1100, 1100, 0, 0, 0, 0, 0);
        StrategyResult late = Fixtures.strategy(
                "late",
                1.7,
                counts,
                Fixtures.latency(1100, MS, MS, 300 * MS, 300 * MS, 300 * MS),
                List.of(),
                List.of(),
                timeline);
        SloVerdict verdict = new SloEvaluator().check(SloParser.parse("p99 < 100ms over 1s"), late, intervals);
        assertThat(verdict.status()).isEqualTo(SloStatus.FAIL);
        assertThat(verdict.windows().count()).isEqualTo(1);
        assertThat(verdict.windows().worstStart()).isEqualTo(1.2);
        assertThat(verdict.windows().worstEnd()).isEqualTo(2.9);
    }

    @Test
    void shouldCheckAMeasuredPartShorterThanTheWindowAsOneWindow() {
        SloVerdict verdict = run.check("p99 < 50ms over 20m", true);
        assertThat(verdict.windows().wholeRun()).isTrue();
        assertThat(verdict.windows().count()).isEqualTo(1);
        assertThat(verdict.status()).isEqualTo(SloStatus.PASS);
        assertThat(verdict.message())
                .isEqualTo("p99 of all events over 20m windows: worst 1ms (2.0s-602.0s of the run), held in the only"
                        + " window; must be < 50ms in every window (the measured part, 600.0s, is shorter than the"
                        + " window: checked over all of it)");
    }

    @Test
    void shouldGiveNoDataWhenAWindowCannotBeMeasured() {
        SloVerdict noHistograms = run.check("p99 < 50ms over 10s", false);
        assertThat(noHistograms.status()).isEqualTo(SloStatus.NO_DATA);
        assertThat(noHistograms.message())
                .isEqualTo("no data for p99 of all events over 10s windows: a window's latencies come from the"
                        + " strategy's interval histograms (<strategy>.hlog), and they are missing or do not cover the"
                        + " timeline");
        assertThat(run.check("throughput > 1/s over 10s tier=critical", false).message())
                .isEqualTo("no data for throughput of tier critical over 10s windows: a window's completions of one"
                        + " event type or tier come from the strategy's interval histograms (<strategy>.hlog), and they"
                        + " are missing or do not cover the timeline");
        SloVerdict perType = run.check("loss == 0 over 10s type=payment", true);
        assertThat(perType.status()).isEqualTo(SloStatus.NO_DATA);
        assertThat(perType.message())
                .isEqualTo("no data for loss of type payment over 10s windows: the timeline in results.json counts"
                        + " loss for every event type together, not per type or tier, so it cannot be checked per"
                        + " window for type payment");
        assertThat(run.check("alloc_rate < 1MB/s over 10s", true).message())
                .isEqualTo("no data: alloc_rate is measured over a strategy's whole measured part, not per window");
    }
}
