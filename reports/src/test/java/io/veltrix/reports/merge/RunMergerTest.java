package io.veltrix.reports.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.veltrix.reports.Fixtures;
import io.veltrix.reports.slo.IntervalHistograms;
import io.veltrix.scenarios.results.BenchResults;
import io.veltrix.scenarios.results.EnvironmentInfo;
import io.veltrix.scenarios.results.GeneratorStats;
import io.veltrix.scenarios.results.HlogTags;
import io.veltrix.scenarios.results.LatencySet;
import io.veltrix.scenarios.results.LatencySummary;
import io.veltrix.scenarios.results.MeasuredCounts;
import io.veltrix.scenarios.results.QueuePoint;
import io.veltrix.scenarios.results.ResultsJson;
import io.veltrix.scenarios.results.ResultsWriter;
import io.veltrix.scenarios.results.StrategyResult;
import io.veltrix.scenarios.results.TierResult;
import io.veltrix.scenarios.results.TimelinePoint;
import io.veltrix.scenarios.results.TypeResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs built by hand and written with the real writer ({@link ResultsWriter}, {@link HistogramLogWriter}), then
 * merged: counts are sums, latencies come from the added histograms, timelines align on the wall clock.
 */
class RunMergerTest {
    private static final long T0 = 1_767_225_600_000L; // 2026-01-01T00:00:00Z

    @TempDir
    Path dir;

    /**
     * A run of strategy {@code tiered} with types {@code payment} (tier critical) and {@code analytics} (tier low):
     * one second of warm-up, then {@code measured} one-second intervals of random latencies, written to {@code
     * dir/name}.
     *
     * @param startMillis the strategy's start on the wall clock
     * @param scale latencies are scaled by this, so runs differ
     */
    private Run run(String name, String host, long startMillis, int measured, long seed, double scale)
            throws IOException {
        return run(name, host, startMillis, measured, seed, scale, false);
    }

    /**
     * @param kinds whether the log keeps the other latency kinds and the generator's lag, as {@code veltrix bench}
     *     writes it now; without, it is a log written before they were kept (end-to-end only)
     */
    private Run run(String name, String host, long startMillis, int measured, long seed, double scale, boolean kinds)
            throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        HistogramLogWriter log = new HistogramLogWriter(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        log.outputLogFormatVersion();
        log.outputStartTime(startMillis);
        log.setBaseTime(startMillis);
        log.outputBaseTime(startMillis);
        log.outputLegend();
        Histogram payment = new Histogram(3);
        Histogram analytics = new Histogram(3);
        Map<HlogTags.Kind, Histogram[]> kindSums = new EnumMap<>(HlogTags.Kind.class);
        for (HlogTags.Kind kind : HlogTags.Kind.values()) {
            kindSums.put(kind, new Histogram[] {new Histogram(3), new Histogram(3)});
        }
        Histogram lagSum = new Histogram(3);
        List<TimelinePoint> timeline = new ArrayList<>();
        timeline.add(new TimelinePoint(
                0,
                1,
                "warmup",
                500,
                500,
                480,
                0,
                0,
                0,
                0,
                20,
                1_000_000,
                9_000_000,
                9_500_000,
                1 << 20,
                5L,
                9L,
                List.of(new QueuePoint("payment", 3, 64, 64), new QueuePoint("analytics", 7, 128, 128))));
        for (int s = 0; s < measured; s++) {
            Histogram p = new Histogram(3);
            Histogram a = new Histogram(3);
            int n = 200 + random.nextInt(100);
            for (int i = 0; i < n; i++) {
                p.recordValue((long) (scale * (50_000 + random.nextInt(2_000_000))));
                a.recordValue((long) (scale * (100_000 + random.nextInt(40_000_000))));
            }
            payment.add(p);
            analytics.add(a);
            Histogram all = p.copy();
            all.add(a);
            p.setTag("payment");
            a.setTag("analytics");
            log.outputIntervalHistogram(1 + s, 2 + s, p);
            log.outputIntervalHistogram(1 + s, 2 + s, a);
            log.outputIntervalHistogram(1 + s, 2 + s, all);
            Histogram lag = new Histogram(3);
            if (kinds) {
                String[] types = {"payment", "analytics"};
                for (int t = 0; t < 2; t++) {
                    int spread = t == 0 ? 1 : 20;
                    // Uncorrected: one per completion; queue delay and service: one per attempt (a quarter retried).
                    Histogram[] h = {new Histogram(3), new Histogram(3), new Histogram(3)};
                    for (int i = 0; i < n; i++) {
                        h[0].recordValue((long) (scale * (20_000 + random.nextInt(spread * 1_500_000))));
                    }
                    for (int i = 0; i < n + n / 4; i++) {
                        h[1].recordValue((long) (scale * (1_000 + random.nextInt(spread * 400_000))));
                        h[2].recordValue((long) (scale * (10_000 + random.nextInt(spread * 300_000))));
                    }
                    for (HlogTags.Kind kind : HlogTags.Kind.values()) {
                        Histogram k = h[kind.ordinal()];
                        kindSums.get(kind)[t].add(k);
                        k.setTag(kind.tag(types[t]));
                        log.outputIntervalHistogram(1 + s, 2 + s, k);
                    }
                }
                for (int i = 0; i < 2 * n; i++) {
                    lag.recordValue((long) (scale * (1 + random.nextInt(300_000))));
                }
                lagSum.add(lag);
                lag.setTag(HlogTags.LAG);
                log.outputIntervalHistogram(1 + s, 2 + s, lag);
            }
            timeline.add(new TimelinePoint(
                    1 + s,
                    2 + s,
                    s == measured - 1 ? "drain" : "measured",
                    2 * n + 10,
                    2 * n + 5,
                    2 * n,
                    5,
                    3,
                    2,
                    4,
                    10 + s,
                    all.getValueAtPercentile(50),
                    all.getValueAtPercentile(99),
                    all.getMaxValue(),
                    2 << 20,
                    kinds ? lag.getValueAtPercentile(99) : 7L,
                    kinds ? lag.getMaxValue() : 11L,
                    List.of(new QueuePoint("payment", s, 64, 64), new QueuePoint("analytics", 2 * s, 128, 100))));
        }
        log.close();
        Histogram all = payment.copy();
        all.add(analytics);
        long pc = payment.getTotalCount();
        long ac = analytics.getTotalCount();
        MeasuredCounts paymentCounts = MeasuredCounts.of(pc + 2, pc, 0, 2, 0, 1, 1);
        MeasuredCounts analyticsCounts = MeasuredCounts.of(ac + 20, ac, 4, 10, 6, 3, 7);
        TypeResult paymentType = new TypeResult(
                "payment",
                "critical",
                "payment",
                paymentCounts,
                new io.veltrix.scenarios.results.RunCounts(pc + 100, pc + 98, 0, 2, 0, 0, 1, 1),
                kinds ? latencies(payment, kindSums, 0) : Fixtures.latencies(LatencySummary.of(payment)),
                1.25,
                Map.of("full", 2L),
                Map.of());
        TypeResult analyticsType = new TypeResult(
                "analytics",
                "low",
                "analytics",
                analyticsCounts,
                new io.veltrix.scenarios.results.RunCounts(ac + 400, ac + 380, 4, 10, 6, 0, 3, 7),
                kinds ? latencies(analytics, kindSums, 1) : Fixtures.latencies(LatencySummary.of(analytics)),
                1.5,
                Map.of("full", 7L, "timeout", 3L),
                Map.of("max-attempts", 4L));
        StrategyResult base = Fixtures.strategy(
                "tiered",
                measured,
                paymentCounts.plus(analyticsCounts),
                LatencySummary.of(all),
                List.of(paymentType, analyticsType),
                List.of(
                        new TierResult("critical", List.of("payment"), paymentCounts, paymentType.latency()),
                        new TierResult("low", List.of("analytics"), analyticsCounts, analyticsType.latency())),
                timeline);
        StrategyResult strategy = new StrategyResult(
                base.name(),
                true,
                base.engine(),
                base.measuredSeconds(),
                base.throughput(),
                base.offeredRate(),
                base.measured(),
                io.veltrix.reports.merge.RunMerger.sumRuns(List.of(paymentType.wholeRun(), analyticsType.wholeRun())),
                kinds ? latencies(all, kindSums, 0, 1) : base.latency(),
                base.types(),
                base.tiers(),
                Map.of("max-attempts", 4L),
                Map.of("full", 9L, "timeout", 3L),
                kinds
                        ? new GeneratorStats(
                                "open",
                                1,
                                base.measured().submitted(),
                                0,
                                -1,
                                0,
                                0,
                                null,
                                LatencySummary.of(lagSum),
                                0,
                                List.of())
                        : base.generator(),
                base.timeline(),
                List.of("generator fell behind on " + host),
                List.of(),
                base.shutdown(),
                "tiered.hlog",
                null,
                null);
        BenchResults fixture = Fixtures.results(List.of(strategy));
        EnvironmentInfo env = fixture.environment();
        BenchResults results = new BenchResults(
                BenchResults.SCHEMA,
                fixture.scenario(),
                new EnvironmentInfo(
                        env.jdkVendor(),
                        env.jdkVersion(),
                        env.vmName(),
                        env.cpus(),
                        env.maxHeapBytes(),
                        env.os(),
                        env.osVersion(),
                        env.arch(),
                        host,
                        env.veltrixVersion(),
                        env.gitCommit()),
                Instant.ofEpochMilli(startMillis).toString(),
                Instant.ofEpochMilli(startMillis + (1 + measured) * 1000L).toString(),
                false,
                List.of(strategy),
                null);
        Path out = dir.resolve(name);
        ResultsWriter.write(out, results, Map.of("tiered", bytes.toByteArray()));
        return new Run(out, results, all, payment, analytics, kindSums, lagSum);
    }

    /** End-to-end {@code endToEnd}, and the other kinds of the types at {@code types} summed. */
    private static LatencySet latencies(Histogram endToEnd, Map<HlogTags.Kind, Histogram[]> kinds, int... types) {
        LatencySummary[] other = new LatencySummary[3];
        for (HlogTags.Kind kind : HlogTags.Kind.values()) {
            Histogram sum = new Histogram(3);
            for (int t : types) {
                sum.add(kinds.get(kind)[t]);
            }
            other[kind.ordinal()] = LatencySummary.of(sum);
        }
        return new LatencySet(LatencySummary.of(endToEnd), other[0], other[1], other[2]);
    }

    /**
     * @param kinds each other kind's histograms of payment ([0]) and analytics ([1]), empty for an older log
     * @param lag the generator's lag, empty for an older log
     */
    private record Run(
            Path dir,
            BenchResults results,
            Histogram all,
            Histogram payment,
            Histogram analytics,
            Map<HlogTags.Kind, Histogram[]> kinds,
            Histogram lag) {

        /** The sum of kind {@code kind} over types {@code types}, of every run given. */
        static Histogram sum(HlogTags.Kind kind, int[] types, Run... runs) {
            Histogram sum = new Histogram(3);
            for (Run r : runs) {
                for (int t : types) {
                    sum.add(r.kinds().get(kind)[t]);
                }
            }
            return sum;
        }
    }

    private static RunMerger.Merged merge(Path... dirs) throws MergeException {
        List<MergeInput> inputs = new ArrayList<>();
        for (Path d : dirs) {
            inputs.add(MergeInput.load(d));
        }
        return RunMerger.merge(inputs);
    }

    @Test
    void shouldAddCountsAndHistogramsExactly() throws Exception {
        Run a = run("a", "node-a", T0 + 250, 5, 1, 1.0);
        Run b = run("b", "node-b", T0 + 600, 5, 2, 3.0);
        Run c = run("c", "node-c", T0 + 100, 5, 3, 0.5);

        BenchResults merged = merge(a.dir(), b.dir(), c.dir()).results();

        StrategyResult m = merged.strategy("tiered");
        StrategyResult sa = a.results().strategy("tiered");
        StrategyResult sb = b.results().strategy("tiered");
        StrategyResult sc = c.results().strategy("tiered");
        assertThat(m.measured()).isEqualTo(sa.measured().plus(sb.measured()).plus(sc.measured()));
        assertThat(m.wholeRun().submitted())
                .isEqualTo(sa.wholeRun().submitted()
                        + sb.wholeRun().submitted()
                        + sc.wholeRun().submitted());
        assertThat(m.wholeRun().balances()).isTrue();
        assertThat(m.rejectedByReason()).containsExactlyInAnyOrderEntriesOf(Map.of("full", 27L, "timeout", 9L));
        assertThat(m.deadLettersByReason()).containsExactlyEntriesOf(Map.of("max-attempts", 12L));
        TypeResult analytics = m.types().get(1);
        assertThat(analytics.name()).isEqualTo("analytics");
        assertThat(analytics.rejectedBy()).containsExactlyInAnyOrderEntriesOf(Map.of("full", 21L, "timeout", 9L));
        assertThat(analytics.meanAttempts()).isCloseTo(1.5, org.assertj.core.data.Offset.offset(1e-9));

        // The percentiles are those of the sum of the runs' histograms, not an average of their percentiles.
        Histogram all = a.all().copy();
        all.add(b.all());
        all.add(c.all());
        assertThat(m.latency().endToEnd()).isEqualTo(LatencySummary.of(all));
        assertThat(m.latency().endToEnd().count()).isEqualTo(m.measured().completed());
        long meanOfP99 = (sa.latency().endToEnd().p99()
                        + sb.latency().endToEnd().p99()
                        + sc.latency().endToEnd().p99())
                / 3;
        assertThat(m.latency().endToEnd().p99()).isNotEqualTo(meanOfP99);
        Histogram payment = a.payment().copy();
        payment.add(b.payment());
        payment.add(c.payment());
        assertThat(m.types().get(0).latency().endToEnd()).isEqualTo(LatencySummary.of(payment));
        assertThat(m.tiers().get(0).name()).isEqualTo("critical");
        assertThat(m.tiers().get(0).latency().endToEnd()).isEqualTo(LatencySummary.of(payment));
        assertThat(m.tiers().get(0).measured()).isEqualTo(m.types().get(0).measured());

        // Summaries without histograms: count and mean exact, percentiles bounded by the largest.
        LatencySummary uncorrected = m.latency().uncorrected();
        assertThat(uncorrected.count()).isEqualTo(all.getTotalCount());
        assertThat(uncorrected.p99()).isEqualTo(sb.latency().uncorrected().p99());
        assertThat(uncorrected.mean()).isCloseTo(all.getMean(), org.assertj.core.data.Percentage.withPercentage(0.1));

        // Throughput over the union of the measured windows: from c's boundary (T0+1.1 s) to b's end (T0+6.6 s).
        assertThat(m.measuredSeconds()).isEqualTo(5.5);
        assertThat(m.throughput()).isEqualTo(m.measured().completed() / 5.5);
        assertThat(m.warnings())
                .contains("merged from 3 runs (node-a, node-b, node-c): counts and end-to-end latencies are exact"
                        + " sums; uncorrected, queue-delay and service percentiles are an upper bound (the largest of"
                        + " the runs') because the .hlog of node-a (" + a.dir().resolve("results.json") + "), node-b ("
                        + b.dir().resolve("results.json") + "), node-c ("
                        + c.dir().resolve("results.json")
                        + ") holds only end-to-end latency (written before veltrix kept every latency kind)")
                .contains("node-b: generator fell behind on node-b");
        assertThat(merged.mergedFrom()).extracting(in -> in.hostname()).containsExactly("node-a", "node-b", "node-c");
        assertThat(merged.mergedFrom().get(1).file())
                .isEqualTo(b.dir().resolve("results.json").toString());
        assertThat(merged.mergedFrom().get(1).startedAt()).isEqualTo(b.results().startedAt());
        assertThat(merged.startedAt()).isEqualTo(c.results().startedAt());
        assertThat(merged.endedAt()).isEqualTo(b.results().endedAt());
        assertThat(merged.environment().hostname()).isEqualTo("node-a, node-b, node-c");
    }

    @Test
    void shouldAlignTimelinesOnTheWallClock() throws Exception {
        // b starts 2.3 s after a: its warm-up lies in a's third second, its first measured second in a's fourth.
        Run a = run("a", "node-a", T0 + 200, 4, 1, 1.0);
        Run b = run("b", "node-b", T0 + 2_500, 4, 2, 2.0);

        RunMerger.Merged merged = merge(a.dir(), b.dir());

        StrategyResult m = merged.results().strategy("tiered");
        List<TimelinePoint> ta = a.results().strategy("tiered").timeline();
        List<TimelinePoint> tb = b.results().strategy("tiered").timeline();
        assertThat(m.timeline()).extracting(TimelinePoint::start).containsExactly(0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0);
        // Second 2 (T0+2 s): a's interval from T0+2.2 s and b's warm-up from T0+2.5 s.
        TimelinePoint second2 = m.timeline().get(2);
        assertThat(second2.completed())
                .isEqualTo(ta.get(2).completed() + tb.get(0).completed());
        assertThat(second2.phase()).isEqualTo("measured");
        assertThat(second2.inFlight())
                .isEqualTo(ta.get(2).inFlight() + tb.get(0).inFlight());
        assertThat(second2.queues())
                .containsExactly(
                        new QueuePoint("payment", 1 + 3, 128, 128), new QueuePoint("analytics", 2 + 7, 256, 228));
        // Second 3: a's interval from T0+3.2 s and b's first measured one from T0+3.5 s; latencies of their sum.
        TimelinePoint second3 = m.timeline().get(3);
        assertThat(second3.completed())
                .isEqualTo(ta.get(3).completed() + tb.get(1).completed());
        IntervalHistograms logA =
                IntervalHistograms.read(Files.readAllBytes(a.dir().resolve("tiered.hlog")));
        IntervalHistograms logB =
                IntervalHistograms.read(Files.readAllBytes(b.dir().resolve("tiered.hlog")));
        Histogram sum = logA.intervals().get(2).total().copy();
        sum.add(logB.intervals().get(0).total());
        assertThat(second3.p99()).isEqualTo(sum.getValueAtPercentile(99));
        assertThat(second3.max()).isEqualTo(sum.getMaxValue());
        // Only a's warm-up in second 0; only b's drain in second 6.
        assertThat(m.timeline().get(0).phase()).isEqualTo("warmup");
        assertThat(m.timeline().get(6).phase()).isEqualTo("drain");
        assertThat(m.timeline().stream().mapToLong(TimelinePoint::completed).sum())
                .isEqualTo(ta.stream().mapToLong(TimelinePoint::completed).sum()
                        + tb.stream().mapToLong(TimelinePoint::completed).sum());

        // The merged .hlog has one interval per second, from the earliest start rounded down to the second.
        IntervalHistograms log = IntervalHistograms.read(merged.hlogs().get("tiered"));
        assertThat(log.startEpochMillis()).isEqualTo(T0);
        assertThat(log.intervals())
                .extracting(IntervalHistograms.Interval::start)
                .containsExactly(1.0, 2.0, 3.0, 4.0, 5.0, 6.0);
        assertThat(log.intervals().get(2).total()).isEqualTo(sum);
        assertThat(log.intervals().stream()
                        .mapToLong(i -> i.total().getTotalCount())
                        .sum())
                .isEqualTo(m.measured().completed());
        assertThat(log.intervals().get(2).byType()).containsOnlyKeys("payment", "analytics");
    }

    @Test
    void shouldWriteResultsThatReadBackAndMergeAgain() throws Exception {
        Run a = run("a", "node-a", T0, 3, 1, 1.0);
        Run b = run("b", "node-b", T0 + 10, 3, 2, 1.0);
        RunMerger.Merged merged = merge(a.dir(), b.dir());
        Path out = dir.resolve("merged");
        ResultsWriter.write(out, merged.results(), merged.hlogs());

        BenchResults read = ResultsJson.read(out.resolve("results.json"));
        assertThat(read).isEqualTo(merged.results());
        assertThat(MergeInput.load(out).hlogs()).containsKey("tiered");
        assertThat(Files.readString(a.dir().resolve("results.json"))).doesNotContain("mergedFrom");
    }

    @Test
    void shouldRefuseRunsOfAnotherScenario() throws Exception {
        Run a = run("a", "node-a", T0, 3, 1, 1.0);
        Run b = run("b", "node-b", T0, 3, 2, 1.0);
        String text = Files.readString(b.dir().resolve("results.json"));
        Files.writeString(b.dir().resolve("results.json"), text.replace("\"checkout\"", "\"payments\""));

        assertThatThrownBy(() -> merge(a.dir(), b.dir()))
                .isInstanceOf(MergeException.class)
                .hasMessageContaining(b.dir().resolve("results.json").toString())
                .hasMessageContaining("not runs of the same scenario: scenario 'payments' against 'checkout'");
    }

    @Test
    void shouldRefuseOtherEventTypesOrStrategies() throws Exception {
        Run a = run("a", "node-a", T0, 3, 1, 1.0);
        Run b = run("b", "node-b", T0, 3, 2, 1.0);
        Path json = b.dir().resolve("results.json");
        String text = Files.readString(json);
        Files.writeString(json, text.replace("\"tier\" : \"low\"", "\"tier\" : \"critical\""));
        assertThatThrownBy(() -> merge(a.dir(), b.dir()))
                .hasMessageContaining("strategy 'tiered' has event types [payment (tier critical), analytics (tier"
                        + " critical)] against [payment (tier critical), analytics (tier low)]");

        Files.writeString(json, text.replace("\"fixed 128\"", "\"fixed 256\""));
        assertThatThrownBy(() -> merge(a.dir(), b.dir()))
                .hasMessageContaining("strategy 'tiered' ran topology tiered, sizing fixed 256");

        Files.writeString(json, text.replace("\"name\" : \"tiered\"", "\"name\" : \"naive\""));
        Files.copy(b.dir().resolve("tiered.hlog"), b.dir().resolve("naive.hlog"));
        Files.writeString(json, Files.readString(json).replace("\"tiered.hlog\"", "\"naive.hlog\""));
        assertThatThrownBy(() -> merge(a.dir(), b.dir())).hasMessageContaining("strategies [naive] against [tiered]");
    }

    @Test
    void shouldRefuseTheSameRunTwice() throws Exception {
        Run a = run("a", "node-a", T0, 3, 1, 1.0);
        assertThatThrownBy(() -> merge(a.dir(), a.dir().resolve("results.json")))
                .hasMessage(a.dir().resolve("results.json") + ": given twice (the same file as "
                        + a.dir().resolve("results.json") + "); each run may be merged once");

        Path copy = dir.resolve("copy");
        Files.createDirectories(copy);
        for (String f : List.of("results.json", "tiered.hlog")) {
            Files.copy(a.dir().resolve(f), copy.resolve(f));
        }
        assertThatThrownBy(() -> merge(a.dir(), copy))
                .hasMessageStartingWith(copy.resolve("results.json") + ": the same run as "
                        + a.dir().resolve("results.json") + " (host node-a, started "
                        + a.results().startedAt());
    }

    @Test
    void shouldRefuseMissingOrDamagedFiles() throws Exception {
        Run a = run("a", "node-a", T0, 3, 1, 1.0);
        Run b = run("b", "node-b", T0, 3, 2, 1.0);

        assertThatThrownBy(() -> merge(a.dir(), dir.resolve("nowhere")))
                .hasMessageContaining("nowhere")
                .hasMessageContaining("no such file");

        Path hlog = b.dir().resolve("tiered.hlog");
        List<String> lines = Files.readAllLines(hlog);
        Files.write(hlog, lines.subList(0, lines.size() - 3));
        assertThatThrownBy(() -> merge(a.dir(), b.dir()))
                .hasMessageStartingWith(hlog + ": holds ")
                .hasMessageContaining("measured completions of strategy 'tiered'; the log is incomplete");

        Files.delete(hlog);
        assertThatThrownBy(() -> merge(a.dir(), b.dir())).hasMessageStartingWith(hlog + ": no such file");

        Files.writeString(b.dir().resolve("results.json"), "{\"schema\": \"veltrix-results/1\", \"strat");
        assertThatThrownBy(() -> merge(a.dir(), b.dir()))
                .hasMessageStartingWith(b.dir().resolve("results.json") + ": not JSON");
    }

    @Test
    void shouldAddEveryLatencyKindExactlyWhenTheLogsKeepThem() throws Exception {
        Run a = run("a", "node-a", T0 + 250, 5, 1, 1.0, true);
        Run b = run("b", "node-b", T0 + 600, 5, 2, 3.0, true);

        RunMerger.Merged merged = merge(a.dir(), b.dir());

        StrategyResult m = merged.results().strategy("tiered");
        StrategyResult sa = a.results().strategy("tiered");
        StrategyResult sb = b.results().strategy("tiered");
        int[] both = {0, 1};
        for (HlogTags.Kind kind : HlogTags.Kind.values()) {
            Histogram added = Run.sum(kind, both, a, b);
            LatencySummary got = kind.summaryIn(m.latency());
            assertThat(got).as(kind.tagName()).isEqualTo(LatencySummary.of(added));
            assertThat(got.count()).isEqualTo(added.getTotalCount());
            assertThat(got.p50()).as(kind.tagName()).isEqualTo(added.getValueAtPercentile(50));
            assertThat(got.p99()).as(kind.tagName()).isEqualTo(added.getValueAtPercentile(99));
            assertThat(got.max()).as(kind.tagName()).isEqualTo(added.getMaxValue());
            // Not the largest of the runs' percentiles (the bound of older logs): b's latencies are 3 times a's.
            long largestP50 = Math.max(
                    kind.summaryIn(sa.latency()).p50(),
                    kind.summaryIn(sb.latency()).p50());
            assertThat(got.p50()).as(kind.tagName()).isLessThan(largestP50);
            // Per type and per tier, likewise from the added histograms of that type.
            assertThat(kind.summaryIn(m.types().get(0).latency()))
                    .isEqualTo(LatencySummary.of(Run.sum(kind, new int[] {0}, a, b)));
            assertThat(m.tiers().get(1).name()).isEqualTo("low");
            assertThat(kind.summaryIn(m.tiers().get(1).latency()))
                    .isEqualTo(LatencySummary.of(Run.sum(kind, new int[] {1}, a, b)));
        }
        Histogram lag = a.lag().copy();
        lag.add(b.lag());
        assertThat(m.generator().lag()).isEqualTo(LatencySummary.of(lag));
        assertThat(m.warnings())
                .contains("merged from 2 runs (node-a, node-b): counts and every latency (end-to-end, uncorrected,"
                        + " queue delay, service, generator lag) are exact: the runs' .hlog histograms added")
                .noneMatch(w -> w.contains("upper bound"));

        // The timeline's lag of a second holding measured intervals of both runs: from their lags added.
        IntervalHistograms logA =
                IntervalHistograms.read(Files.readAllBytes(a.dir().resolve("tiered.hlog")));
        IntervalHistograms logB =
                IntervalHistograms.read(Files.readAllBytes(b.dir().resolve("tiered.hlog")));
        Histogram second2 = logA.intervals().get(1).lag().copy();
        second2.add(logB.intervals().get(1).lag());
        TimelinePoint point = m.timeline().get(2);
        assertThat(point.phase()).isEqualTo("measured");
        assertThat(point.lagP99()).isEqualTo(second2.getValueAtPercentile(99));
        assertThat(point.lagMax()).isEqualTo(second2.getMaxValue());

        // The merged log keeps every kind too, so its own merge stays exact.
        IntervalHistograms log = IntervalHistograms.read(merged.hlogs().get("tiered"));
        assertThat(log.hasKinds()).isTrue();
        assertThat(log.hasLag()).isTrue();
        Histogram loggedService = new Histogram(3);
        log.intervals().forEach(i -> loggedService.add(i.kind(HlogTags.Kind.SERVICE, "analytics")));
        assertThat(loggedService).isEqualTo(Run.sum(HlogTags.Kind.SERVICE, new int[] {1}, a, b));
        Path out = dir.resolve("merged");
        ResultsWriter.write(out, merged.results(), merged.hlogs());
        MergeInput again = MergeInput.load(out);
        assertThat(again.keepsKinds("tiered")).isTrue();
        assertThat(again.keepsLag("tiered")).isTrue();
    }

    @Test
    void shouldBoundTheOtherKindsOfALogWrittenBeforeThemAndSayWhichRun() throws Exception {
        Run a = run("a", "node-a", T0 + 250, 5, 1, 1.0, true);
        Run old = run("old", "node-b", T0 + 600, 5, 2, 3.0, false);

        StrategyResult m = merge(a.dir(), old.dir()).results().strategy("tiered");

        StrategyResult so = old.results().strategy("tiered");
        Histogram fromA = Run.sum(HlogTags.Kind.UNCORRECTED, new int[] {0, 1}, a);
        LatencySummary uncorrected = m.latency().uncorrected();
        // a's histograms give a's summary; the older run only has its own: the largest of both bounds the merge.
        assertThat(uncorrected.count())
                .isEqualTo(fromA.getTotalCount() + so.latency().uncorrected().count());
        assertThat(uncorrected.p99())
                .isEqualTo(Math.max(
                        fromA.getValueAtPercentile(99),
                        so.latency().uncorrected().p99()));
        assertThat(uncorrected.max())
                .isEqualTo(
                        Math.max(fromA.getMaxValue(), so.latency().uncorrected().max()));
        assertThat(m.warnings())
                .contains("merged from 2 runs (node-a, node-b): counts and end-to-end latencies are exact sums;"
                        + " uncorrected, queue-delay and service percentiles are an upper bound (the largest of the"
                        + " runs') because the .hlog of node-b (" + old.dir().resolve("results.json") + ") holds only"
                        + " end-to-end latency (written before veltrix kept every latency kind); the other runs'"
                        + " histograms of them are added");
    }

    @Test
    void shouldRefuseALogMissingSomeOfItsOtherKinds() throws Exception {
        Run a = run("a", "node-a", T0, 3, 1, 1.0, true);
        Run b = run("b", "node-b", T0 + 10, 3, 2, 1.0, true);
        Path hlog = b.dir().resolve("tiered.hlog");
        List<String> lines = new ArrayList<>(Files.readAllLines(hlog));
        lines.removeIf(l -> l.startsWith("Tag=queueDelay:payment,2.000"));
        Files.write(hlog, lines);

        assertThatThrownBy(() -> merge(a.dir(), b.dir()))
                .hasMessageStartingWith(hlog + ": holds ")
                .hasMessageContaining("queueDelay latencies but")
                .hasMessageContaining("the log is incomplete or belongs to another run");
    }
}
