package io.veltrix.scenarios.model;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A service-level objective such as {@code p99 < 50ms over 10s strategy=tiered type=payment}, parsed. Evaluating
 * it against results is the reports module's job.
 *
 * @param expression the text as written
 * @param metric what is measured
 * @param comparison how the measured value must compare with the threshold
 * @param threshold the threshold in {@code unit}
 * @param unit the canonical unit of {@code threshold} (for example nanoseconds for {@code 50ms})
 * @param window if present, the SLO must hold in every window of this length, not only over the whole run
 * @param strategy if present, the SLO applies to this strategy only
 * @param eventType if present, the SLO applies to events of this type only
 */
public record Slo(
        String expression,
        SloMetric metric,
        Comparison comparison,
        double threshold,
        SloUnit unit,
        Optional<Duration> window,
        Optional<String> strategy,
        Optional<String> eventType) {

    public Slo {
        Objects.requireNonNull(expression, "expression");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(comparison, "comparison");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(eventType, "eventType");
        if (!metric.dimension().units().contains(unit)) {
            throw new IllegalArgumentException(metric.token() + " cannot be measured in " + unit);
        }
        if (!(threshold >= 0.0) || Double.isInfinite(threshold)) {
            throw new IllegalArgumentException("threshold must be finite and >= 0, was " + threshold);
        }
        window.ifPresent(w -> Checks.positive(w, "window"));
    }
}
