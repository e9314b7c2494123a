package io.veltrix.scenarios.model;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A service-level objective such as {@code p99 < 50ms over 10s strategy=tiered type=payment}, parsed. Evaluating
 * it against results is the reports module's job. At most one of {@code eventType} and {@code tier} is present.
 *
 * @param expression the text as written
 * @param metric what is measured
 * @param comparison how the measured value must compare with the threshold
 * @param threshold the threshold in {@code unit}
 * @param unit the canonical unit of {@code threshold} (for example nanoseconds for {@code 50ms})
 * @param window if present, the SLO must hold in every window of this length, not only over the whole run
 * @param strategy if present, the SLO applies to this strategy only
 * @param eventType if present, the SLO applies to events of this type only
 * @param tier if present, the SLO applies to the events of this tier's types together
 */
public record Slo(
        String expression,
        SloMetric metric,
        Comparison comparison,
        double threshold,
        SloUnit unit,
        Optional<Duration> window,
        Optional<String> strategy,
        Optional<String> eventType,
        Optional<String> tier) {

    public Slo {
        Objects.requireNonNull(expression, "expression");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(comparison, "comparison");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(tier, "tier");
        if (eventType.isPresent() && tier.isPresent()) {
            throw new IllegalArgumentException("an SLO applies to an event type or to a tier, not both");
        }
        if (!metric.dimension().units().contains(unit)) {
            throw new IllegalArgumentException(metric.token() + " cannot be measured in " + unit);
        }
        if (!(threshold >= 0.0) || Double.isInfinite(threshold)) {
            throw new IllegalArgumentException("threshold must be finite and >= 0, was " + threshold);
        }
        window.ifPresent(w -> Checks.positive(w, "window"));
    }

    /** An SLO for all tiers, or for one event type. */
    public Slo(
            String expression,
            SloMetric metric,
            Comparison comparison,
            double threshold,
            SloUnit unit,
            Optional<Duration> window,
            Optional<String> strategy,
            Optional<String> eventType) {
        this(expression, metric, comparison, threshold, unit, window, strategy, eventType, Optional.empty());
    }
}
