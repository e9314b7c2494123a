package io.veltrix.engine;

import java.util.Objects;

/**
 * The configuration of one event type: its tier, its handler, and (for {@link Topology#TIERED}) its own queue's
 * sizing, overflow policy and retry policy. Unset fields take the engine's defaults.
 *
 * @param name the unique type name
 * @param tier the tier name; must be one of the engine's tiers
 * @param handler what processes the type's events
 * @param sizing the queue sizing, or {@code null} for the engine default
 * @param overflow the overflow policy, or {@code null} for the engine default
 * @param retry the retry policy, or {@code null} for the engine default
 * @param circuitBreaker a circuit breaker for this type's handler, or {@code null} for none
 */
public record EventTypeConfig(
        String name,
        String tier,
        EventHandler<?> handler,
        QueueSizing sizing,
        OverflowPolicy overflow,
        RetryPolicy retry,
        CircuitBreakerConfig circuitBreaker) {

    public EventTypeConfig {
        Checks.notNull("name", name);
        if (name.isBlank()) {
            throw new IllegalArgumentException("event type name must not be blank");
        }
        Checks.notNull("tier of event type '" + name + "'", tier);
        Checks.notNull("handler of event type '" + name + "'", handler);
    }

    /** A type in {@code tier} handled by {@code handler}, with every other setting from the engine defaults. */
    public static EventTypeConfig of(String name, String tier, EventHandler<?> handler) {
        return new EventTypeConfig(name, tier, handler, null, null, null, null);
    }

    /** A copy with its own queue sizing. */
    public EventTypeConfig withSizing(QueueSizing sizing) {
        return new EventTypeConfig(name, tier, handler, sizing, overflow, retry, circuitBreaker);
    }

    /** A copy with its own overflow policy. */
    public EventTypeConfig withOverflow(OverflowPolicy overflow) {
        return new EventTypeConfig(name, tier, handler, sizing, overflow, retry, circuitBreaker);
    }

    /** A copy with its own retry policy. */
    public EventTypeConfig withRetry(RetryPolicy retry) {
        return new EventTypeConfig(name, tier, handler, sizing, overflow, retry, circuitBreaker);
    }

    /** A copy with a circuit breaker. */
    public EventTypeConfig withCircuitBreaker(CircuitBreakerConfig circuitBreaker) {
        return new EventTypeConfig(name, tier, handler, sizing, overflow, retry, circuitBreaker);
    }

    @Override
    public String toString() {
        return name + "@" + tier + (sizing == null ? "" : " " + sizing)
                + (overflow == null ? "" : " " + overflow.name().toLowerCase().replace('_', '-'))
                + (retry == null ? "" : " " + retry)
                + (circuitBreaker == null ? "" : " " + circuitBreaker)
                + " handler=" + Objects.toString(handler.getClass().getName());
    }
}
