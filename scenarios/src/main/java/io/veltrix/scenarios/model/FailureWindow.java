package io.veltrix.scenarios.model;

import java.time.Duration;
import java.util.Objects;

/**
 * A period with its own failure rate, such as a downstream outage.
 *
 * @param from start of the window, from the start of the run (warm-up included), inclusive
 * @param to end of the window, exclusive, after {@code from}
 * @param rate the fraction of attempts in the window that fail, in [0, 1]
 * @param kind how those failures behave
 */
public record FailureWindow(Duration from, Duration to, double rate, FailureKind kind) {
    public FailureWindow {
        Checks.notNegative(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.compareTo(from) <= 0) {
            throw new IllegalArgumentException("to must be after from, was " + to + " <= " + from);
        }
        Checks.fraction(rate, "rate");
        Objects.requireNonNull(kind, "kind");
    }
}
