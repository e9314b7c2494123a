package io.veltrix.engine;

import java.time.Duration;

/**
 * A circuit breaker around one event type's handler. Closed: attempts run, and outcomes are counted over a
 * tumbling window; when at least {@code minimumAttempts} attempts ended in the window and the failure ratio
 * reaches {@code failureRatio}, it opens. Open: attempts fail fast (counted as failures, not run) for {@code
 * openFor}, then it goes half-open. Half-open: {@code halfOpenProbes} attempts run; if all succeed it closes,
 * the first failure opens it again.
 *
 * @param failureRatio from 0.0 (exclusive) to 1.0
 * @param window the tumbling window's length, positive
 * @param minimumAttempts attempts needed in a window before it can open, from 1
 * @param openFor how long it stays open, positive
 * @param halfOpenProbes trial attempts while half-open, from 1
 */
public record CircuitBreakerConfig(
        double failureRatio, Duration window, int minimumAttempts, Duration openFor, int halfOpenProbes) {
    public CircuitBreakerConfig {
        if (!(failureRatio > 0.0 && failureRatio <= 1.0)) {
            throw new IllegalArgumentException("failureRatio must be in (0.0, 1.0], was " + failureRatio);
        }
        Checks.positive("window", window);
        Checks.range("minimumAttempts", minimumAttempts, 1, Integer.MAX_VALUE);
        Checks.positive("openFor", openFor);
        Checks.range("halfOpenProbes", halfOpenProbes, 1, Integer.MAX_VALUE);
    }

    @Override
    public String toString() {
        return "circuit-breaker(ratio=" + failureRatio + ", window=" + window.toMillis() + "ms, min=" + minimumAttempts
                + ", open-for=" + openFor.toMillis() + "ms, probes=" + halfOpenProbes + ")";
    }
}
