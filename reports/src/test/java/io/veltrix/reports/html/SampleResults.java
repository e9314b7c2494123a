package io.veltrix.reports.html;

import io.veltrix.scenarios.results.BenchResults;
import io.veltrix.scenarios.results.EngineConfigResult;
import io.veltrix.scenarios.results.EnvironmentInfo;
import io.veltrix.scenarios.results.GeneratorStats;
import io.veltrix.scenarios.results.LatencySet;
import io.veltrix.scenarios.results.LatencySummary;
import io.veltrix.scenarios.results.MeasuredCounts;
import io.veltrix.scenarios.results.QueuePoint;
import io.veltrix.scenarios.results.RunCounts;
import io.veltrix.scenarios.results.ScenarioInfo;
import io.veltrix.scenarios.results.ShutdownResult;
import io.veltrix.scenarios.results.StrategyResult;
import io.veltrix.scenarios.results.TierResult;
import io.veltrix.scenarios.results.TimelinePoint;
import io.veltrix.scenarios.results.TypeResult;
import io.veltrix.scenarios.results.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A realistic bench of the seed story, built by hand so that tests know every number: {@code naive} (one small fixed
 * queue, rejecting), {@code tiered} (per-type dynamic queues, retries) and {@code weighted} (the same, weighted
 * scheduling). Timelines have a second per point, a warm-up of 3 s, and bursts every 5 s.
 */
final class SampleResults {
    static final String[] TYPES = {"payment", "order", "notification", "analytics"};
    static final String[] TIERS = {"critical", "high", "normal", "low"};
    static final double[] SHARES = {0.10, 0.25, 0.25, 0.40};

    /** Contains {@code </script>} on purpose: the page must show it as text. */
    static final String YAML = """
            # seed story </script><script>alert('escaped?')</script> & "quotes"
            name: seed-story
            duration: 20s
            warmup: 3s
            load:
              spike: {base: 5000/s, peak: 14000/s, every: 5s, duration: 1s}
            """;

    private SampleResults() {}

    /** The bench with 20 measured seconds. */
    static BenchResults seedStory() {
        return seedStory(20);
    }

    /** The bench with {@code measuredSeconds} measured seconds (a point per second, plus 3 of warm-up). */
    static BenchResults seedStory(int measuredSeconds) {
        List<StrategyResult> strategies = List.of(
                strategy(
                        "naive",
                        "single",
                        measuredSeconds,
                        4_612.0,
                        110_000,
                        92_240,
                        17_760,
                        0,
                        0,
                        0,
                        latency(2_100_000, 12_000_000, 145_000_000, 600_000_000, 601_000_000, 601_000_000)),
                strategy(
                        "tiered",
                        "tiered",
                        measuredSeconds,
                        5_480.0,
                        110_000,
                        109_615,
                        0,
                        265,
                        120,
                        1_210,
                        latency(310_000, 2_400_000, 9_800_000, 31_000_000, 48_000_000, 52_000_000)),
                strategy(
                        "weighted",
                        "tiered",
                        measuredSeconds,
                        5_470.0,
                        110_000,
                        109_120,
                        0,
                        760,
                        120,
                        1_190,
                        latency(330_000, 3_100_000, 22_000_000, 70_000_000, 90_000_000, 95_000_000)));
        BenchResults results = new BenchResults(
                BenchResults.SCHEMA,
                new ScenarioInfo(
                        "seed-story",
                        "Naive single queue vs tiered per-type queues under bursty mixed traffic.",
                        20240917,
                        "scenarios/examples/seed-story.yaml",
                        YAML,
                        new ScenarioInfo.Overrides(null, measuredSeconds + "s", null, null, null),
                        measuredSeconds,
                        3,
                        "spike base 5000/s, peak 14000/s for 1s every 5s, poisson",
                        110_000.0),
                new EnvironmentInfo(
                        "Eclipse Adoptium",
                        "17.0.12+7",
                        "OpenJDK 64-Bit Server VM",
                        8,
                        4L << 30,
                        "Linux",
                        "6.8.0",
                        "amd64",
                        "ci-runner-7",
                        "0.1.0-test",
                        "0123456789abcdef0123456789abcdef01234567"),
                "2026-11-26T05:06:44Z",
                "2026-11-26T05:07:36Z",
                false,
                strategies,
                null);
        return new BenchResults(
                results.schema(),
                results.scenario(),
                results.environment(),
                results.startedAt(),
                results.endedAt(),
                false,
                strategies,
                Verdict.of(results));
    }

    static LatencySet latency(long p50, long p90, long p99, long p99_9, long p99_99, long max) {
        LatencySummary e2e = new LatencySummary(100_000, p50 * 1.6, p50, p90, p99, p99_9, p99_99, max);
        LatencySummary uncorrected =
                new LatencySummary(100_000, p50 * 1.2, p50 / 2, p90 / 2, p99 / 2, p99_9 / 2, p99_99 / 2, max / 2);
        LatencySummary queue = new LatencySummary(
                101_000, p50, p50 * 3 / 4, p90 * 3 / 4, p99 * 3 / 4, p99_9 * 3 / 4, p99_99 * 3 / 4, max * 3 / 4);
        LatencySummary service =
                new LatencySummary(101_000, 90_000, 60_000, 150_000, 610_000, 1_200_000, 2_500_000, 4_000_000);
        return new LatencySet(e2e, uncorrected, queue, service);
    }

    private static StrategyResult strategy(
            String name,
            String topology,
            int seconds,
            double throughput,
            long submitted,
            long completed,
            long rejected,
            long evicted,
            long deadLettered,
            long retries,
            LatencySet latency) {
        MeasuredCounts measured = MeasuredCounts.of(
                submitted, completed, deadLettered, rejected, evicted, retries, retries + deadLettered);
        List<TypeResult> types = new ArrayList<>();
        List<TierResult> tiers = new ArrayList<>();
        for (int t = 0; t < TYPES.length; t++) {
            double share = SHARES[t];
            // Under tiered strategies, the low tier takes the losses; naive loses evenly.
            boolean tiered = !topology.equals("single");
            long lostRejected = tiered ? 0 : Math.round(rejected * share);
            long lostEvicted = tiered ? (t == 3 ? evicted : 0) : 0;
            long dead = t == 0 ? deadLettered : 0;
            long tRetries = t == 0 ? retries : 0;
            long tSubmitted = Math.round(submitted * share);
            MeasuredCounts c = MeasuredCounts.of(
                    tSubmitted,
                    tSubmitted - lostRejected - lostEvicted - dead,
                    dead,
                    lostRejected,
                    lostEvicted,
                    tRetries,
                    tRetries + dead);
            long factor = tiered ? t + 1 : 1;
            LatencySet l = scaled(latency, factor);
            String queue = tiered ? TYPES[t] : "shared";
            types.add(new TypeResult(
                    TYPES[t],
                    TIERS[t],
                    queue,
                    c,
                    runCounts(c),
                    l,
                    1.0 + (double) tRetries / Math.max(1, c.completed()),
                    Map.of("full", lostRejected),
                    Map.of("max-attempts", dead)));
            tiers.add(new TierResult(TIERS[t], List.of(TYPES[t]), c, l));
        }
        EngineConfigResult engine = new EngineConfigResult(
                "EngineConfig{" + name + "}",
                topology,
                List.of(TIERS),
                name.equals("weighted") ? "weighted" : "strict",
                name.equals("weighted") ? Map.of("critical", 8, "high", 4, "normal", 2, "low", 1) : Map.of(),
                1,
                16,
                "backoff",
                "1s",
                topology.equals("single")
                        ? "fixed(capacity=128)"
                        : "dynamic(min=128, initial=512, max=16384, target-delay=5ms)",
                "reject",
                topology.equals("single")
                        ? "none"
                        : "exponential(base=1ms, x2, cap=100ms, jitter=full, max-attempts=4)",
                List.of(),
                name.equals("naive") ? List.of() : List.of("analytics: drop-oldest on its own queue"));
        List<String> warnings =
                name.equals("naive") ? List.of("the generator fell behind its schedule (lag p99 79.2ms)") : List.of();
        return new StrategyResult(
                name,
                true,
                engine,
                seconds + 0.4,
                throughput,
                5_500.0,
                measured,
                runCounts(measured),
                latency,
                types,
                tiers,
                Map.of("max-attempts", deadLettered),
                Map.of("full", rejected),
                new GeneratorStats(
                        "open",
                        1,
                        submitted,
                        seconds * 1_000_000_000L,
                        seconds * 80_000_000L,
                        0,
                        0,
                        0.08,
                        LatencySummary.EMPTY,
                        0,
                        List.of()),
                timeline(name, topology, seconds),
                warnings,
                List.of(),
                new ShutdownResult(true, 0.2, 0, 0, 0, 0, 0),
                name + ".hlog",
                name + ".jfr",
                null);
    }

    private static LatencySet scaled(LatencySet l, long factor) {
        return new LatencySet(
                scaled(l.endToEnd(), factor),
                scaled(l.uncorrected(), factor),
                scaled(l.queueDelay(), factor),
                l.service());
    }

    private static LatencySummary scaled(LatencySummary s, long f) {
        return new LatencySummary(
                s.count() / 4,
                s.mean() * f,
                s.p50() * f,
                s.p90() * f,
                s.p99() * f,
                s.p99_9() * f,
                s.p99_99() * f,
                s.max() * f);
    }

    private static RunCounts runCounts(MeasuredCounts c) {
        return new RunCounts(
                c.submitted(),
                c.completed(),
                c.deadLettered(),
                c.rejected(),
                c.evicted(),
                0,
                c.retries(),
                c.failedAttempts());
    }

    /** One point per second; bursts of 14,000/s in the first second of every five. */
    static List<TimelinePoint> timeline(String name, String topology, int measuredSeconds) {
        SplittableRandom random = new SplittableRandom(name.hashCode());
        boolean single = topology.equals("single");
        List<TimelinePoint> points = new ArrayList<>();
        int[] capacity = {1024, 512, 512, 512};
        long backlog = 0;
        int total = 3 + measuredSeconds;
        for (int s = 0; s < total; s++) {
            boolean burst = s % 5 == 0;
            long offered = (burst ? 14_000 : 5_000) + random.nextInt(200) - 100;
            long served = single ? 4_700 + random.nextInt(100) : 5_600 + random.nextInt(100);
            long rejected = single ? Math.max(0, offered - served - 128) : 0;
            long accepted = offered - rejected;
            backlog = Math.max(0, backlog + accepted - served);
            long evicted = single ? 0 : Math.max(0, backlog - 20_000) / 10;
            long completed = Math.min(offered - rejected, served) + (burst ? 0 : Math.min(backlog, 600));
            long retries = single ? 0 : 40 + random.nextInt(40);
            long dead = single ? 0 : (burst ? 6 : 0);
            long p99 = single ? (burst ? 140_000_000L : 25_000_000L) : (burst ? 48_000_000L : 4_000_000L);
            List<QueuePoint> queues = new ArrayList<>();
            if (single) {
                queues.add(new QueuePoint("shared", Math.min(128, backlog + random.nextInt(40)), 128, 128));
            } else {
                for (int q = 0; q < TYPES.length; q++) {
                    long depth = Math.round(backlog * SHARES[q]) + random.nextInt(20);
                    // The controller grows a queue while its delay is over target, and shrinks it back afterwards.
                    capacity[q] =
                            burst ? Math.min(16_384, capacity[q] * 2) : Math.max(128, capacity[q] - capacity[q] / 8);
                    long limit = q == 0 ? capacity[q] + 256 : capacity[q];
                    queues.add(new QueuePoint(TYPES[q], Math.min(depth, capacity[q]), capacity[q], limit));
                }
            }
            String phase = s < 3 ? "warmup" : s == total - 1 ? "drain" : "measured";
            points.add(new TimelinePoint(
                    s,
                    s + 1,
                    phase,
                    offered,
                    accepted,
                    completed,
                    rejected,
                    evicted,
                    dead,
                    retries,
                    backlog,
                    p99 / 10,
                    p99,
                    p99 * 3 / 2,
                    200_000_000L + 1_000_000L * random.nextInt(50),
                    2_000_000L,
                    5_000_000L,
                    queues));
        }
        return points;
    }

    /** Flight Recorder figures for two strategies, with a timeline, pauses and collapsed stacks. */
    static List<JfrSummary> jfr() {
        List<JfrSummary> list = new ArrayList<>();
        String[][] stacks = {
            {
                "java.lang.Thread.run;io.veltrix.engine.Worker.run;io.veltrix.engine.Worker.doWork;io.veltrix.scenarios.run.SyntheticHandler.handle 620",
                "java.lang.Thread.run;io.veltrix.engine.Worker.run;io.veltrix.engine.Worker.doWork;org.jctools.queues.MpscChunkedArrayQueue.poll 210",
                "java.lang.Thread.run;io.veltrix.engine.Worker.run;io.veltrix.engine.BackoffIdleStrategy.idle 90",
                "java.lang.Thread.run;io.veltrix.scenarios.run.OpenLoadGenerator.run;io.veltrix.engine.Engine.submit 240",
                "java.lang.Thread.run;io.veltrix.scenarios.run.Sampler.run;io.veltrix.engine.Engine.snapshot 30",
                "java.lang.Thread.run;io.veltrix.scenarios.run.Sampler.run;org.HdrHistogram.Histogram.add 1"
            },
            {
                "java.lang.Thread.run;io.veltrix.engine.Worker.run;io.veltrix.engine.Worker.doWork;io.veltrix.scenarios.run.SyntheticHandler.handle 700",
                "java.lang.Thread.run;io.veltrix.engine.Worker.run;io.veltrix.engine.Worker.doWork;io.veltrix.engine.RetryTimer.schedule 60",
                "java.lang.Thread.run;io.veltrix.engine.Worker.run;io.veltrix.engine.StrictTierScheduler.next 150",
                "java.lang.Thread.run;io.veltrix.scenarios.run.OpenLoadGenerator.run;io.veltrix.engine.Engine.submit 260"
            }
        };
        String[] names = {"naive", "tiered"};
        double[] allocation = {48.5e6, 12.25e6};
        for (int i = 0; i < names.length; i++) {
            List<JfrSummary.Sample> samples = new ArrayList<>();
            List<JfrSummary.GcPause> pauses = new ArrayList<>();
            for (int s = 3; s < 23; s++) {
                samples.add(new JfrSummary.Sample(
                        s + 1, allocation[i] * (s % 5 == 0 ? 1.8 : 1.0), 45.0 + 10 * i + s % 5, 60.0 + s % 5));
                if (s % 4 == 0) {
                    pauses.add(new JfrSummary.GcPause(s + 0.5, 2.5 + i + s / 10.0, "G1New"));
                }
            }
            list.add(new JfrSummary(
                    names[i],
                    allocation[i],
                    (long) (allocation[i] * 20),
                    5L + i,
                    15.5 + i,
                    4.5 + i,
                    4.4 + i,
                    45.0 + 10 * i,
                    71.0,
                    63.0,
                    samples,
                    pauses,
                    List.of(stacks[i])));
        }
        return list;
    }

    /** SLO verdicts: tiered passes all three, naive fails two. */
    static List<SloVerdict> slos() {
        return List.of(
                new SloVerdict("naive", "p99 < 20ms type=payment", false, "145ms", "over by 125ms"),
                new SloVerdict("naive", "loss == 0 type=payment", false, "16.15%", null),
                new SloVerdict("naive", "throughput >= 4500/s", true, "4,612/s", null),
                new SloVerdict("tiered", "p99 < 20ms type=payment", true, "9.80ms", null),
                new SloVerdict("tiered", "loss == 0 type=payment", true, "0", null),
                new SloVerdict("tiered", "throughput >= 4500/s", true, "5,480/s", null));
    }
}
