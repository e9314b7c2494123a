package io.veltrix.scenarios.load;

/**
 * A small, fast pseudo-random generator (Steele, Lea and Flood's SplitMix64): one long of state, a Weyl
 * sequence scrambled by {@link Seeds#mix64}. Not thread-safe; one instance per stream. Allocation free.
 */
final class SplitMix64 {
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private long state;

    SplitMix64(long seed) {
        this.state = seed;
    }

    long nextLong() {
        state += GOLDEN_GAMMA;
        return Seeds.mix64(state);
    }

    /** Uniform in [0, 1), 53 random bits. */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Exponential with mean 1. */
    double nextExponential() {
        return -Math.log1p(-nextDouble());
    }
}
