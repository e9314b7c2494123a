package io.veltrix.scenarios.model;

import java.util.List;
import java.util.Objects;

/**
 * Which attempts of an event type fail.
 *
 * @param rate the fraction of attempts that fail outside any window, in [0, 1]
 * @param kind how those failures behave
 * @param windows time windows with their own rate and kind (an outage, say); the first window that contains an
 *     attempt's time decides for it
 */
public record FailureSpec(double rate, FailureKind kind, List<FailureWindow> windows) {

    /** No failures at all. */
    public static final FailureSpec NONE = new FailureSpec(0.0, FailureKind.TRANSIENT, List.of());

    public FailureSpec {
        Checks.fraction(rate, "rate");
        Objects.requireNonNull(kind, "kind");
        windows = List.copyOf(windows);
    }

    /** Whether no attempt can ever fail. */
    public boolean isNone() {
        return rate == 0.0 && windows.stream().allMatch(w -> w.rate() == 0.0);
    }
}
