package io.veltrix.scenarios.model;

import java.time.Duration;

/**
 * Stops retrying (and fails fast) while too many recent attempts fail.
 *
 * @param failureRatio the fraction of failed attempts within {@code window} that opens the breaker, in (0, 1]
 * @param window how far back attempts are counted, positive
 * @param openFor how long the breaker stays open before probing, positive
 * @param halfOpenProbes how many trial attempts a half-open breaker lets through, at least 1
 */
public record CircuitBreaker(double failureRatio, Duration window, Duration openFor, int halfOpenProbes) {
    public CircuitBreaker {
        if (!(failureRatio > 0.0 && failureRatio <= 1.0)) {
            throw new IllegalArgumentException("failureRatio must be in (0, 1], was " + failureRatio);
        }
        Checks.positive(window, "window");
        Checks.positive(openFor, "openFor");
        Checks.atLeast(halfOpenProbes, 1, "halfOpenProbes");
    }
}
