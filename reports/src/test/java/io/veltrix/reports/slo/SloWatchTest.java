package io.veltrix.reports.slo;

import static io.veltrix.reports.Fixtures.MS;
import static org.assertj.core.api.Assertions.assertThat;

import io.veltrix.reports.Fixtures;
import io.veltrix.scenarios.model.Scenario;
import io.veltrix.scenarios.model.Slo;
import io.veltrix.scenarios.parse.ScenarioParser;
import io.veltrix.scenarios.parse.SloParser;
import io.veltrix.scenarios.results.MeasuredCounts;
import io.veltrix.scenarios.run.RunListener;
import io.veltrix.scenarios.run.StopSignal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class SloWatchTest {
    private static final Scenario SEED_STORY = ScenarioParser.read(
                    Path.of("..", "scenarios", "examples", "seed-story.yaml"))
            .scenario()
            .orElseThrow();

    private final StopSignal stop = new StopSignal();
    private final List<String> heard = new ArrayList<>();
    private final RunListener console = new RunListener() {
        @Override
        public void strategyStarted(String strategy, int index, int count) {
            heard.add("started " + strategy);
        }

        @Override
        public void measuredInterval(MeasuredInterval interval) {
            heard.add("interval " + interval.point().end());
        }
    };

    private SloWatch watch(String... expressions) {
        List<Slo> slos = new ArrayList<>();
        for (String e : expressions) {
            slos.add(SloParser.parse(e));
        }
        return new SloWatch(slos, SEED_STORY, stop, console);
    }

    /** One second of the seed story: every type completing {@code completed} events in {@code latency}. */
    private static RunListener.MeasuredInterval second(String strategy, int s, long latency, long rejectedPayments) {
        Map<String, Histogram> latencies = new LinkedHashMap<>();
        Map<String, MeasuredCounts> counts = new LinkedHashMap<>();
        for (String type : List.of("payment", "order", "notification", "analytics")) {
            Histogram h = new Histogram(3);
            h.recordValueWithCount(latency, 100);
            latencies.put(type, h);
            long rejected = type.equals("payment") ? rejectedPayments : 0;
            counts.put(type, MeasuredCounts.of(100 + rejected, 100, 0, rejected, 0, 0, 0));
        }
        return new RunListener.MeasuredInterval(
                strategy,
                Fixtures.point(3.0 + s, 4.0 + s, 400 + rejectedPayments, 400, rejectedPayments, 0, 0, 0, latency),
                latencies,
                counts);
    }

    @Test
    void shouldStopOnceALossCountIsOverItsThreshold() {
        SloWatch watch = watch("loss == 0 strategy=tiered type=payment", "p99 < 1us");
        watch.strategyStarted("tiered", 1, 2);
        watch.measuredInterval(second("tiered", 0, MS, 0));
        watch.measuredInterval(second("tiered", 1, MS, 0));
        assertThat(stop.requested()).isFalse();
        watch.measuredInterval(second("tiered", 2, MS, 3));
        assertThat(stop.requested()).isTrue();
        assertThat(watch.abortReason())
                .isEqualTo("SLO 'loss == 0 strategy=tiered type=payment' can no longer pass for strategy tiered: loss"
                        + " of type payment is already 3 at 6.0s of the run; must be == 0");
        assertThat(heard).containsExactly("started tiered", "interval 4.0", "interval 5.0", "interval 6.0");
    }

    @Test
    void shouldWatchOnlyTheStrategyAnSloNames() {
        SloWatch watch = watch("loss == 0 strategy=tiered type=payment");
        watch.strategyStarted("naive", 0, 2);
        watch.measuredInterval(second("naive", 0, MS, 50));
        assertThat(stop.requested()).isFalse();
        assertThat(watch.aborted()).isFalse();
    }

    @Test
    void shouldStopWhenAWindowFails() {
        SloWatch watch = watch("p99 < 50ms over 3s tier=critical");
        watch.strategyStarted("naive", 0, 2);
        watch.measuredInterval(second("naive", 0, MS, 0));
        watch.measuredInterval(second("naive", 1, 200 * MS, 0));
        // The first window of 3 s is complete only now, and holds the slow second.
        assertThat(stop.requested()).isFalse();
        watch.measuredInterval(second("naive", 2, MS, 0));
        assertThat(stop.requested()).isTrue();
        assertThat(watch.abortReason())
                .isEqualTo("SLO 'p99 < 50ms over 3s tier=critical' can no longer pass for strategy naive: p99 of tier"
                        + " critical was 200ms in the 3s window 3.0s-6.0s of the run; must be < 50ms in every window");
    }

    @Test
    void shouldStopOnceTheMaximumIsOverItsThreshold() {
        SloWatch watch = watch("max <= 100ms");
        watch.strategyStarted("naive", 0, 1);
        watch.measuredInterval(second("naive", 0, 99 * MS, 0));
        assertThat(stop.requested()).isFalse();
        watch.measuredInterval(second("naive", 1, 150 * MS, 0));
        assertThat(stop.requested()).isTrue();
    }

    @Test
    void shouldLeaveWhatCanStillRecoverToTheEnd() {
        SloWatch watch = watch("p99 < 1ms", "throughput >= 1M/s", "loss < 0.1%", "loss > 5", "gc_pause_max < 1ms");
        watch.strategyStarted("naive", 0, 1);
        for (int s = 0; s < 20; s++) {
            watch.measuredInterval(second("naive", s, 900 * MS, 100));
        }
        assertThat(stop.requested()).isFalse();
        assertThat(SloWatch.watchable(SloParser.parse("retries < 5"), null)).isTrue();
        assertThat(SloWatch.watchable(SloParser.parse("retries < 5%"), null)).isFalse();
        assertThat(SloWatch.watchable(SloParser.parse("loss == 0 over 5s type=payment"), List.of("payment")))
                .isFalse();
    }
}
