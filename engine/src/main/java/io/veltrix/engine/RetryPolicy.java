package io.veltrix.engine;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * When and how often a failed event is tried again. Every policy has a maximum number of attempts (the first
 * attempt included), an optional deadline (give up once the event is older than it, measured from its
 * intended time) and an optional retry budget.
 */
public sealed interface RetryPolicy permits RetryPolicy.None, RetryPolicy.Fixed, RetryPolicy.Exponential {

    /** Never retry: the first failure is final. */
    static None none() {
        return new None();
    }

    /**
     * A constant delay between attempts.
     *
     * @param delay the delay, zero or more (zero: retry immediately, the naive policy)
     * @param maxAttempts total attempts, the first included, from 1
     */
    static Fixed fixed(Duration delay, int maxAttempts) {
        return new Fixed(delay, maxAttempts, null, null);
    }

    /**
     * Exponential back-off: the k-th retry waits {@code min(cap, base * multiplier^(k-1))}, spread by {@code
     * jitter}.
     *
     * @param base the first retry's delay, positive
     * @param multiplier growth per retry, from 1.0 to 100.0
     * @param cap the longest delay, at least {@code base}
     * @param jitter how delays are randomised
     * @param maxAttempts total attempts, the first included, from 1
     */
    static Exponential exponential(Duration base, double multiplier, Duration cap, Jitter jitter, int maxAttempts) {
        return new Exponential(base, multiplier, cap, jitter, maxAttempts, null, null);
    }

    /** Total attempts allowed, the first included. */
    int maxAttempts();

    /** Give up once an event is older than this (from its intended time); {@code null} for no deadline. */
    Duration deadline();

    /** The retry budget; {@code null} for none. */
    RetryBudget budget();

    /** This policy with a deadline. */
    RetryPolicy withDeadline(Duration deadline);

    /** This policy with a retry budget. */
    RetryPolicy withBudget(RetryBudget budget);

    /**
     * The delay before retry number {@code retry}.
     *
     * @param retry 1 for the first retry (the second attempt), 2 for the next, ...
     * @param previousDelayNanos the delay before the previous retry in nanoseconds, 0 before the first
     * @param random the source of jitter
     * @return the delay in nanoseconds, zero or more
     */
    long delayNanos(int retry, long previousDelayNanos, RandomGenerator random);

    /** No retries. */
    record None() implements RetryPolicy {
        @Override
        public int maxAttempts() {
            return 1;
        }

        @Override
        public Duration deadline() {
            return null;
        }

        @Override
        public RetryBudget budget() {
            return null;
        }

        @Override
        public RetryPolicy withDeadline(Duration deadline) {
            return this;
        }

        @Override
        public RetryPolicy withBudget(RetryBudget budget) {
            return this;
        }

        @Override
        public long delayNanos(int retry, long previousDelayNanos, RandomGenerator random) {
            return 0;
        }

        @Override
        public String toString() {
            return "retry none";
        }
    }

    /** A constant delay. */
    record Fixed(Duration delay, int maxAttempts, Duration deadline, RetryBudget budget) implements RetryPolicy {
        public Fixed {
            Checks.notNegative("delay", delay);
            Checks.range("maxAttempts", maxAttempts, 1, 1_000_000);
            if (deadline != null) {
                Checks.positive("deadline", deadline);
            }
        }

        @Override
        public RetryPolicy withDeadline(Duration deadline) {
            return new Fixed(delay, maxAttempts, deadline, budget);
        }

        @Override
        public RetryPolicy withBudget(RetryBudget budget) {
            return new Fixed(delay, maxAttempts, deadline, budget);
        }

        @Override
        public long delayNanos(int retry, long previousDelayNanos, RandomGenerator random) {
            return delay.toNanos();
        }

        @Override
        public String toString() {
            return "retry fixed(" + delay.toNanos() / 1000 + "us, max-attempts=" + maxAttempts + ")"
                    + RetryPolicies.suffix(deadline, budget);
        }
    }

    /** Exponential back-off with jitter. */
    record Exponential(
            Duration base,
            double multiplier,
            Duration cap,
            Jitter jitter,
            int maxAttempts,
            Duration deadline,
            RetryBudget budget)
            implements RetryPolicy {
        public Exponential {
            Checks.positive("base", base);
            Checks.range("multiplier", multiplier, 1.0, 100.0);
            Checks.positive("cap", cap);
            if (cap.compareTo(base) < 0) {
                throw new IllegalArgumentException("cap must be at least base (" + base + "), was " + cap);
            }
            Checks.notNull("jitter", jitter);
            Checks.range("maxAttempts", maxAttempts, 1, 1_000_000);
            if (deadline != null) {
                Checks.positive("deadline", deadline);
            }
        }

        @Override
        public RetryPolicy withDeadline(Duration deadline) {
            return new Exponential(base, multiplier, cap, jitter, maxAttempts, deadline, budget);
        }

        @Override
        public RetryPolicy withBudget(RetryBudget budget) {
            return new Exponential(base, multiplier, cap, jitter, maxAttempts, deadline, budget);
        }

        @Override
        public long delayNanos(int retry, long previousDelayNanos, RandomGenerator random) {
            long baseNanos = base.toNanos();
            long capNanos = cap.toNanos();
            // Formulas from "Exponential Backoff And Jitter" (AWS Architecture Blog, 2015).
            double exp = Math.min((double) capNanos, baseNanos * Math.pow(multiplier, retry - 1));
            long expNanos = (long) exp;
            switch (jitter) {
                case NONE:
                    return expNanos;
                case FULL:
                    return (long) (random.nextDouble() * exp);
                case EQUAL:
                    return expNanos / 2 + (long) (random.nextDouble() * (exp / 2));
                case DECORRELATED:
                    long previous = previousDelayNanos <= 0 ? baseNanos : previousDelayNanos;
                    double upper = Math.max((double) baseNanos, previous * 3.0);
                    return Math.min(capNanos, (long) (baseNanos + random.nextDouble() * (upper - baseNanos)));
                default:
                    throw new IllegalStateException("unknown jitter " + jitter);
            }
        }

        @Override
        public String toString() {
            return "retry exponential(base=" + base.toNanos() / 1000 + "us, x" + multiplier + ", cap="
                    + cap.toNanos() / 1000 + "us, jitter=" + jitter.name().toLowerCase() + ", max-attempts="
                    + maxAttempts + ")" + RetryPolicies.suffix(deadline, budget);
        }
    }
}
