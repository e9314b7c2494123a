package io.veltrix.reports.slo;

import io.veltrix.scenarios.model.Slo;
import io.veltrix.scenarios.results.LatencySummary;
import io.veltrix.scenarios.results.MeasuredCounts;
import io.veltrix.scenarios.results.StrategyResult;
import io.veltrix.scenarios.results.TierResult;
import io.veltrix.scenarios.results.TypeResult;
import java.util.List;

/**
 * The part of one strategy's results an SLO looks at: every event type, one type ({@code type=}), or one tier's
 * types together ({@code tier=}).
 *
 * @param label {@code all events}, {@code type payment} or {@code tier critical}
 * @param types the event types in scope, or null for all of them
 * @param counts the measured part's counts of the scope
 * @param endToEnd the measured part's end-to-end latencies of the scope (ns)
 * @param throughput the scope's completed events per measured second
 */
record Scope(String label, List<String> types, MeasuredCounts counts, LatencySummary endToEnd, double throughput) {

    /** The label of {@code slo}'s scope, whatever the results. */
    static String labelOf(Slo slo) {
        if (slo.eventType().isPresent()) {
            return "type " + slo.eventType().get();
        }
        if (slo.tier().isPresent()) {
            return "tier " + slo.tier().get();
        }
        return "all events";
    }

    /** The scope of {@code slo} within {@code strategy}'s results, or null when they have no such type or tier. */
    static Scope of(Slo slo, StrategyResult strategy) {
        String label = labelOf(slo);
        if (slo.eventType().isPresent()) {
            for (TypeResult type : strategy.types()) {
                if (type.name().equals(slo.eventType().get())) {
                    return new Scope(
                            label,
                            List.of(type.name()),
                            type.measured(),
                            type.latency().endToEnd(),
                            perSecond(type.measured().completed(), strategy));
                }
            }
            return null;
        }
        if (slo.tier().isPresent()) {
            for (TierResult tier : strategy.tiers()) {
                if (tier.name().equals(slo.tier().get())) {
                    return new Scope(
                            label,
                            List.copyOf(tier.eventTypes()),
                            tier.measured(),
                            tier.latency().endToEnd(),
                            perSecond(tier.measured().completed(), strategy));
                }
            }
            return null;
        }
        return new Scope(label, null, strategy.measured(), strategy.latency().endToEnd(), strategy.throughput());
    }

    /** Whether the scope is every event type. */
    boolean all() {
        return types == null;
    }

    private static double perSecond(long completed, StrategyResult strategy) {
        return strategy.measuredSeconds() > 0 ? completed / strategy.measuredSeconds() : 0.0;
    }
}
