package io.veltrix.scenarios.model;

import java.util.Locale;

/** What happens to an event that arrives at a full queue. */
public enum OverflowPolicy {
    /** The new event is refused and counted as rejected. */
    REJECT,
    /** The oldest queued event is evicted to make room. */
    DROP_OLDEST,
    /** The submitter waits for room, up to a timeout, then the event is rejected. */
    BLOCK,
    /** A queued event of a lower tier is evicted to make room; needs the tiered topology. */
    SHED_LOWER_PRIORITY;

    /** The spelling in scenario files. */
    public String token() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
