package io.veltrix.scenarios.results;

import java.util.List;
import java.util.Map;

/** Results with every field filled, and the fields that may be null left null, as a merge of two runs writes them. */
final class SchemaSamples {
    private SchemaSamples() {}

    static BenchResults results() {
        LatencySummary latency = new LatencySummary(100, 1500.5, 1000, 2000, 5000, 9000, 9500, 9600);
        LatencySet set = new LatencySet(latency, latency, LatencySummary.EMPTY, latency);
        MeasuredCounts measured = MeasuredCounts.of(110, 100, 2, 5, 3, 4, 6);
        RunCounts whole = new RunCounts(130, 120, 2, 5, 3, 0, 4, 6);
        EngineConfigResult engine = new EngineConfigResult(
                "tiered engine",
                "tiered",
                List.of("critical", "low"),
                "weighted",
                Map.of("critical", 4, "low", 1),
                2,
                16,
                "backoff",
                null,
                "dynamic 32..1024",
                "reject",
                "fixed 1ms x3",
                List.of(new EngineConfigResult.TypeConfig(
                        "payment", "critical", "fixed 64", "reject", "none", null, "synthetic cpu")),
                List.of("one engine-wide block timeout"));
        TimelinePoint warmup = new TimelinePoint(
                0, 1, "warmup", 50, 50, 40, 0, 0, 0, 0, 10, 900, 4000, 5000, 1 << 20, null, null, List.of());
        TimelinePoint point = new TimelinePoint(
                1,
                2,
                "measured",
                110,
                105,
                100,
                5,
                3,
                2,
                4,
                12,
                1000,
                5000,
                9600,
                2 << 20,
                300L,
                900L,
                List.of(new QueuePoint("payment", 3, 64, 70)));
        StrategyResult strategy = new StrategyResult(
                "tiered",
                true,
                engine,
                1.0,
                100.0,
                110.0,
                measured,
                whole,
                set,
                List.of(new TypeResult(
                        "payment",
                        "critical",
                        "payment",
                        measured,
                        whole,
                        set,
                        1.04,
                        Map.of("full", 5L),
                        Map.of("max-attempts", 2L))),
                List.of(new TierResult("critical", List.of("payment"), measured, set)),
                Map.of("max-attempts", 2L),
                Map.of("full", 5L),
                new GeneratorStats(
                        "open",
                        1,
                        110,
                        1_000_000_000L,
                        20_000_000L,
                        900_000_000L,
                        5_000_000L,
                        0.02,
                        latency,
                        0,
                        List.of("fell behind")),
                List.of(warmup, point),
                List.of("a warning"),
                List.of(),
                new ShutdownResult(true, 0.01, 0, 0, 0, 0, 0),
                "tiered.hlog",
                null,
                null);
        EnvironmentInfo env = new EnvironmentInfo(
                "Eclipse Adoptium",
                "17.0.12+7",
                "OpenJDK 64-Bit Server VM",
                2,
                1L << 30,
                "Linux",
                "6.1",
                "amd64",
                null,
                "0.1.0",
                null);
        ScenarioInfo scenario = new ScenarioInfo(
                "checkout",
                "Payments.",
                42,
                "checkout.yaml",
                "name: checkout\n",
                new ScenarioInfo.Overrides(List.of("tiered"), "1s", null, 5000.0, null),
                1.0,
                1.0,
                "poisson 5000/s",
                null);
        return new BenchResults(
                BenchResults.SCHEMA,
                scenario,
                env,
                "2026-01-01T00:00:00Z",
                "2026-01-01T00:00:02.5Z",
                false,
                List.of(strategy),
                null,
                List.of(
                        new MergedInput(
                                "a/results.json",
                                null,
                                "2026-01-01T00:00:00Z",
                                "2026-01-01T00:00:02Z",
                                false,
                                42,
                                "poisson 2500/s",
                                env),
                        new MergedInput(
                                "b/results.json",
                                "node-b",
                                "2026-01-01T00:00:00.5Z",
                                "2026-01-01T00:00:02.5Z",
                                true,
                                43,
                                "poisson 2500/s",
                                env)));
    }
}
