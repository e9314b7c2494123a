package io.veltrix.engine;

/**
 * The engine's mutable carrier for one event, recycled through {@link SlotPool}. Exactly one thread owns a slot
 * at a time (the submitter, then a worker, then the retry timer, ...); ownership passes through queues, whose
 * release/acquire semantics publish the plain fields.
 */
final class EventSlot implements Event<Object> {
    /**
     * Whether this is a worker's own reusable slot, into which it copies first attempts out of an
     * {@link EventRing}; such a slot never leaves its worker (a failed attempt is copied into a pooled slot).
     */
    final boolean flyweight;

    EventType type;
    Object payload;
    long tag;
    int attempt;
    long intendedNanos;
    long enqueueNanos;
    /**
     * Whether this event's latencies are measured (see {@link EngineConfig.Builder#latencySampling}); when not,
     * its times may be 0 and the worker reads no clock for it unless it fails.
     */
    boolean timed = true;
    /** When submit was called for the first attempt: the start of the uncorrected latency. */
    long submitNanos;

    long retryDueNanos;
    long previousDelayNanos;
    long firstFailureNanos;
    /** A Throwable or a constant String: kept as given, turned into text only if the event is dead-lettered. */
    Object firstFailure;
    /** As {@link #firstFailure}, for the latest failed attempt. */
    Object lastFailure;

    long lastFailureNanos;
    /** Next slot in a retry-timer bucket (intrusive list, so waiting costs no allocation). */
    EventSlot next;

    EventSlot() {
        this(false);
    }

    EventSlot(boolean flyweight) {
        this.flyweight = flyweight;
    }

    /** Copies a first attempt (all that a ring holds of it) from {@code from}. */
    void copyFirstAttempt(EventSlot from) {
        type = from.type;
        payload = from.payload;
        tag = from.tag;
        attempt = from.attempt;
        intendedNanos = from.intendedNanos;
        enqueueNanos = from.enqueueNanos;
        submitNanos = from.submitNanos;
        timed = from.timed;
    }

    @Override
    public Object payload() {
        return payload;
    }

    @Override
    public long tag() {
        return tag;
    }

    @Override
    public EventType type() {
        return type;
    }

    @Override
    public int attempt() {
        return attempt;
    }

    @Override
    public long intendedTimeNanos() {
        return intendedNanos;
    }

    void clear() {
        type = null;
        payload = null;
        firstFailure = null;
        lastFailure = null;
        next = null;
        tag = 0;
        attempt = 0;
        previousDelayNanos = 0;
        firstFailureNanos = 0;
        lastFailureNanos = 0;
        timed = true;
    }
}
