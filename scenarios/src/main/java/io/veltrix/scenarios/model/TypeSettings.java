package io.veltrix.scenarios.model;

import java.util.Objects;

/** The queue and retry settings that apply to one event type under a strategy. */
public record TypeSettings(Sizing sizing, Overflow overflow, RetryPolicy retry) {
    public TypeSettings {
        Objects.requireNonNull(sizing, "sizing");
        Objects.requireNonNull(overflow, "overflow");
        Objects.requireNonNull(retry, "retry");
    }
}
