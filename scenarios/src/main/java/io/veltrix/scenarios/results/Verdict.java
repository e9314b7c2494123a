package io.veltrix.scenarios.results;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The one-line answer of a bench: which strategy won and by how much, against the strategy that did worst, such as
 * {@code tiered: 3.2x the throughput of naive, p99 14.1x lower, loss 0.00% vs 12.30%}. When the events use more than
 * one tier, the highest tier is compared too, since protecting it is what tiers are for: {@code ...; critical tier:
 * p99 40.2x lower, loss 0.00% vs 25.58%}.
 *
 * <p>The ranking puts the strategy that lost the smallest share of its events first (losses within 0.1 percentage
 * point count as equal), then the one with the lowest end-to-end p99.
 */
public final class Verdict {
    private Verdict() {}

    /** Strategies from best to worst. */
    public static final Comparator<StrategyResult> RANKING = Comparator.comparingLong(
                    (StrategyResult s) -> Math.round(s.measured().lossPercent() * 10))
            .thenComparingLong(s -> s.latency().endToEnd().p99());

    /** The verdict, or null with fewer than two strategies. */
    public static String of(BenchResults results) {
        if (results.strategies().size() < 2) {
            return null;
        }
        List<StrategyResult> ranked = new ArrayList<>(results.strategies());
        ranked.sort(RANKING);
        StrategyResult best = ranked.get(0);
        StrategyResult worst = ranked.get(ranked.size() - 1);
        List<String> parts = new ArrayList<>();
        if (worst.throughput() > 0) {
            parts.add(String.format(
                    Locale.ROOT, "%.1fx the throughput of %s", best.throughput() / worst.throughput(), worst.name()));
        } else {
            parts.add(String.format(Locale.ROOT, "%.0f/s against %s's 0/s", best.throughput(), worst.name()));
        }
        compare(best.latency(), best.measured(), worst.latency(), worst.measured(), parts);
        String verdict = best.name() + ": " + String.join(", ", parts);
        TierResult bestTop = topTier(best);
        TierResult worstTop = topTier(worst);
        if (bestTop != null && worstTop != null && bestTop.name().equals(worstTop.name())) {
            List<String> tier = new ArrayList<>();
            compare(bestTop.latency(), bestTop.measured(), worstTop.latency(), worstTop.measured(), tier);
            if (!tier.isEmpty()) {
                verdict += "; " + bestTop.name() + " tier: " + String.join(", ", tier);
            }
        }
        return verdict;
    }

    /** The p99 ratio and the losses of two sets of events. */
    private static void compare(
            LatencySet best,
            MeasuredCounts bestCounts,
            LatencySet worst,
            MeasuredCounts worstCounts,
            List<String> into) {
        long bestP99 = best.endToEnd().p99();
        long worstP99 = worst.endToEnd().p99();
        if (bestP99 > 0 && worstP99 > 0) {
            if (worstP99 >= bestP99) {
                into.add(String.format(Locale.ROOT, "p99 %.1fx lower", (double) worstP99 / bestP99));
            } else {
                into.add(String.format(Locale.ROOT, "p99 %.1fx higher", (double) bestP99 / worstP99));
            }
        }
        if (bestCounts.lost() != worstCounts.lost()) {
            into.add(String.format(
                    Locale.ROOT, "loss %.2f%% vs %.2f%%", bestCounts.lossPercent(), worstCounts.lossPercent()));
        }
    }

    /** The highest tier that has events, when the events use more than one tier; else null. */
    private static TierResult topTier(StrategyResult s) {
        List<TierResult> used = new ArrayList<>();
        for (TierResult t : s.tiers()) {
            if (t.measured().submitted() > 0) {
                used.add(t);
            }
        }
        return used.size() > 1 ? used.get(0) : null;
    }
}
