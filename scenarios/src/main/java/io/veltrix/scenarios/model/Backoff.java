package io.veltrix.scenarios.model;

import java.time.Duration;
import java.util.Objects;

/** How long to wait before retrying a failed attempt. */
public sealed interface Backoff {

    /** Never retry. */
    record None() implements Backoff {}

    /** The same {@code delay} before every retry (zero retries at once). */
    record Fixed(Duration delay) implements Backoff {
        public Fixed {
            Checks.notNegative(delay, "delay");
        }
    }

    /**
     * {@code base * multiplier^(retry - 1)}, at most {@code cap}, randomised by {@code jitter}.
     *
     * @param base the first retry's delay, positive
     * @param multiplier growth per retry, at least 1
     * @param cap the longest delay, at least {@code base}
     */
    record Exponential(Duration base, double multiplier, Duration cap, Jitter jitter) implements Backoff {
        public Exponential {
            Checks.positive(base, "base");
            if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
                throw new IllegalArgumentException("multiplier must be finite and >= 1, was " + multiplier);
            }
            Objects.requireNonNull(cap, "cap");
            if (cap.compareTo(base) < 0) {
                throw new IllegalArgumentException("cap must be >= base, was " + cap + " < " + base);
            }
            Objects.requireNonNull(jitter, "jitter");
        }
    }
}
