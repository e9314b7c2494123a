package io.veltrix.engine;

import java.util.Arrays;

/** How workers choose between tiers. */
public sealed interface TierScheduling permits TierScheduling.Strict, TierScheduling.Weighted {

    /** Always serve the highest non-empty tier first. Lower tiers can starve under sustained load, by design. */
    static Strict strict() {
        return new Strict();
    }

    /**
     * Deficit round robin over tiers: in each round, tier {@code i} may take up to {@code weights[i]} batches'
     * worth of events. Every tier with a positive weight is served in every round, so none can starve.
     *
     * @param weights one positive weight per tier, highest priority first
     */
    static Weighted weighted(int... weights) {
        return new Weighted(weights);
    }

    /** Strict priority. */
    record Strict() implements TierScheduling {
        @Override
        public String toString() {
            return "strict";
        }
    }

    /** Weighted (deficit round robin) across tiers. */
    record Weighted(int[] weights) implements TierScheduling {
        public Weighted {
            Checks.notNull("weights", weights);
            if (weights.length == 0) {
                throw new IllegalArgumentException("weights must name at least one tier's weight");
            }
            for (int i = 0; i < weights.length; i++) {
                Checks.range("weights[" + i + "]", weights[i], 1, 1_000_000);
            }
            weights = weights.clone();
        }

        @Override
        public int[] weights() {
            return weights.clone();
        }

        int weight(int tier) {
            return weights[tier];
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Weighted w && Arrays.equals(weights, w.weights);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(weights);
        }

        @Override
        public String toString() {
            return "weighted" + Arrays.toString(weights);
        }
    }
}
