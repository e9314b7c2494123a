package io.veltrix.engine;

/** Picks which queues a worker drains next. One instance per worker: implementations keep per-worker state. */
abstract class TierScheduler {
    /** Queues by tier, highest priority first. */
    final EventQueue[][] tiers;

    final int batch;
    private final int[] cursor;

    TierScheduler(EventQueue[][] tiers, int batch, int workerIndex) {
        this.tiers = tiers;
        this.batch = batch;
        this.cursor = new int[tiers.length];
        for (int t = 0; t < tiers.length; t++) {
            // Workers start at different queues of a tier, so they do not all contend for the same one.
            cursor[t] = tiers[t].length == 0 ? 0 : workerIndex % tiers[t].length;
        }
    }

    static TierScheduler create(TierScheduling scheduling, EventQueue[][] tiers, int batch, int workerIndex) {
        if (scheduling instanceof TierScheduling.Weighted w) {
            return new WeightedTierScheduler(tiers, batch, workerIndex, w);
        }
        return new StrictTierScheduler(tiers, batch, workerIndex);
    }

    /** Drains at most one batch according to the policy; returns how many events were handled. */
    abstract int doWork(Worker worker);

    /** Round robin over the queues of one tier: handles up to {@code max} events from the first non-empty one. */
    final int drainTier(Worker worker, int tier, int max) {
        EventQueue[] queues = tiers[tier];
        int n = queues.length;
        for (int i = 0; i < n; i++) {
            int at = cursor[tier];
            cursor[tier] = at + 1 == n ? 0 : at + 1;
            int done = worker.drain(queues[at], max);
            if (done > 0) {
                return done;
            }
        }
        return 0;
    }
}
