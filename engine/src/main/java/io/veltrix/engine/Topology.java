package io.veltrix.engine;

/** How event types map to queues. */
public enum Topology {
    /** One shared queue for every event type: the naive design. Sizing and overflow come from the engine defaults. */
    SINGLE,
    /** One queue per event type, grouped by tier: the hierarchical design. */
    TIERED
}
