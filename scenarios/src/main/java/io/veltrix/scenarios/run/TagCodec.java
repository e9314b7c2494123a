package io.veltrix.scenarios.run;

/**
 * Packs an event's sequence number and service time into the engine's {@code long} tag, so the synthetic handler
 * knows both without a payload object (submitting allocates nothing).
 *
 * <p>Encoding: {@code tag = sequence << 34 | serviceNanos}. The low {@value #SERVICE_BITS} bits hold the service time
 * in nanoseconds, from 0 to {@link #MAX_SERVICE_NANOS} (2^34 - 1 ns, about 17.18 s); the high 30 bits hold the
 * sequence number, from 0 to {@link #MAX_SEQUENCE} (2^30 - 1, about 1.07 billion events per run). The tag may come
 * out negative (the sequence uses the sign bit); decoding uses unsigned shifts.
 *
 * <p>The runner clamps longer service times to {@link #MAX_SERVICE_NANOS} (and counts them in the generator's
 * statistics), and refuses a scenario whose schedule would number more events than {@link #MAX_SEQUENCE}.
 */
public final class TagCodec {
    /** Bits of the tag that hold the service time. */
    public static final int SERVICE_BITS = 34;

    /** The longest service time a tag can carry, in nanoseconds: 2^34 - 1, about 17.18 s. */
    public static final long MAX_SERVICE_NANOS = (1L << SERVICE_BITS) - 1;

    /** The largest sequence number a tag can carry: 2^30 - 1. */
    public static final long MAX_SEQUENCE = (1L << (Long.SIZE - SERVICE_BITS)) - 1;

    private TagCodec() {}

    /**
     * The tag of an event.
     *
     * @param sequence the event's number in its schedule, from 0 to {@link #MAX_SEQUENCE}
     * @param serviceNanos its service time in nanoseconds, from 0 to {@link #MAX_SERVICE_NANOS}
     * @throws IllegalArgumentException when either is out of range
     */
    public static long encode(long sequence, long serviceNanos) {
        if (sequence < 0 || sequence > MAX_SEQUENCE) {
            throw new IllegalArgumentException("sequence must be in [0, " + MAX_SEQUENCE + "], was " + sequence);
        }
        if (serviceNanos < 0 || serviceNanos > MAX_SERVICE_NANOS) {
            throw new IllegalArgumentException(
                    "serviceNanos must be in [0, " + MAX_SERVICE_NANOS + "] (about 17.18 s), was " + serviceNanos);
        }
        return sequence << SERVICE_BITS | serviceNanos;
    }

    /** The sequence number packed in {@code tag}. */
    public static long sequence(long tag) {
        return tag >>> SERVICE_BITS;
    }

    /** The service time packed in {@code tag}, in nanoseconds. */
    public static long serviceNanos(long tag) {
        return tag & MAX_SERVICE_NANOS;
    }

    /** {@code serviceNanos} limited to what a tag can carry. */
    public static long clampService(long serviceNanos) {
        return Math.max(0, Math.min(serviceNanos, MAX_SERVICE_NANOS));
    }
}
