package io.veltrix.engine;

/**
 * The accounting of one event type, one queue, or the whole engine. Every submitted event is in exactly one of
 * the other five: {@code submitted = completed + deadLettered + rejected + evicted + inFlight}.
 *
 * @param submitted calls to submit
 * @param completed events whose handler succeeded
 * @param deadLettered events given up on after failures (see {@link DeadLetterReason})
 * @param rejected events not admitted (see {@link RejectReason}), first attempts and retries
 * @param evicted events removed from a queue to admit another
 * @param inFlight events still owned by the engine: queued, being handled, or waiting for a retry
 */
public record Counts(long submitted, long completed, long deadLettered, long rejected, long evicted, long inFlight) {
    static final Counts ZERO = new Counts(0, 0, 0, 0, 0, 0);

    /** Events that reached an end: completed, dead-lettered, rejected or evicted. */
    public long terminal() {
        return completed + deadLettered + rejected + evicted;
    }

    /** Events lost for any reason: dead-lettered, rejected or evicted. */
    public long lost() {
        return deadLettered + rejected + evicted;
    }

    Counts plus(Counts o) {
        return new Counts(
                submitted + o.submitted,
                completed + o.completed,
                deadLettered + o.deadLettered,
                rejected + o.rejected,
                evicted + o.evicted,
                inFlight + o.inFlight);
    }
}
