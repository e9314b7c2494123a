package io.veltrix.scenarios.load;

/**
 * The events of one closed-loop submitter. The runner drives time: for each event it calls {@link #next(long)},
 * submits the event, waits for it to finish, then waits {@link #thinkNanos()} before the next. Each submitter has
 * its own random streams, so its sequence of events is the same for every strategy however fast they complete.
 * Reusable and allocation free; not thread-safe (one per submitter thread).
 */
public final class SubmitterCursor {
    private final int index;
    private final int concurrency;
    private final AliasTable types;
    private final DurationSampler[] services;
    private final DurationSampler think;
    private final FailureInjector failures;
    private final SplitMix64 typeRandom;
    private final SplitMix64[] serviceRandom;
    private final SplitMix64 thinkRandom;

    private long count;
    private long sequence = -1;
    private int type;
    private long serviceNanos;
    private long thinkNanos;
    private InjectedFailure failure = InjectedFailure.NONE;

    SubmitterCursor(
            int index,
            int concurrency,
            AliasTable types,
            DurationSampler[] services,
            DurationSampler think,
            FailureInjector failures,
            SplitMix64 typeRandom,
            SplitMix64[] serviceRandom,
            SplitMix64 thinkRandom) {
        this.index = index;
        this.concurrency = concurrency;
        this.types = types;
        this.services = services;
        this.think = think;
        this.failures = failures;
        this.typeRandom = typeRandom;
        this.serviceRandom = serviceRandom;
        this.thinkRandom = thinkRandom;
    }

    /**
     * Draws this submitter's next event.
     *
     * @param nowNanos the time of submission, ns from the start of the run (failure windows depend on it)
     */
    public void next(long nowNanos) {
        sequence = index + count * concurrency;
        count++;
        type = types.pick(typeRandom);
        serviceNanos = services[type].sample(serviceRandom[type]);
        thinkNanos = think.sample(thinkRandom);
        failure = failures.decide(type, sequence, 0, nowNanos);
    }

    /** This submitter's index, 0 to concurrency - 1. */
    public int index() {
        return index;
    }

    /** The event's number, unique across submitters: {@code index + k * concurrency} for its k-th event. */
    public long sequence() {
        return sequence;
    }

    /** The event type's index in {@code Scenario.events()}. */
    public int type() {
        return type;
    }

    /** How long handling the event takes, in nanoseconds. */
    public long serviceNanos() {
        return serviceNanos;
    }

    /** How long to wait after the event finishes before the next one, in nanoseconds. */
    public long thinkNanos() {
        return thinkNanos;
    }

    /** Whether the first attempt fails, and how. */
    public InjectedFailure failure() {
        return failure;
    }
}
