package io.veltrix.scenarios.model;

import java.util.Locale;

/** How queues are laid out. */
public enum Topology {
    /** One queue for every event, first in first out. */
    SINGLE,
    /** One queue per tier, served by priority. */
    TIERED;

    /** The spelling in scenario files. */
    public String token() {
        return name().toLowerCase(Locale.ROOT);
    }
}
