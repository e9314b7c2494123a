package io.veltrix.scenarios.results;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The one-line answer of a bench: which strategy won and by how much, against the strategy that did worst, such as
 * {@code tiered: 3.2x the throughput of naive, p99 14.1x lower, loss 0.00% vs 12.30%}.
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
        long bestP99 = best.latency().endToEnd().p99();
        long worstP99 = worst.latency().endToEnd().p99();
        if (bestP99 > 0 && worstP99 > 0) {
            if (worstP99 >= bestP99) {
                parts.add(String.format(Locale.ROOT, "p99 %.1fx lower", (double) worstP99 / bestP99));
            } else {
                parts.add(String.format(Locale.ROOT, "p99 %.1fx higher", (double) bestP99 / worstP99));
            }
        }
        if (best.measured().lost() != worst.measured().lost()) {
            parts.add(String.format(
                    Locale.ROOT,
                    "loss %.2f%% vs %.2f%%",
                    best.measured().lossPercent(),
                    worst.measured().lossPercent()));
        }
        return best.name() + ": " + String.join(", ", parts);
    }
}
