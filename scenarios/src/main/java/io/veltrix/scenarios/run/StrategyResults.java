package io.veltrix.scenarios.run;

import io.veltrix.engine.DeadLetterReason;
import io.veltrix.engine.EngineConfig;
import io.veltrix.engine.EngineSnapshot;
import io.veltrix.engine.EventHandler;
import io.veltrix.engine.EventTypeConfig;
import io.veltrix.engine.RejectReason;
import io.veltrix.engine.ShutdownReport;
import io.veltrix.engine.TierScheduling;
import io.veltrix.engine.TypeSnapshot;
import io.veltrix.scenarios.load.Schedule;
import io.veltrix.scenarios.model.Scenario;
import io.veltrix.scenarios.model.Strategy;
import io.veltrix.scenarios.parse.Quantities;
import io.veltrix.scenarios.results.Durations;
import io.veltrix.scenarios.results.EngineConfigResult;
import io.veltrix.scenarios.results.GeneratorStats;
import io.veltrix.scenarios.results.LatencySet;
import io.veltrix.scenarios.results.LatencySummary;
import io.veltrix.scenarios.results.MeasuredCounts;
import io.veltrix.scenarios.results.RunCounts;
import io.veltrix.scenarios.results.ShutdownResult;
import io.veltrix.scenarios.results.StrategyResult;
import io.veltrix.scenarios.results.TierResult;
import io.veltrix.scenarios.results.TypeResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** Builds a {@link StrategyResult} from what a strategy's run left: the sampler, the driver and the final drain. */
final class StrategyResults {
    private StrategyResults() {}

    static StrategyResult assemble(
            Scenario scenario,
            Strategy strategy,
            MappedStrategy mapped,
            List<EventHandler<?>> handlers,
            Sampler sampler,
            LoadDriver driver,
            ShutdownReport report,
            boolean complete,
            Schedule schedule,
            List<String> problems) {
        EngineSnapshot last = report.last();
        EngineSnapshot boundary = sampler.boundary();
        int n = scenario.events().size();
        List<TypeResult> types = new ArrayList<>();
        MeasuredCounts[] measured = new MeasuredCounts[n];
        for (int t = 0; t < n; t++) {
            TypeSnapshot end = last.types().get(t);
            TypeSnapshot begin = boundary == null ? null : boundary.types().get(t);
            measured[t] =
                    measured(end, begin, sampler.measured(t, Sampler.END_TO_END).getTotalCount(), boundary);
            Histogram attempts = end.total().attempts().copy();
            if (begin != null) {
                attempts.subtract(begin.total().attempts());
            }
            types.add(new TypeResult(
                    end.name(),
                    end.tier(),
                    end.queue(),
                    measured[t],
                    runCounts(end),
                    latencies(sampler, List.of(t)),
                    boundary == null || attempts.getTotalCount() == 0 ? 0.0 : attempts.getMean(),
                    labelled(end.rejectedBy(), RejectReason::label),
                    labelled(end.deadLetteredBy(), DeadLetterReason::label)));
        }
        List<Integer> all = new ArrayList<>();
        MeasuredCounts total = MeasuredCounts.of(0, 0, 0, 0, 0, 0, 0);
        for (int t = 0; t < n; t++) {
            all.add(t);
            total = total.plus(measured[t]);
        }
        double seconds = boundary == null ? 0.0 : (last.uptimeNanos() - boundary.uptimeNanos()) / 1e9;
        double scheduleSeconds = (schedule.endNanos() - schedule.warmupNanos()) / 1e9;
        GeneratorStats generator = driver.stats(sampler.measuredLag());
        return new StrategyResult(
                strategy.name(),
                complete,
                engineConfig(mapped, handlers, scenario),
                seconds,
                seconds > 0 ? total.completed() / seconds : 0.0,
                total.submitted() / scheduleSeconds,
                total,
                runCounts(last),
                latencies(sampler, all),
                types,
                tiers(scenario, sampler, measured),
                sumByReason(last, false),
                sumByReason(last, true),
                generator,
                sampler.timeline(),
                warnings(sampler, mapped, generator, report, complete, problems),
                violations(last, driver, n),
                shutdown(report),
                null,
                null,
                null);
    }

    private static MeasuredCounts measured(
            TypeSnapshot end, TypeSnapshot begin, long completed, EngineSnapshot boundary) {
        if (boundary == null) {
            return MeasuredCounts.of(0, 0, 0, 0, 0, 0, 0);
        }
        return MeasuredCounts.of(
                end.counts().submitted() - begin.counts().submitted(),
                completed,
                end.counts().deadLettered() - begin.counts().deadLettered(),
                end.counts().rejected() - begin.counts().rejected(),
                end.counts().evicted() - begin.counts().evicted(),
                end.retries() - begin.retries(),
                end.failedAttempts() - begin.failedAttempts());
    }

    private static RunCounts runCounts(TypeSnapshot t) {
        var c = t.counts();
        return new RunCounts(
                c.submitted(),
                c.completed(),
                c.deadLettered(),
                c.rejected(),
                c.evicted(),
                c.inFlight(),
                t.retries(),
                t.failedAttempts());
    }

    private static RunCounts runCounts(EngineSnapshot s) {
        long retries = 0;
        long failed = 0;
        for (TypeSnapshot t : s.types()) {
            retries += t.retries();
            failed += t.failedAttempts();
        }
        var c = s.total();
        return new RunCounts(
                c.submitted(),
                c.completed(),
                c.deadLettered(),
                c.rejected(),
                c.evicted(),
                c.inFlight(),
                retries,
                failed);
    }

    /** The measured latencies of the given event types together. */
    private static LatencySet latencies(Sampler sampler, List<Integer> types) {
        Histogram[] sum = new Histogram[Sampler.KINDS];
        for (int k = 0; k < Sampler.KINDS; k++) {
            sum[k] = new Histogram(3);
            for (int t : types) {
                sum[k].add(sampler.measured(t, k));
            }
        }
        return new LatencySet(
                LatencySummary.of(sum[Sampler.END_TO_END]),
                LatencySummary.of(sum[Sampler.UNCORRECTED]),
                LatencySummary.of(sum[Sampler.QUEUE_DELAY]),
                LatencySummary.of(sum[Sampler.SERVICE]));
    }

    private static List<TierResult> tiers(Scenario scenario, Sampler sampler, MeasuredCounts[] measured) {
        List<TierResult> tiers = new ArrayList<>();
        for (String tier : scenario.engine().tiers()) {
            List<Integer> members = new ArrayList<>();
            List<String> names = new ArrayList<>();
            MeasuredCounts counts = MeasuredCounts.of(0, 0, 0, 0, 0, 0, 0);
            for (int t = 0; t < scenario.events().size(); t++) {
                if (scenario.events().get(t).tier().equals(tier)) {
                    members.add(t);
                    names.add(scenario.events().get(t).name());
                    counts = counts.plus(measured[t]);
                }
            }
            if (!members.isEmpty()) {
                tiers.add(new TierResult(tier, names, counts, latencies(sampler, members)));
            }
        }
        return tiers;
    }

    private static <E extends Enum<E>> Map<String, Long> labelled(
            Map<E, Long> counts, java.util.function.Function<E, String> label) {
        Map<String, Long> out = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.put(label.apply(e.getKey()), e.getValue()));
        return out;
    }

    private static Map<String, Long> sumByReason(EngineSnapshot s, boolean rejected) {
        Map<String, Long> out = new LinkedHashMap<>();
        if (rejected) {
            for (RejectReason r : RejectReason.values()) {
                out.put(
                        r.label(),
                        s.types().stream()
                                .mapToLong(t -> t.rejectedBy().getOrDefault(r, 0L))
                                .sum());
            }
        } else {
            for (DeadLetterReason r : DeadLetterReason.values()) {
                out.put(
                        r.label(),
                        s.types().stream()
                                .mapToLong(t -> t.deadLetteredBy().getOrDefault(r, 0L))
                                .sum());
            }
        }
        return out;
    }

    private static List<String> warnings(
            Sampler sampler,
            MappedStrategy mapped,
            GeneratorStats generator,
            ShutdownReport report,
            boolean complete,
            List<String> problems) {
        List<String> warnings = new ArrayList<>(problems);
        warnings.addAll(sampler.problems());
        if (!complete) {
            warnings.add("interrupted: the schedule was not run to its end");
        }
        warnings.addAll(generator.warnings());
        for (String note : mapped.notes()) {
            warnings.add("engine: " + note);
        }
        if (report.leftInFlight() > 0) {
            warnings.add(String.format(
                    Locale.ROOT,
                    "%d events were still in flight when the drain stopped after %s (queued %d, waiting for a retry"
                            + " %d, abandoned %d)",
                    report.leftInFlight(),
                    Durations.format(report.took().toNanos()),
                    report.leftQueued(),
                    report.leftWaitingRetry(),
                    report.leftAbandoned()));
        }
        if (report.stuckWorkers() > 0) {
            warnings.add(report.stuckWorkers() + " workers did not stop: a handler never returned");
        }
        return warnings;
    }

    /** The engine's own accounting checks, plus: what the generator submitted is what the engine counted. */
    private static List<String> violations(EngineSnapshot last, LoadDriver driver, int types) {
        List<String> violations = new ArrayList<>(last.invariantViolations());
        for (int t = 0; t < types; t++) {
            TypeSnapshot type = last.types().get(t);
            if (driver.offered(t) != type.counts().submitted()) {
                violations.add("type " + type.name() + ": the generator submitted " + driver.offered(t)
                        + " events but the engine counted " + type.counts().submitted());
            }
        }
        return violations;
    }

    private static ShutdownResult shutdown(ShutdownReport r) {
        return new ShutdownResult(
                r.drained(),
                r.took().toNanos() / 1e9,
                r.leftInFlight(),
                r.leftQueued(),
                r.leftWaitingRetry(),
                r.leftAbandoned(),
                r.stuckWorkers());
    }

    private static EngineConfigResult engineConfig(
            MappedStrategy mapped, List<EventHandler<?>> handlers, Scenario scenario) {
        EngineConfig c = mapped.config();
        Map<String, Integer> weights = new LinkedHashMap<>();
        if (c.scheduling() instanceof TierScheduling.Weighted w) {
            int[] values = w.weights();
            for (int i = 0; i < values.length; i++) {
                weights.put(c.tiers().get(i), values[i]);
            }
        }
        boolean single = c.topology() == io.veltrix.engine.Topology.SINGLE;
        List<EngineConfigResult.TypeConfig> types = new ArrayList<>();
        for (int t = 0; t < c.eventTypes().size(); t++) {
            EventTypeConfig type = c.eventTypes().get(t);
            EventHandler<?> handler = handlers.get(t);
            String handlerName = handler instanceof SyntheticHandler
                    ? "synthetic " + scenario.events().get(t).serviceKind().token()
                    : scenario.events()
                            .get(t)
                            .handler()
                            .orElse(handler.getClass().getName());
            types.add(new EngineConfigResult.TypeConfig(
                    type.name(),
                    type.tier(),
                    String.valueOf(single || type.sizing() == null ? c.defaultSizing() : type.sizing()),
                    label(single || type.overflow() == null ? c.defaultOverflow() : type.overflow()),
                    String.valueOf(type.retry() == null ? c.defaultRetry() : type.retry()),
                    type.circuitBreaker() == null ? null : type.circuitBreaker().toString(),
                    handlerName));
        }
        return new EngineConfigResult(
                c.toString(),
                c.topology().name().toLowerCase(Locale.ROOT),
                c.tiers(),
                c.scheduling() instanceof TierScheduling.Weighted ? "weighted" : "strict",
                weights,
                c.workers(),
                c.batchSize(),
                scenario.engine().idle().token(),
                Quantities.formatDuration(c.blockTimeout()),
                c.defaultSizing().toString(),
                label(c.defaultOverflow()),
                c.defaultRetry().toString(),
                types,
                mapped.notes());
    }

    private static String label(io.veltrix.engine.OverflowPolicy policy) {
        return policy.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
