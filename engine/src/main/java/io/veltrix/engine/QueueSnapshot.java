package io.veltrix.engine;

/**
 * One queue at the moment of a snapshot.
 *
 * @param name the event type's name under {@link Topology#TIERED}, {@code shared} under {@link Topology#SINGLE}
 * @param tier the tier's name (the first tier's for the shared queue)
 * @param sizing the sizing as configured
 * @param overflow the overflow policy
 * @param depth events queued or reserved
 * @param capacity the nominal capacity now (moved by the controller if dynamic)
 * @param limit what admission enforces now: capacity plus slots borrowed from lower tiers, minus slots lent
 * @param capacityChanges how often the capacity moved
 * @param counts the accounting of the types this queue holds
 */
public record QueueSnapshot(
        String name,
        String tier,
        String sizing,
        OverflowPolicy overflow,
        long depth,
        int capacity,
        long limit,
        long capacityChanges,
        Counts counts) {}
