package io.veltrix.engine;

/** Serves the highest non-empty tier, one batch at a time, looking from the top again after every batch. */
final class StrictTierScheduler extends TierScheduler {
    StrictTierScheduler(EventQueue[][] tiers, int batch, int workerIndex) {
        super(tiers, batch, workerIndex);
    }

    @Override
    int doWork(Worker worker) {
        for (int t = 0; t < tiers.length; t++) {
            int done = drainTier(worker, t, batch);
            if (done > 0) {
                return done;
            }
        }
        return 0;
    }
}
