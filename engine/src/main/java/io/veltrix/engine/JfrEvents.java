package io.veltrix.engine;

import java.nio.ByteBuffer;
import java.util.Base64;
import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Period;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;
import org.HdrHistogram.Histogram;

/**
 * The engine's JDK Flight Recorder events. All are periodic or per rare change, never one per processed
 * event, so they can stay on in production: a periodic snapshot per queue, a latency interval per event type
 * and metric (the interval's HdrHistogram, compressed and base64-encoded, so percentiles can be rebuilt exactly
 * from the recording alone), capacity changes, circuit-breaker transitions and a per-interval dead-letter summary.
 */
final class JfrEvents {
    private JfrEvents() {}

    static final String CATEGORY = "Veltrix";

    /** A queue's state, once per period (default 1 s). */
    @Name("io.veltrix.QueueSnapshot")
    @Label("Queue Snapshot")
    @Category({CATEGORY, "Engine"})
    @Period("1 s")
    @StackTrace(false)
    static final class QueueSnapshotEvent extends Event {
        @Label("Engine")
        String engine;

        @Label("Queue")
        String queue;

        @Label("Tier")
        String tier;

        @Label("Event Types")
        String eventTypes;

        @Label("Depth")
        long depth;

        @Label("Capacity")
        long capacity;

        @Label("Limit")
        @Description("What admission enforces: capacity plus borrowed minus lent slots")
        long limit;

        @Label("Submitted Since Last")
        long submitted;

        @Label("Completed Since Last")
        long completed;

        @Label("Rejected Since Last")
        long rejected;

        @Label("Evicted Since Last")
        long evicted;

        @Label("Dead-Lettered Since Last")
        long deadLettered;

        @Label("Capacity Changes")
        long capacityChanges;
    }

    /** One event type's latency distribution over one period. */
    @Name("io.veltrix.LatencyInterval")
    @Label("Latency Interval")
    @Category({CATEGORY, "Engine"})
    @Period("1 s")
    @StackTrace(false)
    static final class LatencyIntervalEvent extends Event {
        @Label("Engine")
        String engine;

        @Label("Event Type")
        String eventType;

        @Label("Tier")
        String tier;

        @Label("Metric")
        @Description("end-to-end, queue-delay or service; values in nanoseconds")
        String metric;

        @Label("Interval")
        @Timespan(Timespan.NANOSECONDS)
        long interval;

        @Label("Count")
        long count;

        @Label("p50")
        @Timespan(Timespan.NANOSECONDS)
        long p50;

        @Label("p99")
        @Timespan(Timespan.NANOSECONDS)
        long p99;

        @Label("Max")
        @Timespan(Timespan.NANOSECONDS)
        long max;

        @Label("Histogram")
        @Description("HdrHistogram compressed encoding, base64 (Histogram.decodeFromCompressedByteBuffer)")
        String histogram;
    }

    /** A dynamic queue's capacity moved. */
    @Name("io.veltrix.CapacityChange")
    @Label("Capacity Change")
    @Category({CATEGORY, "Engine"})
    @StackTrace(false)
    static final class CapacityChangeEvent extends Event {
        @Label("Engine")
        String engine;

        @Label("Queue")
        String queue;

        @Label("Old Capacity")
        long oldCapacity;

        @Label("New Capacity")
        long newCapacity;

        @Label("Reason")
        String reason;
    }

    /** A circuit breaker changed state. */
    @Name("io.veltrix.CircuitBreakerTransition")
    @Label("Circuit Breaker Transition")
    @Category({CATEGORY, "Engine"})
    @StackTrace(false)
    static final class CircuitBreakerEvent extends Event {
        @Label("Engine")
        String engine;

        @Label("Event Type")
        String eventType;

        @Label("From")
        String from;

        @Label("To")
        String to;
    }

    /** Dead letters and budget exhaustion of one event type over one period (only when there were some). */
    @Name("io.veltrix.DeadLetterSummary")
    @Label("Dead Letter Summary")
    @Category({CATEGORY, "Engine"})
    @Period("1 s")
    @StackTrace(false)
    static final class DeadLetterSummaryEvent extends Event {
        @Label("Engine")
        String engine;

        @Label("Event Type")
        String eventType;

        @Label("Dead-Lettered")
        long deadLettered;

        @Label("Budget Exhausted")
        long budgetExhausted;

        @Label("Permanent")
        long permanent;

        @Label("Max Attempts")
        long maxAttempts;

        @Label("Deadline")
        long deadline;

        @Label("Retries Scheduled")
        long retries;
    }

    /** A histogram in HdrHistogram's compressed form, base64-encoded. */
    static String encode(Histogram h) {
        ByteBuffer buffer = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
        int length = h.encodeIntoCompressedByteBuffer(buffer);
        byte[] bytes = new byte[length];
        buffer.flip();
        buffer.get(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** The inverse of {@link #encode}. */
    static Histogram decode(String base64) {
        try {
            return Histogram.decodeFromCompressedByteBuffer(
                    ByteBuffer.wrap(Base64.getDecoder().decode(base64)), 0);
        } catch (java.util.zip.DataFormatException e) {
            throw new IllegalArgumentException("not an HdrHistogram compressed encoding", e);
        }
    }
}
