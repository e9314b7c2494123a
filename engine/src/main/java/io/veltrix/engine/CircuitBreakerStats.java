package io.veltrix.engine;

/**
 * A circuit breaker's state and how often it changed.
 *
 * @param state closed, open or half-open
 * @param opened transitions to open
 * @param halfOpened transitions to half-open
 * @param closed transitions from half-open back to closed
 * @param shortCircuited attempts failed fast while open (or beyond the half-open probes)
 */
public record CircuitBreakerStats(String state, long opened, long halfOpened, long closed, long shortCircuited) {
    /** State changes of any kind. */
    public long transitions() {
        return opened + halfOpened + closed;
    }
}
