package io.veltrix.scenarios.model;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * When and how failed attempts are retried.
 *
 * @param backoff the delay before each retry; {@link Backoff.None} means no retries
 * @param maxAttempts the most attempts per event, the first included (1 under {@link Backoff.None})
 * @param deadline if present, no retry starts later than this after the event's intended time
 * @param budget if present, retries may be at most this fraction of first attempts, in (0, 1]
 * @param circuitBreaker if present, the breaker in front of retries
 */
public record RetryPolicy(
        Backoff backoff,
        int maxAttempts,
        Optional<Duration> deadline,
        OptionalDouble budget,
        Optional<CircuitBreaker> circuitBreaker) {

    /** No retries. */
    public static final RetryPolicy NONE =
            new RetryPolicy(new Backoff.None(), 1, Optional.empty(), OptionalDouble.empty(), Optional.empty());

    public RetryPolicy {
        Objects.requireNonNull(backoff, "backoff");
        Checks.atLeast(maxAttempts, 1, "maxAttempts");
        if (backoff instanceof Backoff.None && maxAttempts != 1) {
            throw new IllegalArgumentException("maxAttempts must be 1 without retries, was " + maxAttempts);
        }
        Objects.requireNonNull(deadline, "deadline");
        deadline.ifPresent(d -> Checks.positive(d, "deadline"));
        Objects.requireNonNull(budget, "budget");
        if (budget.isPresent() && !(budget.getAsDouble() > 0.0 && budget.getAsDouble() <= 1.0)) {
            throw new IllegalArgumentException("budget must be in (0, 1], was " + budget.getAsDouble());
        }
        Objects.requireNonNull(circuitBreaker, "circuitBreaker");
    }

    /** Whether a failed attempt may ever be retried. */
    public boolean retries() {
        return !(backoff instanceof Backoff.None);
    }
}
