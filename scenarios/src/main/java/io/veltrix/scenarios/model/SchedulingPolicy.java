package io.veltrix.scenarios.model;

import java.util.Locale;

/** How workers choose the next tier to serve. */
public enum SchedulingPolicy {
    /** Always the highest-priority tier that has work. */
    STRICT,
    /** Tiers in proportion to their weights, so low tiers are never starved. */
    WEIGHTED;

    /** The spelling in scenario files. */
    public String token() {
        return name().toLowerCase(Locale.ROOT);
    }
}
