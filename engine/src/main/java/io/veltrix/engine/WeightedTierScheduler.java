package io.veltrix.engine;

/**
 * Deficit round robin over tiers (Shreedhar and Varghese, 1995): each visit gives a tier a quantum of {@code
 * weight * batch} events; what it does not use is forfeited when it is empty. Backlogged tiers share the worker in
 * proportion to their weights, and no tier with a positive weight waits more than one round.
 */
final class WeightedTierScheduler extends TierScheduler {
    private final long[] quantum;
    private final long[] deficit;
    private int current;

    WeightedTierScheduler(EventQueue[][] tiers, int batch, int workerIndex, TierScheduling.Weighted weighted) {
        super(tiers, batch, workerIndex);
        quantum = new long[tiers.length];
        deficit = new long[tiers.length];
        for (int t = 0; t < tiers.length; t++) {
            quantum[t] = (long) weighted.weight(t) * batch;
        }
    }

    @Override
    int doWork(Worker worker) {
        for (int scanned = 0; scanned <= tiers.length; scanned++) {
            int t = current;
            if (deficit[t] <= 0) {
                deficit[t] += quantum[t];
            }
            int done = drainTier(worker, t, (int) Math.min(batch, deficit[t]));
            if (done > 0) {
                deficit[t] -= done;
                if (deficit[t] <= 0) {
                    advance();
                }
                return done;
            }
            deficit[t] = 0;
            advance();
        }
        return 0;
    }

    private void advance() {
        current = current + 1 == tiers.length ? 0 : current + 1;
    }
}
