package io.veltrix.engine;

/**
 * The controller's memory of one dynamic queue between control ticks. Decisions, once per control interval:
 *
 * <ul>
 *   <li><b>shrink-delay</b>: the oldest event has waited longer than the target delay at two ticks in a row (it
 *       stayed above target for a whole interval, as CoDel asks before it acts): the capacity falls to what the
 *       queue drains within the target delay (Little's law: drain rate x target), at most halving per step;
 *   <li><b>grow</b>: the queue rejected or evicted events, or is 90% full, while the head's wait is under the
 *       target: the capacity doubles;
 *   <li><b>shrink-idle</b>: nothing was queued or taken for ten ticks: the capacity halves.
 * </ul>
 *
 * All moves stay within {@code [min, max]}.
 */
final class DynamicSizingState {
    static final int IDLE_TICKS = 10;

    final QueueSizing.Dynamic sizing;
    final long targetNanos;
    long lastTickNanos;
    long lastDequeued;
    long lastPressure;
    int ticksAboveTarget;
    int idleTicks;

    DynamicSizingState(QueueSizing.Dynamic sizing) {
        this.sizing = sizing;
        this.targetNanos = sizing.targetDelay().toNanos();
    }

    /**
     * One control decision.
     *
     * @param capacity the current capacity
     * @param depth events queued now
     * @param dequeued total events ever taken from the queue
     * @param pressure total events ever rejected or evicted for lack of room in this queue
     * @param headSojournNanos how long the oldest queued event has waited
     * @param now the time of this tick (ns)
     * @return the new capacity, and in {@link #lastReason} why (or the same capacity)
     */
    int decide(int capacity, long depth, long dequeued, long pressure, long headSojournNanos, long now) {
        long elapsed = lastTickNanos == 0 ? 0 : now - lastTickNanos;
        long drained = dequeued - lastDequeued;
        boolean pressed = pressure > lastPressure || depth >= capacity * 0.9;
        lastTickNanos = now;
        lastDequeued = dequeued;
        lastPressure = pressure;
        lastReason = null;

        ticksAboveTarget = headSojournNanos > targetNanos ? ticksAboveTarget + 1 : 0;
        idleTicks = depth == 0 && drained == 0 ? idleTicks + 1 : 0;

        if (ticksAboveTarget >= 2) {
            // Little's law: the queue that drains in the target delay holds rate x target events.
            long littles = elapsed > 0 ? (long) ((double) drained / elapsed * targetNanos) : 0;
            int next = clamp(Math.max(littles, capacity / 2));
            if (next < capacity) {
                lastReason = "shrink-delay";
                ticksAboveTarget = 0;
                return next;
            }
            return capacity;
        }
        if (pressed && headSojournNanos <= targetNanos) {
            int next = clamp((long) capacity * 2);
            if (next > capacity) {
                lastReason = "grow";
                return next;
            }
            return capacity;
        }
        if (idleTicks >= IDLE_TICKS) {
            idleTicks = 0;
            int next = clamp(capacity / 2);
            if (next < capacity) {
                lastReason = "shrink-idle";
                return next;
            }
        }
        return capacity;
    }

    /** Why the last {@link #decide} moved the capacity, or {@code null}. */
    String lastReason;

    private int clamp(long value) {
        return (int) Math.max(sizing.min(), Math.min(sizing.max(), value));
    }
}
