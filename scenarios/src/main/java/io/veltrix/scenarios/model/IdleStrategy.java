package io.veltrix.scenarios.model;

import java.util.Locale;

/** What a worker does when it finds no work. */
public enum IdleStrategy {
    /** Busy-spins: lowest hand-off latency, burns a core. */
    SPIN,
    /** Yields the CPU to other threads. */
    YIELD,
    /** Parks the thread briefly. */
    PARK,
    /** Spins, then yields, then parks, the longer it stays idle. */
    BACKOFF;

    /** The spelling in scenario files. */
    public String token() {
        return name().toLowerCase(Locale.ROOT);
    }
}
