package io.veltrix.engine;

import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * The engine at one moment: accounting, gauges and latencies of every type and queue.
 *
 * <p>Counters are read in an order that keeps the snapshot consistent while the engine runs: every type's
 * terminal counters first, then gauges, then the submitted counters. An event counted as ended was therefore
 * always counted as submitted, and {@code inFlight} can never come out negative; once the engine has stopped,
 * {@code inFlight} equals exactly what the gauges say was left (queued, abandoned, waiting for a retry).
 *
 * @param uptimeNanos since the engine started
 * @param intervalNanos since the previous snapshot (the span of the {@code interval} latencies)
 * @param terminated whether the engine had stopped when this was taken
 * @param total the whole engine's accounting
 * @param queued events in queues now
 * @param inService events workers have taken and not finished
 * @param queues every queue
 * @param types every event type
 * @param retryDelayError the retry timer's actual minus intended delay (ns), since start
 * @param deadLetterFile the file sink's stats, or {@code null} without one
 * @param listenerErrors exceptions thrown by the {@link EngineListener}
 */
public record EngineSnapshot(
        long uptimeNanos,
        long intervalNanos,
        boolean terminated,
        Counts total,
        long queued,
        long inService,
        List<QueueSnapshot> queues,
        List<TypeSnapshot> types,
        Histogram retryDelayError,
        DeadLetterFileStats deadLetterFile,
        long listenerErrors) {

    /** The type named {@code name}. */
    public TypeSnapshot type(String name) {
        for (TypeSnapshot t : types) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("no event type named '" + name + "'");
    }

    /** The queue named {@code name}. */
    public QueueSnapshot queue(String name) {
        for (QueueSnapshot q : queues) {
            if (q.name().equals(name)) {
                return q;
            }
        }
        throw new IllegalArgumentException("no queue named '" + name + "'");
    }

    /**
     * Checks the accounting: no negative in-flight count anywhere, totals equal to the sums of their parts,
     * and, once terminated, in-flight equal to what is measurably left. Returns the violations; empty when it
     * holds.
     */
    public List<String> invariantViolations() {
        List<String> violations = new ArrayList<>();
        Counts sum = Counts.ZERO;
        long waiting = 0;
        long abandoned = 0;
        for (TypeSnapshot t : types) {
            check(violations, "type " + t.name(), t.counts());
            sum = sum.plus(t.counts());
            waiting += t.waitingRetry();
            abandoned += t.abandoned();
            long rejected =
                    t.rejectedBy().values().stream().mapToLong(Long::longValue).sum();
            long dead = t.deadLetteredBy().values().stream()
                    .mapToLong(Long::longValue)
                    .sum();
            if (rejected != t.counts().rejected() || dead != t.counts().deadLettered()) {
                violations.add("type " + t.name() + ": reasons do not add up to the rejected/dead-lettered counts");
            }
        }
        if (!sum.equals(total)) {
            violations.add("total " + total + " is not the sum of the types " + sum);
        }
        Counts queueSum = Counts.ZERO;
        for (QueueSnapshot q : queues) {
            queueSum = queueSum.plus(q.counts());
        }
        if (!queueSum.equals(total)) {
            violations.add("total " + total + " is not the sum of the queues " + queueSum);
        }
        check(violations, "engine", total);
        if (terminated) {
            long left = queued + inService + waiting + abandoned;
            if (total.inFlight() != left) {
                violations.add("stopped engine: in flight " + total.inFlight() + " but " + left
                        + " measurably left (queued " + queued + ", in service " + inService + ", waiting retry "
                        + waiting + ", abandoned " + abandoned + ")");
            }
        }
        return violations;
    }

    private static void check(List<String> violations, String what, Counts c) {
        if (c.inFlight() < 0) {
            violations.add(
                    what + ": more events ended (" + c.terminal() + ") than were submitted (" + c.submitted() + ")");
        }
        if (c.submitted() != c.completed() + c.deadLettered() + c.rejected() + c.evicted() + c.inFlight()) {
            violations.add(what + ": submitted != completed + dead-lettered + rejected + evicted + in flight: " + c);
        }
    }
}
