package io.veltrix.scenarios.load;

/**
 * Walks an open schedule's arrivals in time order. A reusable cursor: each {@link #next()} fills its fields with
 * the next arrival and allocates nothing. Not thread-safe: one cursor per generator thread; every cursor of a
 * schedule yields the same arrivals.
 *
 * <pre>{@code
 * ArrivalCursor arrivals = schedule.arrivals();
 * while (arrivals.next()) {
 *     waitUntil(start + arrivals.intendedNanos());
 *     submit(arrivals.sequence(), arrivals.type(), arrivals.serviceNanos(), arrivals.failure());
 * }
 * }</pre>
 */
public final class ArrivalCursor {
    private final RateProfile profile;
    private final long endNanos;
    private final long warmupNanos;
    private final AliasTable types;
    private final DurationSampler[] services;
    private final FailureInjector failures;
    private final SplitMix64 arrivalRandom;
    private final SplitMix64 typeRandom;
    private final SplitMix64[] serviceRandom;

    private final RateProfile.Segment segment = new RateProfile.Segment();
    private int segmentIndex;
    private double segmentStartLambda;
    private double segmentEndLambda;
    private double lambda;
    private boolean started;
    private boolean done;

    private long sequence = -1;
    private long intendedNanos;
    private int type;
    private long serviceNanos;
    private InjectedFailure failure = InjectedFailure.NONE;

    ArrivalCursor(
            RateProfile profile,
            long warmupNanos,
            long endNanos,
            AliasTable types,
            DurationSampler[] services,
            FailureInjector failures,
            SplitMix64 arrivalRandom,
            SplitMix64 typeRandom,
            SplitMix64[] serviceRandom) {
        this.profile = profile;
        this.warmupNanos = warmupNanos;
        this.endNanos = endNanos;
        this.types = types;
        this.services = services;
        this.failures = failures;
        this.arrivalRandom = arrivalRandom;
        this.typeRandom = typeRandom;
        this.serviceRandom = serviceRandom;
        if (profile.segment(0, segment)) {
            segmentEndLambda = segment.mass();
        } else {
            done = true;
        }
    }

    /**
     * Moves to the next arrival.
     *
     * @return false when the schedule has no more arrivals before its end (the fields then keep the last one)
     */
    public boolean next() {
        if (done) {
            return false;
        }
        double step = segment.poisson ? arrivalRandom.nextExponential() : 1.0;
        if (started) {
            lambda += step;
        } else {
            started = true;
            lambda = segment.poisson ? step : 0.0;
        }
        while (lambda >= segmentEndLambda) {
            if (!nextSegment()) {
                done = true;
                return false;
            }
        }
        long time = Math.round(segment.startNanos + segment.offsetNanos(lambda - segmentStartLambda));
        if (time >= endNanos) {
            done = true;
            return false;
        }
        intendedNanos = Math.max(time, intendedNanos);
        sequence++;
        type = types.pick(typeRandom);
        serviceNanos = services[type].sample(serviceRandom[type]);
        failure = failures.decide(type, sequence, 0, intendedNanos);
        return true;
    }

    private boolean nextSegment() {
        if (!profile.segment(++segmentIndex, segment) || segment.startNanos >= endNanos) {
            return false;
        }
        segmentStartLambda = segmentEndLambda;
        segmentEndLambda = segmentStartLambda + segment.mass();
        return true;
    }

    /** The arrival's number: 0 for the first, then 1, 2, ... (the key for its failure draws and jitter). */
    public long sequence() {
        return sequence;
    }

    /** When the event is due: nanoseconds from the start of the run. Latency is measured from this time. */
    public long intendedNanos() {
        return intendedNanos;
    }

    /** Whether the arrival falls in the warm-up, whose results are excluded. */
    public boolean inWarmup() {
        return intendedNanos < warmupNanos;
    }

    /** The event type's index in {@code Scenario.events()}. */
    public int type() {
        return type;
    }

    /** How long handling the event takes, in nanoseconds (for every attempt of it). */
    public long serviceNanos() {
        return serviceNanos;
    }

    /** Whether the first attempt fails, and how; retries ask {@link Schedule#failure}. */
    public InjectedFailure failure() {
        return failure;
    }
}
