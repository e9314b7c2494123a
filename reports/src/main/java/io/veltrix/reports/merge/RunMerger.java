package io.veltrix.reports.merge;

import io.veltrix.reports.slo.IntervalHistograms;
import io.veltrix.scenarios.results.BenchResults;
import io.veltrix.scenarios.results.EngineConfigResult;
import io.veltrix.scenarios.results.EnvironmentInfo;
import io.veltrix.scenarios.results.GeneratorStats;
import io.veltrix.scenarios.results.HlogTags;
import io.veltrix.scenarios.results.JfrFigures;
import io.veltrix.scenarios.results.LatencySet;
import io.veltrix.scenarios.results.LatencySummary;
import io.veltrix.scenarios.results.MeasuredCounts;
import io.veltrix.scenarios.results.MergedInput;
import io.veltrix.scenarios.results.RunCounts;
import io.veltrix.scenarios.results.ScenarioInfo;
import io.veltrix.scenarios.results.ShutdownResult;
import io.veltrix.scenarios.results.StrategyResult;
import io.veltrix.scenarios.results.TierResult;
import io.veltrix.scenarios.results.TypeResult;
import io.veltrix.scenarios.results.Verdict;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.HdrHistogram.Histogram;

/**
 * Combines the runs of one scenario made on several machines at once into one set of results, as if one machine had
 * generated the whole load (see {@code docs/distributed.md}).
 *
 * <p>What is exact: every count (summed), every latency kind overall, per event type and per tier (the runs'
 * {@code .hlog} interval histograms added, percentiles read from the sum, never averaged): end-to-end, and, from
 * logs that keep them ({@link io.veltrix.scenarios.results.HlogTags}), uncorrected latency, queueing delay, service
 * time and the generator's lag; and the timeline's counts and latencies (intervals put in the wall-clock second
 * their start falls in, see {@link TimelineMerge}). Throughput is the completions of every run divided by the union
 * of their measured windows on the wall clock (from the earliest warm-up boundary to the latest end of a drain).
 * What is bounded: a run whose log was written before the other kinds were kept is only known by their summaries in
 * results.json, so for those kinds counts, means and maxima stay exact and each percentile is the largest of that
 * run's and of the added histograms of the other runs (an upper bound of the merged percentile); the merged
 * strategy's first warning names those runs.
 */
public final class RunMerger {
    /**
     * The merged results and the merged {@code .hlog} of each strategy.
     *
     * @param results the content of the merged results.json
     * @param hlogs each strategy's merged HdrHistogram log, by strategy name
     */
    public record Merged(BenchResults results, Map<String, byte[]> hlogs) {}

    /** Below this share of the union window covered by every run at once, the merged results warn. */
    static final double MIN_OVERLAP = 0.9;

    private RunMerger() {}

    /**
     * Merges {@code inputs}, the first one giving the order of strategies and types and the scenario as run.
     *
     * @throws MergeException when the inputs are not runs of one scenario, or a run is given twice
     */
    public static Merged merge(List<MergeInput> inputs) throws MergeException {
        if (inputs.isEmpty()) {
            throw new MergeException("nothing to merge: name at least one run's directory or results file");
        }
        checkDistinct(inputs);
        checkSameScenario(inputs);
        BenchResults first = inputs.get(0).results();
        List<StrategyResult> strategies = new ArrayList<>();
        Map<String, byte[]> hlogs = new LinkedHashMap<>();
        for (StrategyResult s : first.strategies()) {
            MergedStrategy merged = mergeStrategy(s.name(), inputs);
            strategies.add(merged.result());
            hlogs.put(s.name(), merged.hlog());
        }
        List<MergedInput> provenance = new ArrayList<>();
        for (MergeInput in : inputs) {
            BenchResults r = in.results();
            provenance.add(new MergedInput(
                    in.file().toString(),
                    r.environment() == null ? null : r.environment().hostname(),
                    r.startedAt(),
                    r.endedAt(),
                    r.partial(),
                    r.scenario().seed(),
                    r.scenario().load(),
                    r.environment()));
        }
        BenchResults draft = new BenchResults(
                BenchResults.SCHEMA,
                scenario(inputs),
                environment(inputs),
                earliest(inputs, BenchResults::startedAt),
                latest(inputs, BenchResults::endedAt),
                inputs.stream().anyMatch(in -> in.results().partial()),
                strategies,
                null,
                provenance);
        BenchResults results = draft.withVerdict(Verdict.of(draft));
        return new Merged(results, hlogs);
    }

    // ---- checks

    private static void checkDistinct(List<MergeInput> inputs) throws MergeException {
        for (int i = 0; i < inputs.size(); i++) {
            for (int j = i + 1; j < inputs.size(); j++) {
                MergeInput a = inputs.get(i);
                MergeInput b = inputs.get(j);
                if (samePath(a.file(), b.file())) {
                    throw new MergeException(b.file() + ": given twice (the same file as " + a.file()
                            + "); each run may be merged once");
                }
                BenchResults ra = a.results();
                BenchResults rb = b.results();
                if (Objects.equals(ra.startedAt(), rb.startedAt())
                        && Objects.equals(ra.endedAt(), rb.endedAt())
                        && a.host().equals(b.host())) {
                    throw new MergeException(b.file() + ": the same run as " + a.file() + " (host " + a.host()
                            + ", started " + ra.startedAt() + ", ended " + ra.endedAt()
                            + "), copied; each run may be merged once");
                }
            }
        }
    }

    private static boolean samePath(Path a, Path b) {
        try {
            return a.toRealPath().equals(b.toRealPath());
        } catch (IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }

    private static void checkSameScenario(List<MergeInput> inputs) throws MergeException {
        MergeInput first = inputs.get(0);
        BenchResults a = first.results();
        for (MergeInput other : inputs.subList(1, inputs.size())) {
            BenchResults b = other.results();
            String differs = other.file() + " and " + first.file() + " are not runs of the same scenario: ";
            if (!Objects.equals(a.scenario().name(), b.scenario().name())) {
                throw new MergeException(differs + "scenario '" + b.scenario().name() + "' against '"
                        + a.scenario().name() + "'");
            }
            List<String> namesA = names(a.strategies(), StrategyResult::name);
            List<String> namesB = names(b.strategies(), StrategyResult::name);
            if (!namesA.equals(namesB)) {
                throw new MergeException(differs + "strategies " + namesB + " against " + namesA
                        + (a.partial() || b.partial() ? " (one of them was interrupted)" : ""));
            }
            for (StrategyResult sa : a.strategies()) {
                StrategyResult sb = b.strategy(sa.name());
                List<String> typesA = names(sa.types(), t -> t.name() + " (tier " + t.tier() + ")");
                List<String> typesB = names(sb.types(), t -> t.name() + " (tier " + t.tier() + ")");
                if (!typesA.equals(typesB)) {
                    throw new MergeException(
                            differs + "strategy '" + sa.name() + "' has event types " + typesB + " against " + typesA);
                }
                String engineA = engineShape(sa.engine());
                String engineB = engineShape(sb.engine());
                if (!engineA.equals(engineB)) {
                    throw new MergeException(
                            differs + "strategy '" + sa.name() + "' ran " + engineB + " against " + engineA);
                }
            }
        }
    }

    private static <T> List<String> names(List<T> items, Function<T, String> name) {
        return items == null ? List.of() : items.stream().map(name).toList();
    }

    /** What makes a strategy the same strategy: its queues and policies (not its thread count, which may follow cores). */
    private static String engineShape(EngineConfigResult e) {
        if (e == null) {
            return "an unknown engine";
        }
        return "topology " + e.topology() + ", sizing " + e.sizing() + ", overflow " + e.overflow() + ", retry "
                + e.retry();
    }

    // ---- one strategy

    private record MergedStrategy(StrategyResult result, byte[] hlog) {}

    private static MergedStrategy mergeStrategy(String name, List<MergeInput> inputs) {
        List<StrategyResult> parts = new ArrayList<>();
        List<IntervalHistograms> logs = new ArrayList<>();
        for (MergeInput in : inputs) {
            parts.add(in.results().strategy(name));
            logs.add(in.hlogs().get(name));
        }
        StrategyResult first = parts.get(0);
        List<String> typeNames = names(first.types(), TypeResult::name);

        // Latencies at full resolution: every interval of every run added.
        Histogram total = new Histogram(3);
        Map<String, Histogram> byType = new LinkedHashMap<>();
        typeNames.forEach(t -> byType.put(t, new Histogram(3)));
        for (IntervalHistograms log : logs) {
            for (IntervalHistograms.Interval interval : log.intervals()) {
                total.add(interval.total());
                interval.byType()
                        .forEach((type, h) -> byType.computeIfAbsent(type, k -> new Histogram(3))
                                .add(h));
            }
        }
        OtherKinds kinds = OtherKinds.add(name, inputs);

        // The measured window of each run on the wall clock, and their union.
        long windowStart = Long.MAX_VALUE;
        long windowEnd = Long.MIN_VALUE;
        long latestStart = Long.MIN_VALUE;
        long earliestEnd = Long.MAX_VALUE;
        for (int i = 0; i < parts.size(); i++) {
            long[] w = measuredWindow(parts.get(i), logs.get(i).startEpochMillis());
            windowStart = Math.min(windowStart, w[0]);
            windowEnd = Math.max(windowEnd, w[1]);
            latestStart = Math.max(latestStart, w[0]);
            earliestEnd = Math.min(earliestEnd, w[1]);
        }
        double measuredSeconds = Math.max(0, windowEnd - windowStart) / 1000.0;
        double overlapSeconds = Math.max(0, earliestEnd - latestStart) / 1000.0;

        MeasuredCounts measured = sumMeasured(parts, StrategyResult::measured);
        List<String> warnings = new ArrayList<>();
        warnings.add(kinds.summary(inputs));
        if (inputs.size() > 1 && measuredSeconds > 0 && overlapSeconds < MIN_OVERLAP * measuredSeconds) {
            warnings.add(String.format(
                    Locale.ROOT,
                    "the runs' measured parts overlap for %.1fs of the %.1fs between the first start and the last"
                            + " end: the machines did not run together, and throughput counts over the whole %.1fs",
                    overlapSeconds,
                    measuredSeconds,
                    measuredSeconds));
        }
        List<String> violations = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            String label = inputs.get(i).host() + ": ";
            parts.get(i).warnings().forEach(w -> warnings.add(label + w));
            parts.get(i).invariantViolations().forEach(v -> violations.add(label + v));
        }

        List<TypeResult> types = new ArrayList<>();
        for (TypeResult t : first.types()) {
            List<TypeResult> same = new ArrayList<>();
            for (StrategyResult p : parts) {
                p.types().stream().filter(x -> x.name().equals(t.name())).forEach(same::add);
            }
            types.add(mergeType(t, same, byType.get(t.name()), kinds));
        }
        List<TierResult> tiers = new ArrayList<>();
        for (TierResult tier : first.tiers()) {
            List<TierResult> same = new ArrayList<>();
            for (StrategyResult p : parts) {
                p.tiers().stream().filter(x -> x.name().equals(tier.name())).forEach(same::add);
            }
            Histogram tierHistogram = new Histogram(3);
            for (String type : tier.eventTypes()) {
                Histogram h = byType.get(type);
                if (h != null) {
                    tierHistogram.add(h);
                }
            }
            tiers.add(new TierResult(
                    tier.name(),
                    tier.eventTypes(),
                    sumMeasured(same, TierResult::measured),
                    latencies(
                            tierHistogram,
                            tier.eventTypes(),
                            same.stream().map(TierResult::latency).toList(),
                            kinds)));
        }

        JfrFigures jfr =
                JfrMerge.merge(parts, inputs.stream().map(MergeInput::host).toList(), measured.completed(), warnings);

        TimelineMerge.Result timeline =
                TimelineMerge.merge(parts, logs, typeNames, first.name(), kinds.allKeepKinds(), kinds.allKeepLag());
        StrategyResult result = new StrategyResult(
                name,
                parts.stream().allMatch(StrategyResult::complete),
                first.engine(),
                measuredSeconds,
                measuredSeconds > 0 ? measured.completed() / measuredSeconds : 0,
                parts.stream().mapToDouble(StrategyResult::offeredRate).sum(),
                measured,
                sumRuns(parts.stream().map(StrategyResult::wholeRun).toList()),
                latencies(
                        total,
                        typeNames,
                        parts.stream().map(StrategyResult::latency).toList(),
                        kinds),
                types,
                tiers,
                sumMaps(parts.stream().map(StrategyResult::deadLettersByReason).toList()),
                sumMaps(parts.stream().map(StrategyResult::rejectedByReason).toList()),
                generator(parts, inputs, kinds),
                timeline.points(),
                warnings,
                violations,
                shutdown(parts),
                name + ".hlog",
                null,
                jfr);
        return new MergedStrategy(result, timeline.hlog());
    }

    /** A run's measured part on the wall clock, epoch ms: from its warm-up boundary to the end of its drain. */
    static long[] measuredWindow(StrategyResult s, long startEpochMillis) {
        double end = s.timeline().isEmpty()
                ? s.measuredSeconds()
                : s.timeline().get(s.timeline().size() - 1).end();
        long endMillis = startEpochMillis + Math.round(end * 1000);
        return new long[] {endMillis - Math.round(s.measuredSeconds() * 1000), endMillis};
    }

    private static TypeResult mergeType(TypeResult first, List<TypeResult> same, Histogram endToEnd, OtherKinds kinds) {
        MeasuredCounts measured = sumMeasured(same, TypeResult::measured);
        double attempts = 0;
        for (TypeResult t : same) {
            attempts += t.meanAttempts() * t.measured().completed();
        }
        return new TypeResult(
                first.name(),
                first.tier(),
                first.queue(),
                measured,
                sumRuns(same.stream().map(TypeResult::wholeRun).toList()),
                latencies(
                        endToEnd,
                        List.of(first.name()),
                        same.stream().map(TypeResult::latency).toList(),
                        kinds),
                measured.completed() == 0 ? 1.0 : attempts / measured.completed(),
                sumMaps(same.stream().map(TypeResult::rejectedBy).toList()),
                sumMaps(same.stream().map(TypeResult::deadLetteredBy).toList()));
    }

    /**
     * The latencies of event types {@code types} (one type, a tier's or all): end-to-end from the added histograms,
     * the other three kinds likewise when every run's log keeps them, and otherwise bounded: the runs whose logs lack
     * them give their summaries ({@code parts}, one per run in the order of the inputs), the others the summary of
     * their added histograms.
     */
    private static LatencySet latencies(
            Histogram endToEnd, List<String> types, List<LatencySet> parts, OtherKinds kinds) {
        LatencySummary[] other = new LatencySummary[HlogTags.Kind.values().length];
        for (HlogTags.Kind kind : HlogTags.Kind.values()) {
            LatencySummary added = LatencySummary.of(kinds.sum(kind, types));
            List<LatencySummary> lacking = new ArrayList<>();
            for (int i = 0; i < parts.size(); i++) {
                if (!kinds.keepsKinds(i) && parts.get(i) != null) {
                    lacking.add(kind.summaryIn(parts.get(i)));
                }
            }
            if (lacking.isEmpty()) {
                other[kind.ordinal()] = added;
            } else {
                lacking.add(added);
                other[kind.ordinal()] = bounded(lacking);
            }
        }
        return new LatencySet(
                LatencySummary.of(endToEnd == null ? new Histogram(3) : endToEnd),
                other[HlogTags.Kind.UNCORRECTED.ordinal()],
                other[HlogTags.Kind.QUEUE_DELAY.ordinal()],
                other[HlogTags.Kind.SERVICE.ordinal()]);
    }

    /**
     * Summaries combined without their histograms: the count and the mean are exact, and so is the maximum; each
     * percentile is the largest of the parts', which bounds the merged percentile from above (a percentile of a
     * mixture lies between the smallest and the largest of its parts').
     */
    static LatencySummary bounded(List<LatencySummary> parts) {
        List<LatencySummary> recorded =
                parts.stream().filter(s -> s != null && s.count() > 0).toList();
        if (recorded.isEmpty()) {
            return LatencySummary.EMPTY;
        }
        long count = 0;
        double weighted = 0;
        for (LatencySummary s : recorded) {
            count += s.count();
            weighted += s.mean() * s.count();
        }
        return new LatencySummary(
                count,
                weighted / count,
                max(recorded, LatencySummary::p50),
                max(recorded, LatencySummary::p90),
                max(recorded, LatencySummary::p99),
                max(recorded, LatencySummary::p99_9),
                max(recorded, LatencySummary::p99_99),
                max(recorded, LatencySummary::max));
    }

    private static List<LatencySummary> withAdded(List<LatencySummary> lacking, Histogram added) {
        List<LatencySummary> all = new ArrayList<>(lacking);
        all.add(LatencySummary.of(added));
        return all;
    }

    private static <T> long max(List<T> items, java.util.function.ToLongFunction<T> value) {
        return items.stream().mapToLong(value).max().orElse(0);
    }

    private static <T> MeasuredCounts sumMeasured(List<T> items, Function<T, MeasuredCounts> counts) {
        MeasuredCounts sum = MeasuredCounts.of(0, 0, 0, 0, 0, 0, 0);
        for (T item : items) {
            sum = sum.plus(counts.apply(item));
        }
        return sum;
    }

    static RunCounts sumRuns(List<RunCounts> parts) {
        long[] s = new long[8];
        for (RunCounts c : parts) {
            s[0] += c.submitted();
            s[1] += c.completed();
            s[2] += c.deadLettered();
            s[3] += c.rejected();
            s[4] += c.evicted();
            s[5] += c.inFlight();
            s[6] += c.retries();
            s[7] += c.failedAttempts();
        }
        return new RunCounts(s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7]);
    }

    static Map<String, Long> sumMaps(List<Map<String, Long>> parts) {
        Map<String, Long> sum = new LinkedHashMap<>();
        for (Map<String, Long> part : parts) {
            if (part != null) {
                part.forEach((reason, n) -> sum.merge(reason, n, Long::sum));
            }
        }
        return sum;
    }

    private static GeneratorStats generator(List<StrategyResult> parts, List<MergeInput> inputs, OtherKinds kinds) {
        GeneratorStats first = parts.get(0).generator();
        int threads = 0;
        long offered = 0, wall = 0, cpu = 0, wait = 0, submit = 0, clamped = 0;
        boolean cpuKnown = true;
        List<LatencySummary> lags = new ArrayList<>();
        boolean anyLag = false;
        List<String> warnings = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            GeneratorStats g = parts.get(i).generator();
            threads += g.threads();
            offered += g.offered();
            wall += g.wallNanos();
            cpuKnown &= g.cpuNanos() >= 0;
            cpu += Math.max(0, g.cpuNanos());
            wait += g.waitNanos();
            submit += g.submitNanos();
            clamped += g.clampedServiceTimes();
            anyLag |= g.lag() != null;
            if (g.lag() != null && !kinds.keepsLag(i)) {
                lags.add(g.lag());
            }
            String host = inputs.get(i).host();
            g.warnings().forEach(w -> warnings.add(host + ": " + w));
        }
        long cpuNanos = cpuKnown ? cpu : -1;
        return new GeneratorStats(
                first.model(),
                threads,
                offered,
                wall,
                cpuNanos,
                wait,
                submit,
                cpuKnown && wall > 0 ? (double) cpuNanos / wall : null,
                !anyLag
                        ? null
                        : lags.isEmpty() ? LatencySummary.of(kinds.lag()) : bounded(withAdded(lags, kinds.lag())),
                clamped,
                warnings);
    }

    private static ShutdownResult shutdown(List<StrategyResult> parts) {
        boolean drained = true;
        double took = 0;
        long inFlight = 0, queued = 0, waiting = 0, abandoned = 0;
        int stuck = 0;
        for (StrategyResult p : parts) {
            ShutdownResult s = p.shutdown();
            if (s == null) {
                continue;
            }
            drained &= s.drained();
            took = Math.max(took, s.tookSeconds());
            inFlight += s.leftInFlight();
            queued += s.leftQueued();
            waiting += s.leftWaitingRetry();
            abandoned += s.leftAbandoned();
            stuck += s.stuckWorkers();
        }
        return new ShutdownResult(drained, took, inFlight, queued, waiting, abandoned, stuck);
    }

    // ---- the run as a whole

    private static ScenarioInfo scenario(List<MergeInput> inputs) {
        ScenarioInfo first = inputs.get(0).results().scenario();
        Set<String> loads = new LinkedHashSet<>();
        Double expected = 0.0;
        for (MergeInput in : inputs) {
            ScenarioInfo s = in.results().scenario();
            loads.add(s.load());
            expected = expected == null || s.expectedEvents() == null ? null : expected + s.expectedEvents();
        }
        String load = inputs.size()
                + (inputs.size() == 1 ? " run: " : " runs together, ")
                + (loads.size() == 1 ? (inputs.size() == 1 ? "" : "each ") + first.load() : String.join(" + ", loads));
        return new ScenarioInfo(
                first.name(),
                first.description(),
                first.seed(),
                first.file(),
                first.yaml(),
                first.overrides(),
                first.durationSeconds(),
                first.warmupSeconds(),
                load,
                expected);
    }

    private static EnvironmentInfo environment(List<MergeInput> inputs) {
        EnvironmentInfo first = inputs.get(0).results().environment();
        if (first == null) {
            return null;
        }
        Set<String> hosts = new LinkedHashSet<>();
        int cpus = 0;
        long heap = 0;
        Set<String> commits = new LinkedHashSet<>();
        for (MergeInput in : inputs) {
            EnvironmentInfo e = in.results().environment();
            if (e == null) {
                continue;
            }
            hosts.add(in.host());
            cpus += e.cpus();
            heap += e.maxHeapBytes();
            commits.add(String.valueOf(e.gitCommit()));
        }
        return new EnvironmentInfo(
                first.jdkVendor(),
                first.jdkVersion(),
                first.vmName(),
                cpus,
                heap,
                first.os(),
                first.osVersion(),
                first.arch(),
                String.join(", ", hosts),
                first.veltrixVersion(),
                commits.size() == 1 ? first.gitCommit() : null);
    }

    private static String earliest(List<MergeInput> inputs, Function<BenchResults, String> instant) {
        return inputs.stream()
                .map(in -> instant.apply(in.results()))
                .filter(Objects::nonNull)
                .min((a, b) -> Instant.parse(a).compareTo(Instant.parse(b)))
                .orElse(null);
    }

    private static String latest(List<MergeInput> inputs, Function<BenchResults, String> instant) {
        return inputs.stream()
                .map(in -> instant.apply(in.results()))
                .filter(Objects::nonNull)
                .max((a, b) -> Instant.parse(a).compareTo(Instant.parse(b)))
                .orElse(null);
    }
}
