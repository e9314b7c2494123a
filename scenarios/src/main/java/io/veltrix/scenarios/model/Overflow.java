package io.veltrix.scenarios.model;

import java.time.Duration;
import java.util.Objects;

/**
 * An overflow policy with its parameter.
 *
 * @param policy what happens at a full queue
 * @param blockTimeout how long a submitter waits for room under {@link OverflowPolicy#BLOCK}; zero otherwise
 */
public record Overflow(OverflowPolicy policy, Duration blockTimeout) {
    public Overflow {
        Objects.requireNonNull(policy, "policy");
        Checks.notNegative(blockTimeout, "blockTimeout");
        if (policy == OverflowPolicy.BLOCK && blockTimeout.isZero()) {
            throw new IllegalArgumentException("blockTimeout must be positive under BLOCK");
        }
        if (policy != OverflowPolicy.BLOCK && !blockTimeout.isZero()) {
            throw new IllegalArgumentException("blockTimeout applies only to BLOCK, policy was " + policy);
        }
    }

    /** A policy without parameter (anything but BLOCK). */
    public static Overflow of(OverflowPolicy policy) {
        return new Overflow(policy, Duration.ZERO);
    }
}
