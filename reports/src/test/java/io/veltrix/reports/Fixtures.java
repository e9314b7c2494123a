package io.veltrix.reports;

import io.veltrix.scenarios.results.BenchResults;
import io.veltrix.scenarios.results.EngineConfigResult;
import io.veltrix.scenarios.results.EnvironmentInfo;
import io.veltrix.scenarios.results.GeneratorStats;
import io.veltrix.scenarios.results.LatencySet;
import io.veltrix.scenarios.results.LatencySummary;
import io.veltrix.scenarios.results.MeasuredCounts;
import io.veltrix.scenarios.results.RunCounts;
import io.veltrix.scenarios.results.ScenarioInfo;
import io.veltrix.scenarios.results.ShutdownResult;
import io.veltrix.scenarios.results.StrategyResult;
import io.veltrix.scenarios.results.TierResult;
import io.veltrix.scenarios.results.TimelinePoint;
import io.veltrix.scenarios.results.TypeResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Results built by hand, the same on every run, for the reports' tests and golden files. */
public final class Fixtures {
    public static final long MS = 1_000_000L;
    public static final long US = 1_000L;

    private Fixtures() {}

    /** A latency summary; the mean is half-way between p50 and p90, p99.99 is the max. */
    public static LatencySummary latency(long count, long p50, long p90, long p99, long p99_9, long max) {
        return new LatencySummary(count, (p50 + p90) / 2.0, p50, p90, p99, p99_9, max, max);
    }

    public static LatencySet latencies(LatencySummary endToEnd) {
        return new LatencySet(endToEnd, endToEnd, LatencySummary.EMPTY, LatencySummary.EMPTY);
    }

    public static TypeResult type(String name, String tier, MeasuredCounts measured, LatencySummary endToEnd) {
        return new TypeResult(
                name,
                tier,
                name,
                measured,
                runCounts(measured),
                latencies(endToEnd),
                1.0 + (double) measured.retries() / Math.max(1, measured.completed()),
                Map.of(),
                Map.of());
    }

    public static TierResult tier(String name, MeasuredCounts measured, LatencySummary endToEnd, String... types) {
        return new TierResult(name, List.of(types), measured, latencies(endToEnd));
    }

    /** A measured interval of a timeline, with no queues and no generator lag. */
    public static TimelinePoint point(
            double start,
            double end,
            long offered,
            long completed,
            long rejected,
            long evicted,
            long deadLettered,
            long retries,
            long p99) {
        return new TimelinePoint(
                start,
                end,
                "measured",
                offered,
                offered - rejected,
                completed,
                rejected,
                evicted,
                deadLettered,
                retries,
                0,
                p99 / 2,
                p99,
                p99,
                64L << 20,
                null,
                null,
                List.of());
    }

    /** The warm-up interval that starts every fixture timeline. */
    public static TimelinePoint warmup(double end) {
        return new TimelinePoint(
                0, end, "warmup", 1000, 1000, 1000, 0, 0, 0, 0, 0, MS, 2 * MS, 3 * MS, 32L << 20, null, null,
                List.of());
    }

    /** A strategy's result of {@code measuredSeconds}, its throughput derived from the completions. */
    public static StrategyResult strategy(
            String name,
            double measuredSeconds,
            MeasuredCounts measured,
            LatencySummary endToEnd,
            List<TypeResult> types,
            List<TierResult> tiers,
            List<TimelinePoint> timeline) {
        return new StrategyResult(
                name,
                true,
                engine(name),
                measuredSeconds,
                measured.completed() / measuredSeconds,
                measured.submitted() / measuredSeconds,
                measured,
                runCounts(measured),
                latencies(endToEnd),
                types,
                tiers,
                Map.of(),
                Map.of(),
                new GeneratorStats(
                        "open", 1, measured.submitted(), 0, -1, 0, 0, null, LatencySummary.EMPTY, 0, List.of()),
                timeline,
                List.of(),
                List.of(),
                new ShutdownResult(true, 0.01, 0, 0, 0, 0, 0),
                name + ".hlog",
                null,
                null);
    }

    public static BenchResults results(List<StrategyResult> strategies) {
        return new BenchResults(
                BenchResults.SCHEMA,
                new ScenarioInfo(
                        "checkout",
                        "Payments and analytics under bursts.",
                        42,
                        "checkout.yaml",
                        "name: checkout\n",
                        new ScenarioInfo.Overrides(null, null, null, null, null),
                        20.0,
                        3.0,
                        "poisson 5000/s",
                        100_000.0),
                new EnvironmentInfo(
                        "Eclipse Adoptium",
                        "17.0.12+7",
                        "OpenJDK 64-Bit Server VM",
                        2,
                        1L << 30,
                        "Linux",
                        "6.1",
                        "amd64",
                        "ci-runner",
                        "0.1.0",
                        "0123456789abcdef0123456789abcdef01234567"),
                "2025-01-02T03:04:05Z",
                "2025-01-02T03:04:55Z",
                false,
                strategies,
                strategies.size() < 2 ? null : "tiered: 1.2x the throughput of naive, p99 8.5x lower");
    }

    /**
     * The fixture of the golden files: {@code naive} (one small queue: fast but lossy, 23.45% lost) and {@code
     * tiered} (per-tier queues: slower analytics, payments safe), over 20 measured seconds, two event types
     * ({@code payment} in tier {@code critical}, {@code analytics} in tier {@code low}).
     */
    public static BenchResults checkout() {
        return results(List.of(naive(), tiered()));
    }

    public static StrategyResult naive() {
        MeasuredCounts payment = MeasuredCounts.of(10_000, 7_655, 5, 2_340, 0, 0, 5);
        MeasuredCounts analytics = MeasuredCounts.of(90_000, 70_000, 0, 20_000, 0, 0, 0);
        MeasuredCounts all = payment.plus(analytics);
        LatencySummary paymentLatency = latency(7_655, 5 * MS, 20 * MS, 186 * MS, 191 * MS, 192 * MS);
        LatencySummary analyticsLatency = latency(70_000, 6 * MS, 22 * MS, 187 * MS, 192 * MS, 195 * MS);
        LatencySummary allLatency = latency(77_655, 5_740 * US, 21 * MS, 186 * MS, 191 * MS, 195 * MS);
        return strategy(
                "naive",
                20.0,
                all,
                allLatency,
                List.of(
                        type("payment", "critical", payment, paymentLatency),
                        type("analytics", "low", analytics, analyticsLatency)),
                List.of(
                        tier("critical", payment, paymentLatency, "payment"),
                        tier("low", analytics, analyticsLatency, "analytics")),
                timeline(all, 186 * MS));
    }

    public static StrategyResult tiered() {
        MeasuredCounts payment = MeasuredCounts.of(10_000, 10_000, 0, 0, 0, 120, 120);
        MeasuredCounts analytics = MeasuredCounts.of(90_000, 88_000, 0, 0, 2_000, 30, 30);
        MeasuredCounts all = payment.plus(analytics);
        LatencySummary paymentLatency = latency(10_000, 400 * US, 900 * US, 2_500 * US, 4 * MS, 6 * MS);
        LatencySummary analyticsLatency = latency(88_000, 1 * MS, 8 * MS, 24 * MS, 40 * MS, 61 * MS);
        LatencySummary allLatency = latency(98_000, 920 * US, 7 * MS, 22 * MS, 38 * MS, 61 * MS);
        return strategy(
                "tiered",
                20.0,
                all,
                allLatency,
                List.of(
                        type("payment", "critical", payment, paymentLatency),
                        type("analytics", "low", analytics, analyticsLatency)),
                List.of(
                        tier("critical", payment, paymentLatency, "payment"),
                        tier("low", analytics, analyticsLatency, "analytics")),
                timeline(all, 22 * MS));
    }

    /** A warm-up interval and 20 one-second measured intervals sharing {@code all}'s counts evenly. */
    static List<TimelinePoint> timeline(MeasuredCounts all, long p99) {
        List<TimelinePoint> points = new ArrayList<>();
        points.add(warmup(3.0));
        for (int s = 0; s < 20; s++) {
            points.add(point(
                    3.0 + s,
                    4.0 + s,
                    all.submitted() / 20,
                    all.completed() / 20,
                    all.rejected() / 20,
                    all.evicted() / 20,
                    all.deadLettered() / 20,
                    all.retries() / 20,
                    p99));
        }
        return points;
    }

    private static RunCounts runCounts(MeasuredCounts m) {
        return new RunCounts(
                m.submitted(),
                m.completed(),
                m.deadLettered(),
                m.rejected(),
                m.evicted(),
                0,
                m.retries(),
                m.failedAttempts());
    }

    private static EngineConfigResult engine(String name) {
        return new EngineConfigResult(
                name + " engine",
                name.equals("naive") ? "single" : "tiered",
                List.of("critical", "low"),
                "strict",
                Map.of(),
                1,
                16,
                "backoff",
                null,
                "fixed 128",
                "reject",
                "none",
                List.of(),
                List.of());
    }
}
